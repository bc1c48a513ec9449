/** Removes a spelling from an actor. Links keep their wording as printed. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actorAliases } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { isUuid } from '../../text/uuid';
import { inTransaction } from '../../db/transaction';

export async function removeActorAlias(db: Db, user: SessionUser, actorId: string, alias: string): Promise<void> {
  authorize(user, 'vocabulary.manage');
  if (!isUuid(actorId)) return;
  await inTransaction(db, async (tx) => {
    await tx.delete(actorAliases).where(and(eq(actorAliases.actorId, actorId), eq(actorAliases.alias, alias)));
  });
}
