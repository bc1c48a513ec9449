/**
 * /admin/berichte/lenkungsgruppe?katalog=…&feld=…&seit=…: the report for the steering group
 * (report.read: Redaktion, steering group, administration). A plain GET form, so it works
 * without JavaScript; the report itself comes from $lib/server/reports/steering.
 */
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { loadSteeringReport } from '$lib/server/reports/steering';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'report.read');
  const db = await getDb();
  const p = event.url.searchParams;
  return guard(event, () =>
    loadSteeringReport(
      db,
      user,
      { municipality: event.locals.municipality, catalogue: p.get('katalog'), node: p.get('feld'), since: p.get('seit') },
      { locale: event.locals.locale },
    ),
  );
};
