/**
 * /admin/massnahmen/[id]: the edit form. Saving follows the workflow (updateMeasure): editors
 * publish directly or save a draft; contributors' changes to a published measure become change
 * requests. A stale version answers 409 with the merge view (both versions, fields keep what
 * was typed).
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb, guard, requirePermission, requireUser } from '$lib/server/auth/kit';
import { actionFailure } from '$lib/server/editing/action-errors';
import { archiveMeasure } from '$lib/server/editing/measures/archive-measure';
import { formValuesFromEditable, inputFromFormValues, measureFormFromData, mergedFormValues } from '$lib/server/editing/measures/form';
import { today } from '$lib/server/editing/measures/mark-reviewed';
import { publishMeasure } from '$lib/server/editing/workflow/publish-measure';
import { conflictFields, currentExtra, editOptions, getEditContext } from '$lib/server/editing/measures/edit-context';
import { restoreMeasure } from '$lib/server/editing/measures/restore-measure';
import { submitForReview } from '$lib/server/editing/workflow/submit-for-review';
import { updateMeasure } from '$lib/server/editing/measures/update-measure';
import { withdrawChange } from '$lib/server/editing/workflow/withdraw-change';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const db = await getDb();
  const ctx = await getEditContext(db, user, event.params.id);
  if (!ctx) error(404, 'Maßnahme nicht gefunden');
  const options = await editOptions(db, ctx.measure.catalogue.id);
  const own = ctx.ownChange;
  return {
    ctx,
    options,
    // The user's pending change is what they edit further (based on the version it was made on).
    values: formValuesFromEditable(own?.proposed ?? ctx.current, own?.baseVersion ?? ctx.measure.version),
    saved: event.url.searchParams.get('gespeichert'),
  };
};

function done(event: RequestEvent, status: string): never {
  redirect(303, `/admin/massnahmen/${event.params.id}?gespeichert=${status}`);
}

async function simple(event: RequestEvent, run: (db: Awaited<ReturnType<typeof getDb>>, comment: string) => Promise<unknown>, status: string) {
  requireUser(event);
  const form = await event.request.formData();
  const comment = String(form.get('comment') ?? '');
  try {
    await guard(event, async () => run(await getDb(), comment));
  } catch (e) {
    const failure = actionFailure(e);
    if (!failure) throw e;
    if (failure.status === 404) error(404, failure.message ?? 'Nicht gefunden');
    return fail(failure.status, { message: failure.message ?? Object.values(failure.errors)[0] ?? null, errors: failure.errors, action: status });
  }
  done(event, status);
}

export const actions: Actions = {
  save: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const parsed = measureFormFromData(form);
    if (parsed.markReviewed) parsed.values.lastReviewedAt = today();
    const db = await getDb();
    const input = { ...inputFromFormValues(parsed.values, await currentExtra(db, event.params.id)), version: parsed.values.version ?? 0 };
    let result;
    try {
      result = await guard(event, () => updateMeasure(db, user, event.params.id, input, { comment: parsed.comment, intent: parsed.intent }));
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      if (failure.status === 404) error(404, failure.message ?? 'Nicht gefunden');
      return fail(failure.status, { values: parsed.values, errors: failure.errors, message: failure.message, comment: parsed.comment });
    }
    if (result.status === 'conflict') {
      const c = result.conflict;
      return fail(409, {
        values: mergedFormValues(parsed.values, c.theirs.state, c.takenFromTheirs, c.theirs.version),
        errors: {},
        message: null,
        comment: parsed.comment,
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
    if (result.status === 'proposed') done(event, result.state === 'in_pruefung' ? 'proposed' : 'proposedDraft');
    done(event, result.changed ? result.workflowState : 'unchanged');
  },
  archive: (event) => simple(event, (db, comment) => archiveMeasure(db, event.locals.user!, event.params.id, { comment }), 'archived'),
  restore: (event) => simple(event, (db) => restoreMeasure(db, event.locals.user!, event.params.id), 'restored'),
  publish: (event) => simple(event, (db, comment) => publishMeasure(db, event.locals.user!, event.params.id, { comment }), 'published'),
  submit: (event) => simple(event, (db, comment) => submitForReview(db, event.locals.user!, event.params.id, { comment }), 'submitted'),
  withdraw: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const id = String(form.get('changeRequestId') ?? '');
    try {
      await guard(event, async () => withdrawChange(await getDb(), user, id));
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      return fail(failure.status, { message: failure.message, errors: failure.errors, action: 'withdraw' });
    }
    done(event, 'withdrawn');
  },
};
