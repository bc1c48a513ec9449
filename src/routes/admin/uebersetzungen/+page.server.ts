/** /admin/uebersetzungen: coverage of every catalogue in every content language (translation.edit). */
import { getDb, requirePermission } from '$lib/server/web/kit';
import { listCatalogues } from '$lib/server/catalogue/queries';
import { CONTENT_LANGUAGES, loadCoverage } from '$lib/server/translations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'translation.edit');
  const db = await getDb();
  const catalogues = await listCatalogues(db, event.locals.municipality);
  const langs = CONTENT_LANGUAGES.map((l) => l.code);
  return {
    languages: CONTENT_LANGUAGES.map(({ code, name, dir }) => ({ code, name, dir })),
    catalogues: await Promise.all(
      catalogues.map(async (c) => ({ slug: c.slug, title: c.title, coverage: await loadCoverage(db, c.id, langs) })),
    ),
  };
};
