/** Rejects a change request with a reason (editors); the measure stays as it is; the author is told. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { changeRequests, measures } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import { ValidationError, WorkflowError } from '../errors';
import { loadChangeRequest } from './change-requests';
import { recordAudit } from '../../auth/audit';
import { inTransaction } from '../../db/transaction';

export async function rejectChange(db: Db, user: SessionUser, changeRequestId: string, reason: string): Promise<void> {
  authorize(user, 'measure.publish');
  const text = reason.trim();
  if (text.length < 3) throw new ValidationError({ reason: 'Bitte geben Sie einen Grund an.' });
  if (text.length > 5000) throw new ValidationError({ reason: 'Höchstens 5.000 Zeichen.' });
  await inTransaction(db, async (tx) => {
    const request = await loadChangeRequest(tx, changeRequestId, true);
    if (request.state !== 'in_pruefung' && request.state !== 'entwurf')
      throw new WorkflowError('Über diese Änderung wurde bereits entschieden.');
    await tx
      .update(changeRequests)
      .set({ state: 'abgelehnt', reviewerId: user.id, reviewComment: text, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(changeRequests.id, request.id));
    const [measure] = request.measureId
      ? await tx.select({ title: measures.title }).from(measures).where(eq(measures.id, request.measureId))
      : [];
    await recordAudit(tx, {
      userId: user.id,
      action: 'measure.reject',
      entityType: 'measure',
      entityId: request.measureId ?? request.id,
      details: { changeRequestId: request.id, authorId: request.authorId, reason: text },
    });
    if (request.authorId && request.authorId !== user.id)
      await notify(tx, {
        userIds: [request.authorId],
        kind: 'change.rejected',
        title: `Ihre Änderung wurde abgelehnt: ${measure?.title ?? 'Maßnahme'}`,
        body: `Begründung der Redaktion: ${text}`,
        link: request.measureId ? `/admin/massnahmen/${request.measureId}` : null,
      });
  });
}
