import { can } from '$lib/server/auth/policy';
import { getDb, requireUser } from '$lib/server/web/kit';
import { loadMyTasks } from '$lib/server/dashboard/my-tasks';
import { loadDashboardCharts } from '$lib/server/dashboard/charts';
import { buildChartViews } from '$lib/server/dashboard/chart-views';
import type { PageServerLoad } from './$types';

/**
 * "Meine Aufgaben": every signed-in user; each section only if the policy allows it. The
 * figures (charts with their data tables, issue 15) for those who may read reports, filtered by
 * catalogue with a plain GET form (?katalog=…).
 */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const db = await getDb();
  const tasks = await loadMyTasks(db, user);
  if (!can(user, 'report.read')) return { tasks, charts: null };
  const data = await loadDashboardCharts(db, { municipality: event.locals.municipality, catalogue: event.url.searchParams.get('katalog') });
  return {
    tasks,
    charts: { catalogue: data.catalogue, catalogues: data.catalogues, views: buildChartViews(data, event.locals.locale) },
  };
};
