/** Renames an actor (and sets kind, parent, description). The old name stays as an alias, so imports and searches still find it. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actorAliases, actors } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { isUuid } from '../../text/uuid';
import { assertActorNameFree } from './create-actor';
import { recordRowRevision } from '../row-revision';
import { actorInput, type ActorInput } from './vocabulary-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

export async function renameActor(db: Db, user: SessionUser, actorId: string, input: ActorInput): Promise<void> {
  authorize(user, 'vocabulary.manage');
  const value = parseWith(actorInput, input);
  await inTransaction(db, async (tx) => {
    const [actor] = isUuid(actorId) ? await tx.select().from(actors).where(eq(actors.id, actorId)).for('update') : [];
    if (!actor) throw new NotFoundError('Der Akteur');
    if (value.parentId === actorId) throw new ValidationError({ parentId: 'Ein Akteur kann nicht sich selbst untergeordnet sein.' });
    await assertActorNameFree(tx, actor.municipalityId, value.name, actorId);
    const [row] = await tx.update(actors).set({ ...value, updatedAt: new Date() }).where(eq(actors.id, actorId)).returning();
    if (actor.name !== value.name) await tx.insert(actorAliases).values({ actorId, alias: actor.name }).onConflictDoNothing();
    await tx.delete(actorAliases).where(eq(actorAliases.alias, value.name));
    await recordRowRevision(tx, 'actor', row!, user.id, actor.name !== value.name ? `Umbenannt (vorher „${actor.name}“)` : 'Geändert');
  });
}
