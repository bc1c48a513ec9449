/** GET /admin/uebersetzungen/{katalog}/{sprache}/xliff?umfang=offen|alle: the XLIFF 2.0 file (translation.edit). */
import { error } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { exportXliff, translationContext } from '$lib/server/translations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const user = requirePermission(event, 'translation.edit');
  const db = await getDb();
  const found = await translationContext(db, event.locals.municipality, event.params.katalog, event.params.sprache);
  if (!found) error(404, 'Nicht gefunden');
  const scope = event.url.searchParams.get('umfang') === 'alle' ? 'alle' : 'offen';
  const file = await guard(event, () => exportXliff(db, user, found.catalogue.id, found.language.code, scope));
  return new Response(file.body, {
    headers: {
      'content-type': 'application/xliff+xml; charset=utf-8',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
