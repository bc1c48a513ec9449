/** Archives a measure (editors): it leaves the public catalogue; nothing is deleted. */
import type { Db } from '../../db/connection';
import { authorize, type SessionUser } from '../../auth/policy';
import { WorkflowError } from '../errors';
import { setWorkflowState } from './write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from './measure-revisions';
import { loadMeasure } from './load-measure';
import { inTransaction } from '../../db/transaction';

export async function archiveMeasure(
  db: Db,
  user: SessionUser,
  measureId: string,
  options: { comment?: string | null } = {},
): Promise<{ version: number }> {
  authorize(user, 'measure.archive');
  return inTransaction(db, async (tx) => {
    const { row } = await loadMeasure(tx, measureId);
    if (row.workflowState === 'archiviert') throw new WorkflowError('Die Maßnahme ist bereits archiviert.');
    const saved = await setWorkflowState(tx, row, 'archiviert');
    await recordMeasureRevision(tx, measureId, { authorId: user.id, comment: options.comment?.trim() || 'Archiviert' });
    await recordAudit(tx, { userId: user.id, action: 'measure.archive', entityType: 'measure', entityId: measureId, details: { from: row.workflowState } });
    return { version: saved.version };
  });
}
