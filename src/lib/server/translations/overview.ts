/**
 * The translator's view of one catalogue in one language: every unit with its status, the
 * counts by status and the coverage (aktuell + maschinell of all units), and for outdated units
 * the German text then and now as a word diff (revisions/diff.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { translations } from '../db/schema';
import { diffText, type DiffSegment } from '../revisions/diff';
import { chunks } from '../util/collections';
import { loadSourceUnits, type SourceUnit } from './sources';
import { translationStatus, TRANSLATION_STATUSES, type TranslationStatus } from './status';

export interface OverviewUnit extends SourceUnit {
  status: TranslationStatus;
  translation: { value: string; sourceText: string | null; machine: boolean } | null;
  /** Outdated units: the German text the translation was made from → now (null when it was not kept). */
  sourceDiff: DiffSegment[] | null;
}

export interface TranslationOverview {
  lang: string;
  units: OverviewUnit[];
  counts: Record<TranslationStatus, number>;
  total: number;
  /** Share of units with a current translation (aktuell or maschinell), 0 … 1. */
  coverage: number;
}

export async function loadTranslations(db: Db, lang: string, entityIds: string[]) {
  const rows: (typeof translations.$inferSelect)[] = [];
  for (const part of chunks([...new Set(entityIds)], 500))
    if (part.length) rows.push(...(await db.select().from(translations).where(and(eq(translations.lang, lang), inArray(translations.entityId, part)))));
  return new Map(rows.map((r) => [`${r.entityType}:${r.entityId}:${r.field}`, r]));
}

export async function loadTranslationOverview(db: Db, catalogueId: string, lang: string): Promise<TranslationOverview> {
  const sources = await loadSourceUnits(db, catalogueId);
  const stored = await loadTranslations(db, lang, sources.map((u) => u.entityId));
  const counts = Object.fromEntries(TRANSLATION_STATUSES.map((s) => [s, 0])) as Record<TranslationStatus, number>;
  const units = sources.map((u): OverviewUnit => {
    const t = stored.get(u.id) ?? null;
    const status = translationStatus(u.text, t);
    counts[status]++;
    return {
      ...u,
      status,
      translation: t ? { value: t.value, sourceText: t.sourceText, machine: t.machine } : null,
      sourceDiff: status === 'veraltet' && t?.sourceText != null ? diffText(t.sourceText, u.text) : null,
    };
  });
  const total = units.length;
  return { lang, units, counts, total, coverage: total ? (counts.aktuell + counts.maschinell) / total : 1 };
}

export interface LanguageCoverage {
  lang: string;
  counts: Record<TranslationStatus, number>;
  total: number;
  coverage: number;
}

/** Counts by status of one catalogue in every given language (one query for the translations). */
export async function loadCoverage(db: Db, catalogueId: string, langs: readonly string[]): Promise<LanguageCoverage[]> {
  const sources = await loadSourceUnits(db, catalogueId);
  const rows: (typeof translations.$inferSelect)[] = [];
  for (const part of chunks([...new Set(sources.map((u) => u.entityId))], 500))
    if (part.length) rows.push(...(await db.select().from(translations).where(inArray(translations.entityId, part))));
  const stored = new Map(rows.map((r) => [`${r.lang}|${r.entityType}:${r.entityId}:${r.field}`, r]));
  return langs.map((lang) => {
    const counts = Object.fromEntries(TRANSLATION_STATUSES.map((s) => [s, 0])) as Record<TranslationStatus, number>;
    for (const u of sources) counts[translationStatus(u.text, stored.get(`${lang}|${u.id}`))]++;
    const total = sources.length;
    return { lang, counts, total, coverage: total ? (counts.aktuell + counts.maschinell) / total : 1 };
  });
}
