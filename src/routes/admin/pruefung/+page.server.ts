/** /admin/pruefung: the review queue (editors): change requests and new measures in review, oldest first. */
import { getDb, requirePermission } from '$lib/server/web/kit';
import { listReviewQueue } from '$lib/server/editing/workflow/review-queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.publish');
  return { queue: await listReviewQueue(await getDb()), done: event.url.searchParams.get('erledigt') };
};
