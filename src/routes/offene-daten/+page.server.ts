import { getDb } from '$lib/server/web/kit';
import { DEFAULT_MUNICIPALITY } from '$lib/server/catalogue/municipality';
import { listCatalogues } from '$lib/server/catalogue/queries';
import { DCAT_PATH, distributionPaths, HSDS_PATH, INTEGREAT_PATH } from '$lib/server/opendata/dcat';
import { LICENCE } from '$lib/server/opendata/profile';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const db = await getDb();
  const catalogues = await listCatalogues(db, locals.municipality);
  return {
    licence: { title: LICENCE.title, url: LICENCE.url },
    attribution: DEFAULT_MUNICIPALITY.name,
    files: { dcat: DCAT_PATH, hsds: HSDS_PATH, integreat: INTEGREAT_PATH },
    catalogues: catalogues.map((c) => ({ slug: c.slug, title: c.title, stand: c.stand, files: distributionPaths(c.slug) })),
  };
};
