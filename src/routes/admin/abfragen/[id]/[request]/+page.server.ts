/**
 * /admin/abfragen/[id]/[request]: the answer page of one actor's request — the personal link of
 * the e-mail. Per measure: unverändert / geändert / eingestellt (with a note), plus new measures.
 * Contributors answer for their actors, Redaktion on an actor's behalf; the steering group reads.
 */
import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { requestForAnswer } from '$lib/server/campaigns/queries';
import { answerRequest } from '$lib/server/campaigns/answer-request';
import { answerFormToInput } from '$lib/server/campaigns/campaign-input';
import { requestPath } from '$lib/server/campaigns/paths';
import type { Actions, PageServerLoad } from './$types';

/** Empty rows for new measures (the form works without JavaScript: no "add row" button needed). */
const NEW_ROWS = 3;

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const request = await requestForAnswer(await getDb(), event.locals.municipality, event.params.id, event.params.request);
  // A contributor sees only the requests of their own actors: others do not exist for them.
  if (!request || (user.role === 'beitragende' && !user.actorIds.includes(request.actorId))) error(404, 'Diese Anfrage gibt es nicht.');
  const saved = event.url.searchParams.get('gespeichert');
  return {
    request,
    canAnswer: !request.campaign.closedAt && can(user, 'campaign.answer', { actorIds: [request.actorId] }),
    onBehalf: user.role !== 'beitragende',
    newRows: NEW_ROWS,
    saved: saved !== null && /^\d{1,6}$/.test(saved) ? Number(saved) : null,
  };
};

export const actions: Actions = {
  answer: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const { input, keys } = answerFormToInput(form);
    // What was typed, by form field name, to refill the form after an error.
    const values: Record<string, string> = {};
    for (const [name, value] of form.entries()) if (typeof value === 'string' && /^(answer|note|newTitle|newNote)\./.test(name)) values[name] = value;
    const result = await runAction(event, async () => answerRequest(await getDb(), user, event.params.request, input, { keys }), { data: { values } });
    if (isFailure(result)) return result;
    redirect(303, `${requestPath(event.params.id, event.params.request)}?gespeichert=${result.saved}`);
  },
};
