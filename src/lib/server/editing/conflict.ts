/**
 * Optimistic locking: every save names the version it was based on. When the measure changed
 * meanwhile the save is refused with both versions — theirs (saved meanwhile) and mine (as
 * typed) — so the form can show a merge view and nothing typed is lost.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { revisions, users } from '../db/schema';
import type { MeasureRow } from '../catalogue/snapshot';
import { differingFields, type EditableField, type EditableMeasure } from './measure-state';

export interface MeasureConflict {
  measureId: string;
  /** The version the rejected save was based on. */
  baseVersion: number;
  theirs: { state: EditableMeasure; version: number; updatedAt: string; author: string | null };
  mine: EditableMeasure;
  /** Fields where the two versions differ. */
  differing: EditableField[];
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
  return {
    measureId: row.id,
    baseVersion,
    theirs: { state: current, version: row.version, updatedAt: row.updatedAt.toISOString(), author: await lastAuthor(tx, 'measure', row.id) },
    mine,
    differing: differingFields(current, mine),
  };
}
