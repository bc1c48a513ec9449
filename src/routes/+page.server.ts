import { getDb } from '$lib/server/web/kit';
import { getHomeEntryPoints } from '$lib/server/catalogue/home';
import { listCatalogues } from '$lib/server/catalogue/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const db = await getDb();
  const [catalogues, entryPoints] = await Promise.all([listCatalogues(db, locals.municipality), getHomeEntryPoints(db, locals.municipality)]);
  return { catalogues, entryPoints };
};
