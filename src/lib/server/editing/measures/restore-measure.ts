/** Restores an archived measure to the workflow state it had before (from its revisions). */
import type { Db } from '../../db/connection';
import type { WorkflowState } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { WorkflowError } from '../errors';
import { setWorkflowState } from './write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision, stateBeforeArchive } from './measure-revisions';
import { loadMeasure } from './load-measure';
import { inTransaction } from '../../db/transaction';

export async function restoreMeasure(
  db: Db,
  user: SessionUser,
  measureId: string,
  options: { comment?: string | null } = {},
): Promise<{ version: number; workflowState: WorkflowState }> {
  authorize(user, 'measure.archive');
  return inTransaction(db, async (tx) => {
    const { row } = await loadMeasure(tx, measureId);
    if (row.workflowState !== 'archiviert') throw new WorkflowError('Die Maßnahme ist nicht archiviert.');
    const previous = await stateBeforeArchive(tx, measureId);
    const saved = await setWorkflowState(tx, row, previous);
    await recordMeasureRevision(tx, measureId, { authorId: user.id, comment: options.comment?.trim() || 'Aus dem Archiv wiederhergestellt' });
    await recordAudit(tx, {
      userId: user.id,
      action: previous === 'veroeffentlicht' ? 'measure.publish' : 'measure.restore',
      entityType: 'measure',
      entityId: measureId,
      details: { restoredFromArchive: true, workflowState: previous },
    });
    return { version: saved.version, workflowState: previous };
  });
}
