/** /admin/quelldokumente: the report of the last import of the source documents (measure.import). */
import { getDb, requirePermission } from '$lib/server/web/kit';
import { loadLastImportReport } from '$lib/server/importers/last-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.import');
  return { last: await loadLastImportReport(await getDb()) };
};
