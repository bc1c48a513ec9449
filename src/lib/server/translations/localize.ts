/**
 * Public pages in the reader's language: the translated value of each field where a current
 * translation exists (its hash matches today's German text: aktuell or maschinell), otherwise
 * the German text, marked as a fallback so the page can say so. An outdated translation is not
 * shown: it may say something the German text no longer says.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { translations } from '../db/schema';
/** Language of the catalogues' own content (as $lib/i18n's CONTENT_LANG, without loading the UI catalogues). */
const CONTENT_LANG = 'de';
import { isContentLanguage, type TranslatableEntity } from './fields';
import { normaliseSource, sourceHash } from './status';

export interface LocalizedText {
  text: string;
  /** Language of `text`: the reader's, or "de" for a fallback. */
  lang: string;
  /** The German text stands in for a missing (or outdated) translation. */
  fallback: boolean;
  machine: boolean;
}

export type LocalizedFields<F extends string> = Record<F, LocalizedText>;

function german(text: string | null | undefined): LocalizedText {
  return { text: text ?? '', lang: CONTENT_LANG, fallback: false, machine: false };
}

/** Localizes `fields` of many rows of one entity type (one query). German readers get the rows' own text. */
export async function localizeRows<F extends string>(
  db: Db,
  lang: string,
  entityType: TranslatableEntity,
  rows: readonly ({ id: string } & Record<F, string | null | undefined>)[],
  fields: readonly F[],
): Promise<Map<string, LocalizedFields<F>>> {
  const out = new Map<string, LocalizedFields<F>>();
  const translate = isContentLanguage(lang) && rows.length > 0;
  const stored = translate
    ? await db
        .select()
        .from(translations)
        .where(and(eq(translations.entityType, entityType), eq(translations.lang, lang), inArray(translations.entityId, [...new Set(rows.map((r) => r.id))])))
    : [];
  const byKey = new Map(stored.map((t) => [`${t.entityId}:${t.field}`, t]));
  for (const row of rows) {
    const localized = {} as LocalizedFields<F>;
    for (const field of fields) {
      const source = row[field];
      if (!translate || !normaliseSource(source)) {
        localized[field] = german(source);
        continue;
      }
      const t = byKey.get(`${row.id}:${field}`);
      localized[field] =
        t && t.sourceHash === sourceHash(source) && t.value.trim()
          ? { text: t.value, lang, fallback: false, machine: t.machine }
          : { text: source ?? '', lang: CONTENT_LANG, fallback: true, machine: false };
    }
    out.set(row.id, localized);
  }
  return out;
}
