/**
 * /admin/luecken?katalog=…: the gap analysis (report.read: Redaktion, steering group,
 * administration). The lists come from $lib/server/gaps; the filter is a plain GET form, so it
 * works without JavaScript. Nodes and actors are linked only for those who may edit them.
 */
import { can } from '$lib/server/auth/policy';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { loadGapAnalysis } from '$lib/server/gaps/analysis';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'report.read');
  const db = await getDb();
  const scope = { municipality: event.locals.municipality, catalogue: event.url.searchParams.get('katalog') };
  const analysis = await guard(event, () => loadGapAnalysis(db, user, scope));
  return {
    ...analysis,
    links: { structure: can(user, 'structure.edit'), actors: can(user, 'vocabulary.manage') },
  };
};
