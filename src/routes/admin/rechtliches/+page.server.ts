import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { getLegalTexts, isLegalPage, setLegalText } from '$lib/server/legal/texts';
import { getAccessibilityStatement, setStatementReviewedOn } from '$lib/server/accessibility/statement';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** Administrators: the texts of /impressum, /datenschutz and /barrierefreiheit, and the statement's review date. */
export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'settings.manage');
  const db = await getDb();
  return { texts: await getLegalTexts(db), reviewedOn: (await getAccessibilityStatement(db)).reviewedOn };
};

export const actions: Actions = {
  speichern: async (event) => {
    const user = requirePermission(event, 'settings.manage');
    const form = await event.request.formData();
    const page = form.get('page');
    if (!isLegalPage(page)) return fail(400, { page: null, text: '', saved: false, errors: {}, message: 'Unbekannte Seite.' });
    const text = String(form.get('text') ?? '');
    const result = await runAction(event, async () => setLegalText(await getDb(), user.id, page, text), {
      data: { page, text, saved: false },
      field: 'text',
    });
    if (isFailure(result)) return result;
    return { page, text, saved: true };
  },
  geprueft: async (event) => {
    const user = requirePermission(event, 'settings.manage');
    const form = await event.request.formData();
    const reviewedOn = String(form.get('reviewedOn') ?? '');
    const result = await runAction(event, async () => setStatementReviewedOn(await getDb(), user, reviewedOn), {
      data: { page: 'reviewedOn' as const, text: reviewedOn, saved: false },
    });
    if (isFailure(result)) return result;
    return { page: 'reviewedOn' as const, text: reviewedOn, saved: true };
  },
};
