import { getDb } from '$lib/server/web/kit';
import { listOffers, offerFacets, parseOfferFilter } from '$lib/server/events/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const db = await getDb();
  const filter = parseOfferFilter(url.searchParams);
  const [offers, facets] = await Promise.all([listOffers(db, locals.municipality, filter), offerFacets(db, locals.municipality)]);
  return { filter, offers, facets };
};
