/**
 * /admin/pruefung-faellig: measures whose review is due, overdue or due soon (review/due.ts),
 * filterable per catalogue, responsible actor and person (GET form: works without JavaScript).
 * Contributors see exactly the measures of their actors; the steering group reads the list.
 * "Geprüft, unverändert" is one POST per row (review/confirm.ts); Redaktion sets the catalogues'
 * review intervals here.
 */
import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { DUE_SOON_DAYS } from '$lib/server/review/due';
import { dueFilterOptions, listDueMeasures, measureTitle } from '$lib/server/review/queries';
import { confirmUnchanged, setCatalogueReviewInterval } from '$lib/server/review/confirm';
import { REMINDER_JOB } from '$lib/server/review/reminders';
import { jobState } from '$lib/server/review/scheduler';
import { isUuid } from '$lib/server/text/uuid';
import type { Actions, PageServerLoad } from './$types';

/** Rows shown at once (each has its own form); the count says how many there are in all. */
const LIST_LIMIT = 200;

const param = (url: URL, name: string) => {
  const v = url.searchParams.get(name);
  return v && isUuid(v) ? v : null;
};

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const db = await getDb();
  const now = new Date();
  const contributor = user.role === 'beitragende';
  const filter = {
    catalogue: param(event.url, 'katalog'),
    actor: contributor ? null : param(event.url, 'akteur'),
    person: contributor ? null : param(event.url, 'person'),
    period: event.url.searchParams.get('zeitraum') === 'jetzt' ? 'jetzt' : 'bald',
  } as const;
  const list = await listDueMeasures(db, {
    now,
    municipality: event.locals.municipality,
    catalogueId: filter.catalogue,
    actorId: filter.actor,
    userId: filter.person,
    onlyActorIds: contributor ? user.actorIds : null,
    withinDays: filter.period === 'jetzt' ? 0 : DUE_SOON_DAYS,
    limit: LIST_LIMIT,
  });
  const options = await dueFilterOptions(db, now, event.locals.municipality);
  const editor = can(user, 'measure.publish');
  const confirmedId = param(event.url, 'geprueft');
  return {
    filter,
    list,
    days: DUE_SOON_DAYS,
    contributor,
    catalogues: options.catalogues,
    actors: contributor ? [] : options.actors,
    people: contributor ? [] : options.people,
    // Editors confirm any measure of the list, contributors those of their actors (all they see).
    canConfirm: editor || contributor,
    canSetIntervals: can(user, 'structure.edit'),
    job: editor ? ((await jobState(db, REMINDER_JOB)) ?? { lastRunAt: null, nextRunAt: null }) : null,
    confirmed: confirmedId,
    confirmedTitle: confirmedId ? await measureTitle(db, confirmedId) : null,
    intervalSaved: event.url.searchParams.has('intervall'),
  };
};

/** Back to the list as it was filtered (the form sends the query along). */
function back(query: unknown, extra: Record<string, string>): string {
  const params = new URLSearchParams(typeof query === 'string' && query.length < 500 ? query.replace(/^\?/, '') : '');
  for (const key of ['geprueft', 'intervall']) params.delete(key);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `/admin/pruefung-faellig?${params}`;
}

export const actions: Actions = {
  confirm: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const measureId = String(form.get('measureId') ?? '');
    const result = await runAction(event, async () => confirmUnchanged(await getDb(), user, measureId), { data: { action: 'confirm', measureId } });
    if (isFailure(result)) return result;
    redirect(303, back(form.get('query'), { geprueft: measureId }));
  },
  interval: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const catalogueId = String(form.get('catalogueId') ?? '');
    const value = String(form.get('reviewIntervalMonths') ?? '');
    const result = await runAction(event, async () => setCatalogueReviewInterval(await getDb(), user, catalogueId, value), {
      data: { action: 'interval', catalogueId, value },
    });
    if (isFailure(result)) return result;
    redirect(303, back(form.get('query'), { intervall: '1' }));
  },
};
