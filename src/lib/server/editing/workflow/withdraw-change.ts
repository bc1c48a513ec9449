/** The author withdraws an open change request (or an editor discards it); nothing is deleted. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { changeRequests } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { WorkflowError } from '../errors';
import { loadChangeRequest } from './change-requests';
import { inTransaction } from '../../db/transaction';

export async function withdrawChange(db: Db, user: SessionUser, changeRequestId: string): Promise<void> {
  authorize(user, 'draft.read');
  await inTransaction(db, async (tx) => {
    const request = await loadChangeRequest(tx, changeRequestId, true);
    if (request.authorId !== user.id) authorize(user, 'measure.publish');
    if (request.state !== 'in_pruefung' && request.state !== 'entwurf')
      throw new WorkflowError('Über diese Änderung wurde bereits entschieden.');
    await tx
      .update(changeRequests)
      .set({ state: 'zurueckgezogen', decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(changeRequests.id, request.id));
  });
}
