/** /admin/massnahmen: all measures (any workflow state) with search, filters and pagination. */
import { getDb, requirePermission } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { filterOptions, listAdminMeasures, parseAdminFilter } from '$lib/server/editing/measures/admin-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const db = await getDb();
  const filter = parseAdminFilter(event.url.searchParams);
  // Contributors start with the measures of their own actors.
  if (user.role === 'beitragende' && !event.url.searchParams.has('meine')) filter.meine = true;
  const [list, options] = await Promise.all([listAdminMeasures(db, user, filter), filterOptions(db)]);
  return {
    list,
    options,
    isContributor: user.role === 'beitragende',
    canCreate: can(user, 'measure.create', { actorIds: user.actorIds }) || can(user, 'measure.create'),
  };
};
