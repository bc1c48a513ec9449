/** Shared by the structure and vocabulary use cases: the revision of a plain row (node, actor, target group). */
import type { Db } from '../db/connection';
import { recordRevisions, type EntityType } from '../revisions/record';

export async function recordRowRevision(
  tx: Db,
  entityType: EntityType,
  row: { id: string } & Record<string, unknown>,
  authorId: string,
  comment: string,
): Promise<void> {
  await recordRevisions(tx, [{ entityType, entityId: row.id, state: row, authorId, comment }]);
}
