/**
 * Optimistic locking: every save names the version it was based on. When the measure changed
 * meanwhile the save is refused with both versions — theirs (saved meanwhile) and mine (as
 * typed) — so the form can show a merge view and nothing typed is lost.
 *
 * The merge view is pre-filled three-way against the base version (its revision): fields only I
 * changed keep mine, fields only they changed take theirs (so saving again cannot silently undo
 * their change), fields both changed differently keep mine and are marked as conflicting.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { revisions, users } from '../../db/schema';
import type { MeasureRow } from '../../catalogue/snapshot';
import type { MeasureSnapshot } from '../../catalogue/snapshot';
import { canonicalJson } from '../../text/hash';
import { differingFields, editableFromSnapshot, EDITABLE_FIELDS, type EditableField, type EditableMeasure } from '../../catalogue/editable-measure';

export interface MeasureConflict {
  measureId: string;
  /** The version the rejected save was based on. */
  baseVersion: number;
  theirs: { state: EditableMeasure; version: number; updatedAt: string; author: string | null };
  mine: EditableMeasure;
  /** Fields where the two versions differ. */
  differing: EditableField[];
  /** Three-way merge against the base version: what the merge view's form starts with. */
  merged: EditableMeasure;
  /** Changed on both sides, differently: the form keeps mine, the reviewer decides. */
  conflicting: EditableField[];
  /** Changed only by them: the form takes theirs. */
  takenFromTheirs: EditableField[];
}

/** The editable state of a measure at an earlier version (from its revisions), if recorded. */
export async function stateAtVersion(tx: Db, measureId: string, version: number): Promise<EditableMeasure | null> {
  const [row] = await tx
    .select({ state: revisions.state })
    .from(revisions)
    .where(
      and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, measureId), sql`(${revisions.state}->>'version')::int = ${version}`),
    )
    .orderBy(desc(revisions.id))
    .limit(1);
  return row ? editableFromSnapshot(row.state as MeasureSnapshot) : null;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export function mergeThreeWay(base: EditableMeasure | null, theirs: EditableMeasure, mine: EditableMeasure) {
  const merged = { ...mine } as Record<EditableField, unknown>;
  const conflicting: EditableField[] = [];
  const takenFromTheirs: EditableField[] = [];
  for (const f of EDITABLE_FIELDS) {
    const sort = (v: unknown) => (f === 'targetGroupIds' ? [...((v as string[]) ?? [])].sort() : v);
    const [b, t, m] = [base?.[f], theirs[f], mine[f]].map(sort);
    if (same(t, m)) continue;
    if (base && same(m, b)) {
      merged[f] = theirs[f];
      takenFromTheirs.push(f);
    } else if (!base || !same(t, b)) conflicting.push(f);
  }
  return { merged: merged as unknown as EditableMeasure, conflicting, takenFromTheirs };
}

/** Name of whoever wrote the latest revision of an entity (user name, e-mail or label such as "Import"). */
export async function lastAuthor(tx: Db, entityType: string, entityId: string): Promise<string | null> {
  const [row] = await tx
    .select({ name: users.name, email: users.email, label: revisions.authorLabel })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.id))
    .limit(1);
  return row ? (row.name ?? row.email ?? row.label ?? null) : null;
}

export async function buildConflict(
  tx: Db,
  row: MeasureRow,
  current: EditableMeasure,
  mine: EditableMeasure,
  baseVersion: number,
): Promise<MeasureConflict> {
  const base = baseVersion > 0 ? await stateAtVersion(tx, row.id, baseVersion) : null;
  return {
    measureId: row.id,
    baseVersion,
    theirs: { state: current, version: row.version, updatedAt: row.updatedAt.toISOString(), author: await lastAuthor(tx, 'measure', row.id) },
    mine,
    differing: differingFields(current, mine),
    ...mergeThreeWay(base, current, mine),
  };
}
