/**
 * Reading the history of an entity: its revisions (who — user or label such as "Import" — when,
 * why) and the field-by-field word diff between any two of them.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { actors, catalogues, measures, nodes, revisions, targetGroups, users, type WorkflowState } from '../db/schema';
import type { MeasureSnapshot } from '../catalogue/snapshot';
import { isUuid } from '../text/uuid';
import { editableFromSnapshot } from '../catalogue/editable-measure';
import { diffFields, type FieldDiff } from './diff';
import { describeMeasure, describeRow, loadNames, MEASURE_TEXT_FIELDS } from './describe';
import { IMPORT_AUTHOR } from '../db/revision-authors';
import type { EntityType } from './record';

/** URL segment of the history page → entity type. */
export const HISTORY_TYPES = {
  massnahme: 'measure',
  bereich: 'node',
  akteur: 'actor',
  zielgruppe: 'target_group',
  katalog: 'catalogue',
} as const satisfies Record<string, EntityType>;
export type HistoryType = keyof typeof HISTORY_TYPES;

export function historyPath(entityType: EntityType, id: string): string | null {
  const entry = Object.entries(HISTORY_TYPES).find(([, t]) => t === entityType);
  return entry ? `/admin/verlauf/${entry[0]}/${id}` : null;
}

export interface RevisionEntry {
  id: number;
  /** "Fassung n": the revision's place in this entity's history, 1 = the first. The one number people see. */
  number: number;
  createdAt: string;
  /** User name (or e-mail), or the label of a change without user ("Import"). */
  author: string;
  authorId: string | null;
  isImport: boolean;
  comment: string | null;
}

export async function listRevisions(db: Db, entityType: EntityType, entityId: string): Promise<RevisionEntry[]> {
  if (!isUuid(entityId)) return [];
  const rows = await db
    .select({
      id: revisions.id,
      createdAt: revisions.createdAt,
      authorId: revisions.authorId,
      authorLabel: revisions.authorLabel,
      name: users.name,
      email: users.email,
      comment: revisions.comment,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.id));
  return rows.map((r, index) => ({
    id: r.id,
    number: rows.length - index,
    createdAt: r.createdAt.toISOString(),
    author: r.name ?? r.email ?? r.authorLabel ?? 'Unbekannt',
    authorId: r.authorId,
    isImport: !r.authorId && r.authorLabel === IMPORT_AUTHOR,
    comment: r.comment,
  }));
}

/** Current title of the entity (for headings), or null when it does not exist (any more). */
export async function entityTitle(db: Db, entityType: EntityType, entityId: string): Promise<string | null> {
  if (!isUuid(entityId)) return null;
  const pick = async (q: Promise<{ t: string }[]>) => (await q)[0]?.t ?? null;
  switch (entityType) {
    case 'measure':
      return pick(db.select({ t: measures.title }).from(measures).where(eq(measures.id, entityId)));
    case 'node':
      return pick(db.select({ t: nodes.title }).from(nodes).where(eq(nodes.id, entityId)));
    case 'actor':
      return pick(db.select({ t: actors.name }).from(actors).where(eq(actors.id, entityId)));
    case 'target_group':
      return pick(db.select({ t: targetGroups.name }).from(targetGroups).where(eq(targetGroups.id, entityId)));
    case 'catalogue':
      return pick(db.select({ t: catalogues.title }).from(catalogues).where(eq(catalogues.id, entityId)));
    default:
      return null;
  }
}

export interface RevisionDiff {
  fromId: number;
  toId: number;
  fields: FieldDiff[];
}

/** Word diff between two revisions of the same entity (field by field), or null if either is missing. */
export async function revisionDiff(db: Db, entityType: EntityType, entityId: string, fromId: number, toId: number): Promise<RevisionDiff | null> {
  if (!isUuid(entityId) || !Number.isSafeInteger(fromId) || !Number.isSafeInteger(toId)) return null;
  const rows = await db
    .select({ id: revisions.id, state: revisions.state })
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId), inArray(revisions.id, [fromId, toId])));
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) return null;
  if (entityType === 'measure') {
    const states = [from, to].map((r) => {
      const snapshot = r.state as MeasureSnapshot;
      return { ...editableFromSnapshot(snapshot), workflowState: snapshot.workflowState ?? null };
    });
    const names = await loadNames(db, states);
    const [a, b] = states.map((s) => describeMeasure(s, names));
    return { fromId, toId, fields: diffFields(a!, b!, MEASURE_TEXT_FIELDS) };
  }
  return { fromId, toId, fields: diffFields(describeRow(from.state as Record<string, unknown>), describeRow(to.state as Record<string, unknown>)) };
}

export interface HistoryView {
  revisions: RevisionEntry[];
  /** Current title, or null when the entity no longer exists. */
  title: string | null;
  /** The two revisions compared (newest and the one before unless asked for others). */
  from: number | null;
  to: number | null;
  diff: RevisionDiff | null;
  /** The current version of a measure (for restoring with the version check); null otherwise. */
  measure: { version: number; workflowState: WorkflowState } | null;
}

/**
 * Everything the history page shows for an entity, or null when it has neither revisions nor a
 * current row. `requested` are the revision ids from the URL (von/bis), when given.
 */
export async function loadHistoryView(
  db: Db,
  entityType: EntityType,
  entityId: string,
  requested: { from: number | null; to: number | null },
): Promise<HistoryView | null> {
  const [revisionList, title, measure] = await Promise.all([
    listRevisions(db, entityType, entityId),
    entityTitle(db, entityType, entityId),
    entityType === 'measure' && isUuid(entityId)
      ? db
          .select({ version: measures.version, workflowState: measures.workflowState })
          .from(measures)
          .where(eq(measures.id, entityId))
          .then((rows) => rows[0] ?? null)
      : null,
  ]);
  if (!revisionList.length && !title) return null;
  const to = requested.to ?? revisionList[0]?.id ?? null;
  const from = requested.from ?? revisionList[1]?.id ?? null;
  const diff = from && to ? await revisionDiff(db, entityType, entityId, from, to) : null;
  return { revisions: revisionList, title, from, to, diff, measure };
}
