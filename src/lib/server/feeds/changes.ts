/**
 * The published changes of a set of measures, newest first, in one query.
 *
 * A change is a measure revision the public could see (classify.ts). Revisions carry the full
 * state after each change, so the previous revision is all it takes to say what changed.
 *
 * Why the candidates are the most recently updated measures: every write of a measure moves
 * its `updated_at` on together with its revision, so the newest `limit` changes of a scope
 * belong to at most `limit` of its most recently updated measures. Reading the revisions of
 * those (an index range each) instead of every revision of the scope keeps the query as cheap
 * for 10,000 measures as for 10 (revisions are full snapshots: reading them all would not be).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import type { WorkflowState } from '../db/schema';
import type { MeasureSnapshot } from '../catalogue/snapshot';
import { textArray } from '../search/sql-util';
import { measureBelowNode } from '../gaps/subtree';
import { TIME_ZONE } from '../../i18n/format';
import { classifyChange, type ChangeKind, type FeedField } from './classify';

/** How many changes a feed lists (feed readers keep what they have seen before). */
export const FEED_LIMIT = 50;

/** Which measures a feed follows. */
export type ChangeScope =
  | { kind: 'municipality'; municipalityId: string }
  /** `nodeId`: only measures placed at or below that node (the steering report's Handlungsfeld). */
  | { kind: 'catalogue'; catalogueId: string; nodeId?: string | null }
  /** Measures chosen elsewhere (a search), most recently updated first. */
  | { kind: 'measures'; ids: readonly string[] };

export interface PublicChange {
  revisionId: number;
  measureId: string;
  /** When the change was published (the revision's time). */
  at: Date;
  kind: ChangeKind;
  fields: FeedField[];
  /** The measure as published by this change (title and number as they were then). */
  title: string;
  number: string | null;
  description: string;
  /** Current address of the measure; null when it is no longer public (archived). */
  measureSlug: string | null;
  catalogue: { slug: string; title: string };
}

interface Row {
  id: number | string;
  measure_id: string;
  created_at: string;
  state: MeasureSnapshot;
  previous: MeasureSnapshot | null;
  slug: string;
  workflow_state: WorkflowState;
  catalogue_slug: string;
  catalogue_title: string;
}

function scopeCondition(scope: ChangeScope): SQL {
  switch (scope.kind) {
    case 'municipality':
      return sql`m.catalogue_id IN (SELECT c.id FROM catalogues c WHERE c.municipality_id = ${scope.municipalityId})`;
    case 'catalogue':
      return sql`m.catalogue_id = ${scope.catalogueId} AND ${measureBelowNode(scope.nodeId, 'm')}`;
    case 'measures':
      return sql`m.id = ANY(${textArray([...scope.ids])}::uuid[])`;
  }
}

export interface ChangeOptions {
  /**
   * Only changes published on or after this day (ISO date, from midnight in the city's time
   * zone): the steering report's "since".
   */
  since?: string | null;
  /** Only changes published up to this moment (the report's "now", a fake clock in tests). */
  until?: Date | null;
}

/**
 * The newest public changes of the scope's measures, at most `limit`. Measures that are drafts
 * or in review today are left out: whatever they were before, they are not public now.
 */
export async function loadPublicChanges(db: Db, scope: ChangeScope, limit = FEED_LIMIT, options: ChangeOptions = {}): Promise<PublicChange[]> {
  const since = options.since ? sql`(${options.since}::timestamp at time zone ${TIME_ZONE})` : null;
  if (scope.kind === 'measures' && !scope.ids.length) return [];
  // Twice the limit: a measure's last revision may be no public change (archiving a draft).
  const candidates = limit * 2;
  const [row] = await queryRows<{ entries: Row[] }>(
    db,
    sql`
      WITH scope AS (
        SELECT m.id FROM measures m
        WHERE ${scopeCondition(scope)} AND m.workflow_state IN ('veroeffentlicht', 'archiviert')
          -- A change since the date moved the measure's updated_at on too.
          AND ${since ? sql`m.updated_at >= ${since}` : sql`true`}
        ORDER BY m.updated_at DESC, m.id
        LIMIT ${candidates}
      ),
      revs AS (
        SELECT r.id, r.entity_id, r.created_at, r.state, p.state AS previous
        FROM scope s
        JOIN revisions r ON r.entity_type = 'measure' AND r.entity_id = s.id
        -- The revision just before (any state): it tells a first publication from a change.
        LEFT JOIN LATERAL (
          SELECT q.state FROM revisions q
          WHERE q.entity_type = 'measure' AND q.entity_id = r.entity_id AND q.id < r.id
          ORDER BY q.id DESC LIMIT 1
        ) p ON true
        WHERE (r.state->>'workflowState' = 'veroeffentlicht'
           OR (r.state->>'workflowState' = 'archiviert' AND p.state->>'workflowState' = 'veroeffentlicht'))
          AND ${since ? sql`r.created_at >= ${since}` : sql`true`}
          AND ${options.until ? sql`r.created_at <= ${options.until.toISOString()}::timestamptz` : sql`true`}
        -- By id, not time: revisions of one transaction share its start time.
        ORDER BY r.id DESC
        LIMIT ${limit}
      )
      SELECT coalesce(json_agg(json_build_object(
        'id', revs.id, 'measure_id', revs.entity_id, 'created_at', revs.created_at,
        'state', revs.state, 'previous', revs.previous,
        'slug', m.slug, 'workflow_state', m.workflow_state,
        'catalogue_slug', c.slug, 'catalogue_title', c.title
      ) ORDER BY revs.id DESC), '[]') AS entries
      FROM revs
      JOIN measures m ON m.id = revs.entity_id
      JOIN catalogues c ON c.id = m.catalogue_id`,
  );
  const out: PublicChange[] = [];
  for (const r of row?.entries ?? []) {
    const change = classifyChange(r.state, r.previous);
    if (!change) continue;
    out.push({
      revisionId: Number(r.id),
      measureId: r.measure_id,
      at: new Date(r.created_at),
      kind: change.kind,
      fields: change.fields,
      title: r.state.title,
      number: r.state.number ?? null,
      description: r.state.description ?? '',
      measureSlug: r.workflow_state === 'veroeffentlicht' ? r.slug : null,
      catalogue: { slug: r.catalogue_slug, title: r.catalogue_title },
    });
  }
  return out;
}
