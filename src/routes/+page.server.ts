import { getDatabase } from '$lib/server/app/instance';
import { getHomeEntryPoints } from '$lib/server/catalogue/home';
import { listCatalogues } from '$lib/server/catalogue/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = await getDatabase();
  const [catalogues, entryPoints] = await Promise.all([listCatalogues(db, locals.municipality), getHomeEntryPoints(db, locals.municipality)]);
  return { catalogues, entryPoints };
};
