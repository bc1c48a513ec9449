/**
 * /admin/uebersetzungen/{katalog}/{sprache}/bearbeiten?eintrag={type}:{id}: side-by-side
 * editing of every translatable field of one entry. Each field carries the hash of the German
 * text shown, so a text changed meanwhile is not overwritten unnoticed.
 */
import { error, fail } from '@sveltejs/kit';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { needsReview } from '$lib/server/auth/policy';
import { loadTranslationOverview, saveTranslation, translationContext } from '$lib/server/translations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function entry(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>) {
  const db = await getDb();
  const found = await translationContext(db, event.locals.municipality, event.params.katalog, event.params.sprache);
  if (!found) error(404, 'Nicht gefunden');
  const key = event.url.searchParams.get('eintrag') ?? '';
  const overview = await loadTranslationOverview(db, found.catalogue.id, found.language.code);
  const units = overview.units.filter((u) => `${u.entityType}:${u.entityId}` === key);
  if (!units.length) error(404, 'Nicht gefunden');
  return { ...found, key, units };
}

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'translation.edit');
  const { catalogue, language, key, units } = await entry(event);
  return {
    catalogue,
    language: { code: language.code, name: language.name, dir: language.dir },
    key,
    reviewed: needsReview(user),
    context: units[0]!.context,
    units: units.map((u) => ({ id: u.id, field: u.field, text: u.text, hash: u.hash, status: u.status, value: u.translation?.value ?? '' })),
    saved: event.url.searchParams.get('gespeichert'),
  };
};

export const actions: Actions = {
  speichern: async (event) => {
    const user = requirePermission(event, 'translation.edit');
    const { catalogue, language, units } = await entry(event);
    const form = await event.request.formData();
    const values = Object.fromEntries(units.map((u) => [u.id, String(form.get(`wert:${u.id}`) ?? '')]));
    let proposed = 0;
    let saved = 0;
    for (const u of units) {
      const value = values[u.id]!;
      const current = u.translation?.value ?? '';
      if (value.replace(/\r\n?/g, '\n').trim() === current && !(u.status === 'maschinell' && form.get(`freigeben:${u.id}`))) continue;
      const result = await runAction(
        event,
        async () => saveTranslation(await getDb(), user, catalogue.id, { unit: u.id, lang: language.code, value, sourceHash: String(form.get(`hash:${u.id}`) ?? '') }),
        { data: { values }, field: u.id },
      );
      if (isFailure(result)) {
        // Fields the domain names by their input name become the error of this unit.
        const data = result.data as { values: Record<string, string>; errors: Record<string, string>; message: string | null };
        const errors = Object.fromEntries(Object.entries(data.errors).map(([k, v]) => [k === 'value' ? u.id : k, v]));
        return fail(result.status, { values, errors, message: data.message ?? (errors[u.id] ? null : Object.values(errors)[0] ?? null) });
      }
      if (result.status === 'proposed') proposed++;
      else if (result.changed) saved++;
    }
    return { values, saved, proposed };
  },
};
