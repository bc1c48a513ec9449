/**
 * /admin/pruefung: the review queue (editors): change requests and new measures in review,
 * oldest first — and the answers of calls for updates that wait for Redaktion (changed,
 * discontinued, new measures), each marked dealt with here.
 */
import { redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { listReviewQueue } from '$lib/server/editing/workflow/review-queries';
import { listOpenAnswers } from '$lib/server/campaigns/queries';
import { resolveAnswer } from '$lib/server/campaigns/answer-request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.publish');
  const db = await getDb();
  return {
    queue: await listReviewQueue(db),
    answers: await listOpenAnswers(db, event.locals.municipality),
    done: event.url.searchParams.get('erledigt'),
  };
};

export const actions: Actions = {
  resolveAnswer: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const answerId = String(form.get('answerId') ?? '');
    const resolution = String(form.get('resolution') ?? '');
    const result = await runAction(event, async () => resolveAnswer(await getDb(), user, answerId, resolution), {
      data: { action: 'resolveAnswer', answerId, resolution },
    });
    if (isFailure(result)) return result;
    redirect(303, '/admin/pruefung?erledigt=answer#abfragen');
  },
};
