/**
 * The last import of the source documents as the back office shows it: when, which files, what
 * was created or updated per catalogue, and every warning with file and line — the report the
 * CLI prints, kept with the run (import_runs.summary.report) so editors see it without a shell.
 */
import { desc } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { importRuns } from '../db/schema';
import type { ImportWarning } from './types';

/** What a run stores besides its counts. */
export interface StoredImportReport {
  warnings: ImportWarning[];
  skipped: { name: string; reason: string }[];
  conflicts: { catalogue: string; key: string; title: string; number: string | null }[];
}

export interface LastImportReport {
  startedAt: string;
  files: { name: string; sha256: string }[];
  catalogues: { slug: string; title: string; created: number; updated: number; unchanged: number; conflicts: number }[];
  warningCount: number;
  /** Null for runs written before reports were kept (only the count is known). */
  report: StoredImportReport | null;
  /** Warnings counted by category, most frequent first. */
  byCode: { code: string; count: number }[];
}

type StoredSummary = {
  catalogues?: { slug: string; title?: string; created?: number; updated?: number; unchanged?: number; conflicts?: number }[];
  warnings?: number;
  report?: StoredImportReport;
};

export async function loadLastImportReport(db: Db): Promise<LastImportReport | null> {
  const [run] = await db.select().from(importRuns).orderBy(desc(importRuns.startedAt)).limit(1);
  if (!run) return null;
  const summary = run.summary as StoredSummary;
  const report = summary.report ?? null;
  const counts = new Map<string, number>();
  for (const w of report?.warnings ?? []) counts.set(w.code ?? 'other', (counts.get(w.code ?? 'other') ?? 0) + 1);
  return {
    startedAt: run.startedAt.toISOString(),
    files: run.files,
    catalogues: (summary.catalogues ?? []).map((c) => ({
      slug: c.slug,
      title: c.title ?? c.slug,
      created: c.created ?? 0,
      updated: c.updated ?? 0,
      unchanged: c.unchanged ?? 0,
      conflicts: c.conflicts ?? 0,
    })),
    warningCount: summary.warnings ?? report?.warnings.length ?? 0,
    report,
    byCode: [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}
