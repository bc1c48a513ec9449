import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/app/instance';
import { getTargetGroupDetail } from '$lib/server/catalogue/target-groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = await getDatabase();
  const targetGroup = await getTargetGroupDetail(db, params.group, locals.municipality);
  if (!targetGroup) error(404, 'Zielgruppe nicht gefunden');
  return { targetGroup };
};
