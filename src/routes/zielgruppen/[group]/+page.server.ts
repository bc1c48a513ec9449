import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getTargetGroupDetail } from '$lib/server/catalogue/target-groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const db = await getDb();
  const targetGroup = await getTargetGroupDetail(db, params.group, locals.municipality);
  if (!targetGroup) error(404, 'Zielgruppe nicht gefunden');
  return { targetGroup };
};
