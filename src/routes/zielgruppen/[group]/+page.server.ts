import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getTargetGroupDetail } from '$lib/server/catalogue/browse';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const db = await getDb();
  const targetGroup = await getTargetGroupDetail(db, params.group);
  if (!targetGroup) error(404, 'Zielgruppe nicht gefunden');
  return { targetGroup };
};
