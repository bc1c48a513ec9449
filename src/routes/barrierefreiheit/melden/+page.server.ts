/** "Barriere melden": the feedback form of the accessibility statement (no account, works without JavaScript). */
import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getRetentionDays } from '$lib/server/suggestions/settings';
import { newBarrierFormToken, submitBarrierReport } from '$lib/server/accessibility/barrier-reports';
import { EMPTY_BARRIER_FORM, readBarrierForm, reportedPageFrom } from '$lib/server/accessibility/barrier-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
  const db = await getDb();
  // The form carries a fresh signed timestamp: never serve it from a cache.
  setHeaders({ 'cache-control': 'no-store' });
  return {
    values: { ...EMPTY_BARRIER_FORM, pageUrl: reportedPageFrom(url.searchParams.get('seite')) },
    token: await newBarrierFormToken(db),
    retentionDays: await getRetentionDays(db),
  };
};

export const actions: Actions = {
  default: async ({ request, getClientAddress, locals }) => {
    const db = await getDb();
    const submission = readBarrierForm(await request.formData());
    const result = await submitBarrierReport(db, submission, { clientAddress: getClientAddress(), municipality: locals.municipality });
    if (result.status === 'created' || result.status === 'ignored') redirect(303, '/barrierefreiheit/melden/danke');
    const token = await newBarrierFormToken(db);
    if (result.status === 'invalid') return fail(400, { values: submission.values, errors: result.errors, message: null, token });
    return fail(result.reason === 'rateLimited' ? 429 : 400, { values: submission.values, errors: {} as Record<string, string>, message: result.message, token });
  },
};
