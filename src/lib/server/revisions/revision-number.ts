/**
 * "Fassung n" of a revision: its place in its entity's history (1 = the first). Revision ids are
 * one sequence across all entities, so they are not shown to people; this number is.
 */
import { and, count, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { revisions } from '../db/schema';

export async function revisionNumber(db: Db, revision: { id: number; entityType: string; entityId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(revisions)
    .where(and(eq(revisions.entityType, revision.entityType), eq(revisions.entityId, revision.entityId), lte(revisions.id, revision.id)));
  return Number(row?.n ?? 0);
}
