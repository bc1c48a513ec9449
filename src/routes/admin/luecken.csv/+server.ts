/** GET /admin/luecken.csv?liste=…&katalog=…: one list of the gap analysis as CSV (report.read). */
import { error } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { isGapListName, loadGapListFor } from '$lib/server/gaps/analysis';
import { gapCsvFilename, gapListCsv } from '$lib/server/gaps/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const user = requirePermission(event, 'report.read');
  const name = event.url.searchParams.get('liste');
  if (!isGapListName(name)) error(400, 'Unbekannte Liste.');
  const scope = { municipality: event.locals.municipality, catalogue: event.url.searchParams.get('katalog') };
  const db = await getDb();
  const { catalogue, rows } = await guard(event, () => loadGapListFor(db, user, name, scope));
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  return new Response(gapListCsv(name, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${gapCsvFilename(name, catalogue, day)}"`,
      'cache-control': 'private, no-store',
    },
  });
};
