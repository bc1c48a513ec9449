/**
 * Submits for review: an unpublished draft measure goes to "in_pruefung"; for a published
 * measure, the user's draft change request does. Editors are notified.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { changeRequests } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import { WorkflowError } from '../errors';
import { openChangeRequest } from './change-requests';
import { setWorkflowState } from '../measures/write-measure';
import { recordMeasureRevision } from '../measures/measure-revisions';
import { loadMeasure, responsibleActorIds } from '../measures/load-measure';
import { inTransaction } from '../../db/transaction';

export async function submitForReview(
  db: Db,
  user: SessionUser,
  measureId: string,
  options: { comment?: string | null } = {},
): Promise<{ kind: 'measure' | 'change'; id: string }> {
  return inTransaction(db, async (tx) => {
    const { row } = await loadMeasure(tx, measureId);
    authorize(user, 'measure.edit', { actorIds: await responsibleActorIds(tx, measureId) });
    const comment = options.comment?.trim() || null;
    const who = user.name ?? user.email;
    if (row.workflowState === 'veroeffentlicht') {
      const open = await openChangeRequest(tx, measureId, user.id);
      if (!open || open.state !== 'entwurf') throw new WorkflowError('Es gibt keinen Entwurf einer Änderung, der eingereicht werden könnte.');
      await tx
        .update(changeRequests)
        .set({ state: 'in_pruefung', comment: comment ?? open.comment, updatedAt: new Date() })
        .where(eq(changeRequests.id, open.id));
      await notify(tx, {
        roles: ['redaktion', 'admin'],
        kind: 'review.change',
        title: `Änderung zur Prüfung: ${row.title}`,
        body: `${who} hat eine Änderung eingereicht.${comment ? `\n\nKommentar: ${comment}` : ''}`,
        link: `/admin/pruefung/${open.id}`,
      });
      return { kind: 'change', id: open.id };
    }
    if (row.workflowState !== 'entwurf') throw new WorkflowError('Nur Entwürfe können zur Prüfung eingereicht werden.');
    await setWorkflowState(tx, row, 'in_pruefung');
    await recordMeasureRevision(tx, measureId, { authorId: user.id, comment: comment ?? 'Zur Prüfung eingereicht' });
    await notify(tx, {
      roles: ['redaktion', 'admin'],
      kind: 'review.measure',
      title: `Maßnahme zur Prüfung: ${row.title}`,
      body: `${who} hat eine Maßnahme zur Prüfung eingereicht.${comment ? `\n\nKommentar: ${comment}` : ''}`,
      link: `/admin/pruefung/massnahme/${measureId}`,
    });
    return { kind: 'measure', id: measureId };
  });
}
