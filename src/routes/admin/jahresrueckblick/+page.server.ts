import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { getReviewIntroduction, parseYear, setReviewIntroduction } from '$lib/server/events/review-introduction';
import { eventFacets } from '$lib/server/events/queries';
import type { Actions, PageServerLoad } from './$types';

/** Editors: the introduction of a year's generated Jahresrückblick (?jahr=2023). */
export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.publish');
  const db = await getDb();
  const { years } = await eventFacets(db, event.locals.municipality);
  const year = parseYear(event.url.searchParams.get('jahr')) ?? years[0] ?? new Date().getFullYear();
  return { year, years, introduction: await getReviewIntroduction(db, event.locals.municipality, year) };
};

export const actions: Actions = {
  speichern: async (event) => {
    const user = requirePermission(event, 'measure.publish');
    const form = await event.request.formData();
    const year = String(form.get('year') ?? '');
    const introduction = String(form.get('introduction') ?? '');
    const result = await runAction(event, async () => setReviewIntroduction(await getDb(), user.id, event.locals.municipality, year, introduction), {
      data: { year, introduction, saved: false },
      field: 'introduction',
    });
    if (isFailure(result)) return result;
    return { year, introduction, saved: true };
  },
};
