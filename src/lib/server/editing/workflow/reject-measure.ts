/** Sends a measure in review back to draft with a reason (editors); the submitter is told. */
import type { Db } from '../../db/connection';
import { authorize, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import { ValidationError, WorkflowError } from '../errors';
import { setWorkflowState } from '../measures/write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from '../measures/measure-revisions';
import { loadMeasure } from '../measures/load-measure';
import { submitterOf } from './publish-measure';
import { inTransaction } from '../../db/transaction';

export async function rejectMeasure(db: Db, user: SessionUser, measureId: string, reason: string): Promise<void> {
  authorize(user, 'measure.publish');
  const text = reason.trim();
  if (text.length < 3) throw new ValidationError({ reason: 'Bitte geben Sie einen Grund an.' });
  if (text.length > 5000) throw new ValidationError({ reason: 'Höchstens 5.000 Zeichen.' });
  await inTransaction(db, async (tx) => {
    const { row } = await loadMeasure(tx, measureId);
    if (row.workflowState !== 'in_pruefung') throw new WorkflowError('Die Maßnahme ist nicht in Prüfung.');
    const submitter = await submitterOf(tx, measureId, user.id);
    await setWorkflowState(tx, row, 'entwurf');
    await recordMeasureRevision(tx, measureId, { authorId: user.id, comment: `Zurück an den Entwurf: ${text}` });
    await recordAudit(tx, { userId: user.id, action: 'measure.reject', entityType: 'measure', entityId: measureId, details: { reason: text } });
    if (submitter)
      await notify(tx, {
        userIds: [submitter],
        kind: 'measure.rejected',
        title: `Maßnahme nicht veröffentlicht: ${row.title}`,
        body: `Begründung der Redaktion: ${text}`,
        link: `/admin/massnahmen/${measureId}`,
      });
  });
}
