import { getDb } from '$lib/server/web/kit';
import { getRetentionDays } from '$lib/server/suggestions/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const db = await getDb();
  return { retentionDays: await getRetentionDays(db) };
};
