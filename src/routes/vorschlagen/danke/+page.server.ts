import { getDatabase } from '$lib/server/app/instance';
import { getRetentionDays } from '$lib/server/suggestions/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getDatabase();
  return { retentionDays: await getRetentionDays(db) };
};
