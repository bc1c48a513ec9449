import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { buildYearReview } from '$lib/server/events/year-review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) error(404, 'Jahr nicht gefunden');
  const review = await buildYearReview(await getDb(), locals.municipality, year);
  if (!review) error(404, 'Jahr nicht gefunden');
  return { review };
};
