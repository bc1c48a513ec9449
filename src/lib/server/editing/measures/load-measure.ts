/** Loading a measure for a use case: the locked row, its snapshot and editable state; its responsible actors. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { measureActors, measures } from '../../db/schema';
import { loadMeasureSnapshots, type MeasureRow, type MeasureSnapshot } from '../../catalogue/snapshot';
import { editableFromSnapshot, type EditableMeasure } from '../../catalogue/editable-measure';
import { isUuid } from '../../text/uuid';
import { NotFoundError } from '../errors';

/** The row (locked for update inside a transaction), its snapshot and its editable state. */
export async function loadMeasure(
  tx: Db,
  id: string,
): Promise<{ row: MeasureRow; snapshot: MeasureSnapshot; editable: EditableMeasure }> {
  if (!isUuid(id)) throw new NotFoundError('Die Maßnahme');
  const [row] = await tx.select().from(measures).where(eq(measures.id, id)).for('update');
  if (!row) throw new NotFoundError('Die Maßnahme');
  const snapshot = (await loadMeasureSnapshots(tx, [id])).get(id)!;
  return { row, snapshot, editable: editableFromSnapshot(snapshot) };
}

/** Responsible actors of a measure: the scope of contributors' rights. */
export async function responsibleActorIds(tx: Db, measureId: string): Promise<string[]> {
  const rows = await tx
    .select({ actorId: measureActors.actorId })
    .from(measureActors)
    .where(and(eq(measureActors.measureId, measureId), eq(measureActors.role, 'verantwortlich')));
  return rows.map((r) => r.actorId);
}
