/**
 * /admin/uebersetzungen/{katalog}/{sprache}: one catalogue in one language — coverage, counts
 * by status, the outdated list with the German before/after diff, all units (filter by
 * status), proposals to decide, XLIFF download/upload and machine pre-translation.
 */
import { error, fail } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { can } from '$lib/server/auth/policy';
import {
  importXliff,
  listOpenProposals,
  loadTranslationOverview,
  machineTranslate,
  machineTranslatorFromEnv,
  MachineTranslationError,
  publishProposal,
  rejectProposal,
  translationContext,
  TRANSLATION_STATUSES,
  type TranslationStatus,
} from '$lib/server/translations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const MAX_XLIFF_BYTES = 5 * 1024 * 1024;
const UNIT_LIMIT = 100;

async function context(event: Pick<RequestEvent, 'params' | 'locals'>) {
  const found = await translationContext(await getDb(), event.locals.municipality, event.params.katalog, event.params.sprache);
  if (!found) error(404, 'Nicht gefunden');
  return found;
}

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'translation.edit');
  const { catalogue, language } = await context(event);
  const db = await getDb();
  const overview = await loadTranslationOverview(db, catalogue.id, language.code);
  const filter = event.url.searchParams.get('status');
  const status = (TRANSLATION_STATUSES as readonly string[]).includes(filter ?? '') ? (filter as TranslationStatus) : null;
  // Text filter (German text, translation or entry) and a page-sized list: catalogues have thousands of fields.
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const needle = q.toLocaleLowerCase('de-DE');
  const units = overview.units.filter(
    (u) =>
      (!status || u.status === status) &&
      (!needle || [u.text, u.translation?.value ?? '', u.context].some((v) => v.toLocaleLowerCase('de-DE').includes(needle))),
  );
  const canPublish = can(user, 'translation.publish');
  const translator = machineTranslatorFromEnv();
  return {
    catalogue,
    language: { code: language.code, name: language.name, dir: language.dir },
    counts: overview.counts,
    total: overview.total,
    status,
    outdated: overview.units.filter((u) => u.status === 'veraltet'),
    q,
    matching: units.length,
    units: units.slice(0, UNIT_LIMIT).map(({ sourceDiff: _d, ...u }) => u),
    unitLimit: UNIT_LIMIT,
    proposals: canPublish ? await listOpenProposals(db, catalogue.id, language.code) : [],
    canPublish,
    machineProvider: canPublish ? (translator?.name ?? null) : null,
  };
};

export const actions: Actions = {
  xliff: async (event) => {
    const user = requirePermission(event, 'translation.publish');
    const { catalogue, language } = await context(event);
    const form = await event.request.formData();
    const upload = form.get('datei');
    if (!(upload instanceof File) || upload.size === 0) return fail(400, { xliff: { problem: 'noFile' as const } });
    if (upload.size > MAX_XLIFF_BYTES) return fail(413, { xliff: { problem: 'tooLarge' as const } });
    const text = new TextDecoder('utf-8', { fatal: false }).decode(await upload.arrayBuffer());
    const result = await guard(event, async () => importXliff(await getDb(), user, catalogue.id, language.code, text));
    if (result.status === 'refused') return fail(400, { xliff: { problem: 'refused' as const, errors: result.errors } });
    return { xliff: { problem: null, updated: result.updated.length, unchanged: result.unchanged.length, skipped: result.skipped.length } };
  },
  maschinell: async (event) => {
    const user = requirePermission(event, 'translation.publish');
    const { catalogue, language } = await context(event);
    const translator = machineTranslatorFromEnv();
    if (!translator) return fail(400, { machine: { error: 'notConfigured' } });
    try {
      const result = await guard(event, async () => machineTranslate(await getDb(), user, catalogue.id, language.code, translator));
      return { machine: { translated: result.translated } };
    } catch (e) {
      if (e instanceof MachineTranslationError) return fail(502, { machine: { error: e.message } });
      throw e;
    }
  },
  veroeffentlichen: async (event) => {
    const user = requirePermission(event, 'translation.publish');
    await context(event);
    const form = await event.request.formData();
    const result = await runAction(event, async () => publishProposal(await getDb(), user, String(form.get('id') ?? ''), String(form.get('kommentar') ?? '')));
    if (isFailure(result)) return result;
    return { proposal: 'published' as const };
  },
  ablehnen: async (event) => {
    const user = requirePermission(event, 'translation.publish');
    await context(event);
    const form = await event.request.formData();
    const result = await runAction(event, async () => rejectProposal(await getDb(), user, String(form.get('id') ?? ''), String(form.get('kommentar') ?? '')));
    if (isFailure(result)) return result;
    return { proposal: 'rejected' as const };
  },
};
