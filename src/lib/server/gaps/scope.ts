/**
 * What a gap analysis looks at: one municipality (tenant), optionally one catalogue. Every list
 * of this folder builds its WHERE clause from here, so the filter means the same in each list,
 * on the page and in the CSV export.
 *
 * The rules shared by the lists live here too, so they cannot drift apart:
 * - a measure "counts" when it is not archived and not a gap record (a gap says that no
 *   measure was formulated: it must never make a Handlungsziel look covered);
 * - nodes that are archived are out of the analysis (they are no longer part of the catalogue).
 */
import { sql, type SQL } from 'drizzle-orm';

export interface GapScope {
  /** Municipality slug (locals.municipality). */
  municipality: string;
  /** Catalogue slug; empty or null: all catalogues of the municipality. */
  catalogue?: string | null;
  /**
   * Node id (a Handlungsfeld or dimension): only what is placed at or below it. Honoured by the
   * lists the steering report shows (gap records, Handlungsziele without measures); the gap
   * analysis page does not set it.
   */
  node?: string | null;
}

/** Conditions on the catalogue row `alias` (a SQL alias such as `c`) for the scope. */
export function catalogueInScope(scope: GapScope, alias: string): SQL {
  const c = sql.raw(alias);
  const municipality = sql`${c}.municipality_id = (select id from municipalities where slug = ${scope.municipality})`;
  return scope.catalogue ? sql`${municipality} and ${c}.slug = ${scope.catalogue}` : municipality;
}

/** A measure (`alias`) that counts as a measure: not archived, not a gap record. */
export function countingMeasure(alias: string): SQL {
  const m = sql.raw(alias);
  return sql`${m}.workflow_state <> 'archiviert' and not ${m}.is_gap`;
}

/** Catalogue columns every row of the lists carries (for the catalogue column and links). */
export interface CatalogueRef {
  slug: string;
  title: string;
}

export type Row = Record<string, unknown>;

export const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** ISO date (YYYY-MM-DD) of a `date` column, as the drivers return either a string or a Date. */
export const asIsoDate = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
};
