/** /admin/pruefung/massnahme/[id]: a new measure in review — its details; publish or return to draft with a reason. */
import { error, fail, redirect } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/auth/kit';
import { actionFailure } from '$lib/server/editing/action-errors';
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
    try {
      await guard(event, async () => publishMeasure(await getDb(), user, event.params.id, { comment, version: Number.isInteger(version) && version > 0 ? version : undefined }));
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      return fail(failure.status, { errors: failure.errors, message: failure.message, reviewComment: comment, action: 'publish' });
    }
    redirect(303, '/admin/pruefung?erledigt=publishedNew');
  },
  reject: async (event) => {
    const user = requirePermission(event, 'measure.publish');
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '');
    try {
      await guard(event, async () => rejectMeasure(await getDb(), user, event.params.id, reason));
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      return fail(failure.status, { errors: failure.errors, message: failure.message, reason, action: 'reject' });
    }
    redirect(303, '/admin/pruefung?erledigt=rejectedNew');
  },
};
