import { getDb } from '$lib/server/web/kit';
import { listActors } from '$lib/server/catalogue/actors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const db = await getDb();
  // Long input is cut rather than refused: the filter is a convenience, not a search engine.
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  return { query, actors: await listActors(db, { query, municipality: locals.municipality }) };
};
