import { error, fail, redirect } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { ValidationError } from '$lib/server/editing/errors';
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

function moderationFailure(e: unknown, form: 'accept' | 'reject', values: Record<string, string>) {
  if (e instanceof ModerationError) {
    if (e.code === 'notFound') error(404, 'Vorschlag nicht gefunden');
    const status = e.code === 'alreadyDecided' ? 409 : 400;
    const field = e.field ?? null;
    return fail(status, { form, values, errors: field ? { [field]: e.message } : {}, message: field ? null : e.message });
  }
  if (e instanceof ValidationError) {
    // The draft could not be created from the suggestion's texts (e.g. a title the measure schema refuses).
    return fail(400, { form, values, errors: {} as Record<string, string>, message: e.message });
  }
  throw e;
}

export const actions: Actions = {
  uebernehmen: async (event) => {
    const user = requirePermission(event, 'suggestion.moderate');
    const form = await event.request.formData();
    const nodeId = String(form.get('nodeId') ?? '');
    try {
      const db = await getDb();
      await guard(event, () => acceptSuggestion(db, user, event.params.id, { nodeId }));
    } catch (e) {
      return moderationFailure(e, 'accept', { nodeId });
    }
    redirect(303, `/admin/vorschlaege/${event.params.id}?ergebnis=uebernommen`);
  },
  ablehnen: async (event) => {
    const user = requirePermission(event, 'suggestion.moderate');
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '');
    try {
      const db = await getDb();
      await guard(event, () => rejectSuggestion(db, user, event.params.id, { reason }));
    } catch (e) {
      return moderationFailure(e, 'reject', { reason });
    }
    redirect(303, `/admin/vorschlaege/${event.params.id}?ergebnis=abgelehnt`);
  },
};
