/**
 * /admin/massnahmen/[id]: the edit form. Saving follows the workflow (updateMeasure): editors
 * publish directly or save a draft; contributors' changes to a published measure become change
 * requests. A stale version answers 409 with the merge view (both versions, fields keep what
 * was typed).
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { archiveMeasure } from '$lib/server/editing/measures/archive-measure';
import { formValuesFromEditable, inputFromFormValues, measureFormFromData, mergedFormValues } from '$lib/server/editing/measures/form';
import { today } from '$lib/server/editing/measures/mark-reviewed';
import { publishMeasure } from '$lib/server/editing/workflow/publish-measure';
import { conflictFields, currentExtra, editOptions, getEditContext } from '$lib/server/editing/measures/edit-context';
import { restoreMeasure } from '$lib/server/editing/measures/restore-measure';
import { submitForReview } from '$lib/server/editing/workflow/submit-for-review';
import { updateMeasure } from '$lib/server/editing/measures/update-measure';
import { withdrawChange } from '$lib/server/editing/workflow/withdraw-change';
import { can } from '$lib/server/auth/policy';
import { loadReviewInfo } from '$lib/server/review/measure-review';
import { answeringActorIds, confirmUnchanged, setMeasureReviewInterval } from '$lib/server/review/confirm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const db = await getDb();
  const ctx = await getEditContext(db, user, event.params.id);
  if (!ctx) error(404, 'Maßnahme nicht gefunden');
  const options = await editOptions(db, ctx.measure.catalogue.id);
  const own = ctx.ownChange;
  const info = await loadReviewInfo(db, event.params.id, new Date());
  return {
    ctx,
    options,
    // The user's pending change is what they edit further (based on the version it was made on).
    values: formValuesFromEditable(own?.proposed ?? ctx.current, own?.baseVersion ?? ctx.measure.version),
    saved: event.url.searchParams.get('gespeichert'),
    // Funding (issue 16): the link to the measure's funding records for those who may read them.
    mayReadFunding: can(user, 'funding.read'),
    // The review section: opened from a reminder's personal link (?pruefen=1) it comes first.
    review: info && {
      ...info,
      prompt: event.url.searchParams.has('pruefen'),
      canConfirm: can(user, 'measure.edit', { actorIds: await answeringActorIds(db, event.params.id) }),
      canSetInterval: can(user, 'measure.publish'),
    },
  };
};

function done(event: RequestEvent, status: string): never {
  redirect(303, `/admin/massnahmen/${event.params.id}?gespeichert=${status}`);
}

async function simple(event: RequestEvent, run: (db: Awaited<ReturnType<typeof getDb>>, comment: string) => Promise<unknown>, status: string) {
  requireUser(event);
  const form = await event.request.formData();
  const comment = String(form.get('comment') ?? '');
  // A one-button form (plus comment): its errors are shown as the message.
  const result = await runAction(event, async () => void (await run(await getDb(), comment)), { data: { action: status }, fields: [], notFound: 'page' });
  if (isFailure(result)) return result;
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
    const result = await runAction(event, () => updateMeasure(db, user, event.params.id, input, { comment: parsed.comment, intent: parsed.intent }), {
      data: { values: parsed.values, comment: parsed.comment },
      notFound: 'page',
    });
    if (isFailure(result)) return result;
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
  /** "Geprüft, unverändert" (review/confirm.ts): no content change, a revision and an audit entry. */
  confirmReview: (event) => simple(event, (db) => confirmUnchanged(db, event.locals.user!, event.params.id), 'reviewed'),
  reviewInterval: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const value = String(form.get('reviewIntervalMonths') ?? '');
    const result = await runAction(event, async () => setMeasureReviewInterval(await getDb(), user, event.params.id, value), {
      data: { action: 'reviewInterval', reviewIntervalMonths: value },
      notFound: 'page',
    });
    if (isFailure(result)) return result;
    done(event, 'reviewInterval');
  },
  withdraw: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const id = String(form.get('changeRequestId') ?? '');
    const result = await runAction(event, async () => withdrawChange(await getDb(), user, id), { data: { action: 'withdraw' } });
    if (isFailure(result)) return result;
    done(event, 'withdrawn');
  },
};
