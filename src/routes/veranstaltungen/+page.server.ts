import { getDb } from '$lib/server/web/kit';
import { eventFacets, eventFilterQuery, listEvents, parseEventFilter } from '$lib/server/events/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const db = await getDb();
  const filter = parseEventFilter(url.searchParams);
  const [events, facets] = await Promise.all([listEvents(db, locals.municipality, filter), eventFacets(db, locals.municipality)]);
  return { filter, events, facets, icalQuery: eventFilterQuery(filter) };
};
