/** Change requests: a proposed full state of a published measure, waiting for review. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { changeRequests } from '../../db/schema';
import { NotFoundError } from '../errors';
import { isUuid } from '../../text/uuid';

export type ChangeRequestRow = typeof changeRequests.$inferSelect;

export const OPEN_STATES = ['entwurf', 'in_pruefung'] as const;

/** The author's open (draft or submitted) change request for a measure, if any. */
export async function openChangeRequest(tx: Db, measureId: string, authorId: string): Promise<ChangeRequestRow | null> {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.measureId, measureId), eq(changeRequests.authorId, authorId), inArray(changeRequests.state, [...OPEN_STATES])))
    .orderBy(desc(changeRequests.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function loadChangeRequest(tx: Db, id: string, lock = false): Promise<ChangeRequestRow> {
  if (!isUuid(id)) throw new NotFoundError('Die Änderung');
  const query = tx.select().from(changeRequests).where(eq(changeRequests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('Die Änderung');
  return row;
}
