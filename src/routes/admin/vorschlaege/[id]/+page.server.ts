import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import {
  acceptSuggestion,
  getSuggestion,
  listPlacementOptions,
  ModerationError,
  rejectSuggestion,
} from '$lib/server/suggestions/moderation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'suggestion.moderate');
  const db = await getDb();
  let suggestion;
  try {
    suggestion = await guard(event, () => getSuggestion(db, user, event.params.id));
  } catch (e) {
    if (e instanceof ModerationError && e.code === 'notFound') error(404, 'Vorschlag nicht gefunden');
    throw e;
  }
  const outcome = event.url.searchParams.get('ergebnis');
  return {
    suggestion,
    placements: suggestion.state === 'neu' ? await listPlacementOptions(db) : [],
    outcome: outcome === 'uebernommen' || outcome === 'abgelehnt' ? outcome : null,
  };
};


export const actions: Actions = {
  uebernehmen: async (event) => {
    const user = requirePermission(event, 'suggestion.moderate');
    const form = await event.request.formData();
    const nodeId = String(form.get('nodeId') ?? '');
    // `fields`: a draft that cannot be made from the suggestion's texts (e.g. a title the measure
    // schema refuses) fails on measure fields this form does not have; shown as the message.
    const result = await runAction(event, async () => acceptSuggestion(await getDb(), user, event.params.id, { nodeId }), {
      data: { form: 'accept', values: { nodeId } as Record<string, string> },
      fields: ['nodeId'],
      notFound: 'page',
    });
    if (isFailure(result)) return result;
    redirect(303, `/admin/vorschlaege/${event.params.id}?ergebnis=uebernommen`);
  },
  ablehnen: async (event) => {
    const user = requirePermission(event, 'suggestion.moderate');
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '');
    const result = await runAction(event, async () => rejectSuggestion(await getDb(), user, event.params.id, { reason }), {
      data: { form: 'reject', values: { reason } as Record<string, string> },
      fields: ['reason'],
      notFound: 'page',
    });
    if (isFailure(result)) return result;
    redirect(303, `/admin/vorschlaege/${event.params.id}?ergebnis=abgelehnt`);
  },
};
