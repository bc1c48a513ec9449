/**
 * /admin/pruefung/[id]: one change request — word diff against the published measure, publish
 * (with comment) or reject (with reason). If the measure changed since the request was made,
 * publishing answers 409 with the merge view; the merged form publishes as `resolution`.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { formValuesFromEditable, inputFromFormValues, measureFormFromData, mergedFormValues } from '$lib/server/editing/measures/form';
import { publishChange } from '$lib/server/editing/workflow/publish-change';
import { conflictFields, currentExtra, editOptions } from '$lib/server/editing/measures/edit-context';
import { getChangeReview } from '$lib/server/editing/workflow/review-queries';
import { rejectChange } from '$lib/server/editing/workflow/reject-change';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.publish');
  const db = await getDb();
  const review = await getChangeReview(db, event.params.id);
  if (!review) error(404, 'Änderung nicht gefunden');
  return {
    review,
    options: await editOptions(db, review.measure.catalogueId),
    showAll: event.url.searchParams.get('alle') === '1',
  };
};

export const actions: Actions = {
  publish: async (event) => {
    const user = requirePermission(event, 'measure.publish');
    const form = await event.request.formData();
    const comment = String(form.get('reviewComment') ?? '');
    const db = await getDb();
    const merged = form.get('merge') === '1' ? measureFormFromData(form) : null;
    const result = await runAction(
      event,
      async () => {
        const review = await getChangeReview(db, event.params.id);
        if (!review) error(404, 'Änderung nicht gefunden');
        const resolution = merged
          ? { ...inputFromFormValues(merged.values, await currentExtra(db, review.measure.id)), version: merged.values.version ?? 0 }
          : undefined;
        return publishChange(db, user, event.params.id, { comment, resolution });
      },
      { data: { reviewComment: comment, values: merged?.values ?? null, action: 'publish' }, notFound: 'page' },
    );
    if (isFailure(result)) return result;
    if (result.status === 'conflict') {
      const c = result.conflict;
      return fail(409, {
        errors: {},
        message: null,
        reviewComment: comment,
        action: 'publish',
        values: merged ? mergedFormValues(merged.values, c.theirs.state, c.takenFromTheirs, c.theirs.version) : formValuesFromEditable(c.merged, c.theirs.version),
        conflict: {
          author: c.theirs.author,
          version: c.theirs.version,
          updatedAt: c.theirs.updatedAt,
          differing: c.differing,
          conflicting: c.conflicting,
          taken: c.takenFromTheirs,
          fields: await conflictFields(db, c.theirs.state, c.mine),
        },
      });
    }
    redirect(303, '/admin/pruefung?erledigt=published');
  },
  reject: async (event) => {
    const user = requirePermission(event, 'measure.publish');
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '');
    const result = await runAction(event, async () => rejectChange(await getDb(), user, event.params.id, reason), {
      data: { reason, action: 'reject' },
      notFound: 'page',
    });
    if (isFailure(result)) return result;
    redirect(303, '/admin/pruefung?erledigt=rejected');
  },
};
