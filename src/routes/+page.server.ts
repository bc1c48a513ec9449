import { getDb } from '$lib/server/web/kit';
import { getHomeEntryPoints } from '$lib/server/catalogue/browse';
import { listCatalogues } from '$lib/server/catalogue/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const db = await getDb();
  const [catalogues, entryPoints] = await Promise.all([listCatalogues(db), getHomeEntryPoints(db)]);
  return { catalogues, entryPoints };
};
