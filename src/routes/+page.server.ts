import { getDatabase } from '$lib/server/app/instance';
import { listCatalogues } from '$lib/server/catalogue/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getDatabase();
  return { catalogues: await listCatalogues(db) };
};
