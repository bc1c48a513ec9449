/** /admin/pruefung/massnahme/[id]: a new measure in review — its details; publish or return to draft with a reason. */
import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { publishMeasure } from '$lib/server/editing/workflow/publish-measure';
import { getNewMeasureReview } from '$lib/server/editing/workflow/review-queries';
import { rejectMeasure } from '$lib/server/editing/workflow/reject-measure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.publish');
  const review = await getNewMeasureReview(await getDb(), event.params.id);
  if (!review) error(404, 'Maßnahme nicht gefunden');
  return { review };
};

export const actions: Actions = {
  publish: async (event) => {
    const user = requirePermission(event, 'measure.publish');
    const form = await event.request.formData();
    const comment = String(form.get('reviewComment') ?? '');
    const version = Number(form.get('version'));
    const result = await runAction(
      event,
      async () => publishMeasure(await getDb(), user, event.params.id, { comment, version: Number.isInteger(version) && version > 0 ? version : undefined }),
      { data: { reviewComment: comment, action: 'publish' } },
    );
    if (isFailure(result)) return result;
    redirect(303, '/admin/pruefung?erledigt=publishedNew');
  },
  reject: async (event) => {
    const user = requirePermission(event, 'measure.publish');
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '');
    const result = await runAction(event, async () => rejectMeasure(await getDb(), user, event.params.id, reason), { data: { reason, action: 'reject' } });
    if (isFailure(result)) return result;
    redirect(303, '/admin/pruefung?erledigt=rejectedNew');
  },
};
