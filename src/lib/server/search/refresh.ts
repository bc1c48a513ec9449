/**
 * The search index keeps itself in sync: triggers on measures and everything a search document
 * is built from mark the affected measures, and their documents are rebuilt once at commit
 * (drizzle/0003_search_index.sql explains the design). Writers need not call anything.
 *
 * refreshSearchIndex() rebuilds documents explicitly: all of them (after changing the text
 * search configuration, or to repair), or the given measures. Cheap: a fixed number of
 * set-based statements, about a second for Herne's ~300 measures on PGlite.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { textArray } from './sql-util';

export async function refreshSearchIndex(db: Db, measureIds?: string[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    measureIds
      ? sql`SELECT vielfalt_search_refresh(${textArray(measureIds)}::uuid[]) AS n`
      : sql`SELECT vielfalt_search_refresh(ARRAY(SELECT id FROM measures)) AS n`,
  );
  return Number(row?.n ?? 0);
}

/** Counts for health checks and tests: documents, lexicon words, marks not yet flushed. */
export async function searchIndexStats(db: Db): Promise<{ documents: number; words: number; pending: number }> {
  const [row] = await queryRows<{ documents: number; words: number; pending: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM search_documents) AS documents,
               (SELECT count(*)::int FROM search_terms) AS words,
               (SELECT count(*)::int FROM search_dirty) AS pending`,
  );
  return { documents: Number(row?.documents ?? 0), words: Number(row?.words ?? 0), pending: Number(row?.pending ?? 0) };
}
