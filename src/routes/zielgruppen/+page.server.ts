import { getDb } from '$lib/server/web/kit';
import { listTargetGroups } from '$lib/server/catalogue/target-groups';
import { foldForMatch } from '$lib/components/alphabet';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const db = await getDb();
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const all = await listTargetGroups(db, locals.municipality);
  const needle = foldForMatch(query);
  return { query, targetGroups: query ? all.filter((g) => foldForMatch(g.name).includes(needle)) : all };
};
