/**
 * /admin/verlauf/[type]/[id]?von=&bis=: the history of a measure (massnahme), structure node
 * (bereich), actor (akteur), target group (zielgruppe) or catalogue (katalog): revisions and a
 * word diff between any two; measures can be restored to an earlier revision.
 */
import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { restoreRevision } from '$lib/server/editing/measures/restore-revision';
import { HISTORY_TYPES, loadHistoryView, type HistoryType } from '$lib/server/revisions/history';
import type { Actions, PageServerLoad } from './$types';

function entityTypeOf(type: string) {
  if (!(type in HISTORY_TYPES)) error(404, 'Unbekannte Art');
  return HISTORY_TYPES[type as HistoryType];
}

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'history.read');
  const entityType = entityTypeOf(event.params.type);
  const param = (name: string) => {
    const v = Number(event.url.searchParams.get(name));
    return Number.isSafeInteger(v) && v > 0 ? v : null;
  };
  const view = await loadHistoryView(await getDb(), entityType, event.params.id, { from: param('von'), to: param('bis') });
  if (!view) error(404, 'Kein Verlauf gefunden');
  const { from, to, diff, measure } = view;
  return {
    type: event.params.type,
    entityType,
    id: event.params.id,
    title: view.title,
    revisions: view.revisions,
    from,
    to,
    diff,
    diffMissing: Boolean(from && to && !diff),
    canRestore: entityType === 'measure' && Boolean(measure) && can(user, 'measure.restoreRevision'),
    version: measure?.version ?? null,
    restored: event.url.searchParams.get('wiederhergestellt'),
  };
};

export const actions: Actions = {
  restore: async (event) => {
    const user = requirePermission(event, 'measure.restoreRevision');
    if (entityTypeOf(event.params.type) !== 'measure') error(404, 'Nur Maßnahmen können wiederhergestellt werden');
    const form = await event.request.formData();
    const revisionId = Number(form.get('revisionId'));
    const version = Number(form.get('version'));
    const comment = String(form.get('comment') ?? '');
    // The restore form has only the comment: field errors become the message.
    const result = await runAction(
      event,
      async () =>
        restoreRevision(await getDb(), user, revisionId, {
          comment,
          version: Number.isInteger(version) && version > 0 ? version : undefined,
          measureId: event.params.id,
        }),
      { data: { comment }, fields: [], notFound: 'page' },
    );
    if (isFailure(result)) return result;
    redirect(303, `/admin/verlauf/${event.params.type}/${event.params.id}?wiederhergestellt=${result.changed ? '1' : '0'}`);
  },
};
