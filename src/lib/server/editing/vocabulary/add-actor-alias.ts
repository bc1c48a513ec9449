/** Adds a spelling of an actor as printed ("FB 31", "JobCenter"). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actorAliases, actors } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { isUuid } from '../../text/uuid';
import { assertActorNameFree } from './create-actor';
import { aliasInput } from './vocabulary-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

export async function addActorAlias(db: Db, user: SessionUser, actorId: string, alias: string): Promise<void> {
  authorize(user, 'vocabulary.manage');
  const value = parseWith(aliasInput, alias);
  await inTransaction(db, async (tx) => {
    const [actor] = isUuid(actorId) ? await tx.select().from(actors).where(eq(actors.id, actorId)) : [];
    if (!actor) throw new NotFoundError('Der Akteur');
    if (actor.name.toLowerCase() === value.toLowerCase()) throw new ValidationError({ alias: 'Das ist bereits der Name des Akteurs.' });
    try {
      await assertActorNameFree(tx, actor.municipalityId, value, actorId);
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError({ alias: error.fields.name ?? error.message });
      throw error;
    }
    await tx.insert(actorAliases).values({ actorId, alias: value }).onConflictDoNothing();
  });
}
