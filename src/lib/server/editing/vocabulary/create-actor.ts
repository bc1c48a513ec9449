/** Creates an actor (organisation, city unit, network) of the municipality. */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actorAliases, actors } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { slugify, uniqueSlug } from '../../text/slug';
import { ValidationError } from '../errors';
import { ensureMunicipality } from '../../catalogue/municipality';
import { recordRowRevision } from '../row-revision';
import { actorInput, type ActorInput } from './vocabulary-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

/** Refuses a name that is already an actor's name or another actor's alias. */
export async function assertActorNameFree(tx: Db, municipalityId: string, name: string, exceptActorId?: string): Promise<void> {
  const [byName] = await tx
    .select({ id: actors.id })
    .from(actors)
    .where(and(eq(actors.municipalityId, municipalityId), sql`lower(${actors.name}) = lower(${name})`));
  if (byName && byName.id !== exceptActorId) throw new ValidationError({ name: 'Es gibt bereits einen Akteur mit diesem Namen.' });
  const [byAlias] = await tx
    .select({ name: actors.name, id: actors.id })
    .from(actorAliases)
    .innerJoin(actors, eq(actors.id, actorAliases.actorId))
    .where(and(eq(actors.municipalityId, municipalityId), sql`lower(${actorAliases.alias}) = lower(${name})`));
  if (byAlias && byAlias.id !== exceptActorId)
    throw new ValidationError({ name: `„${name}“ ist bereits eine Schreibweise von „${byAlias.name}“.` });
}

export async function createActor(
  db: Db,
  user: SessionUser,
  input: ActorInput,
  options: { municipality: string },
): Promise<{ id: string; slug: string }> {
  authorize(user, 'vocabulary.manage');
  const value = parseWith(actorInput, input);
  return inTransaction(db, async (tx) => {
    const municipalityId = await ensureMunicipality(tx, options.municipality);
    await assertActorNameFree(tx, municipalityId, value.name);
    const taken = await tx.select({ slug: actors.slug }).from(actors).where(eq(actors.municipalityId, municipalityId));
    const slug = uniqueSlug(slugify(value.name, 60), new Set(taken.map((a) => a.slug)));
    const [row] = await tx
      .insert(actors)
      .values({ id: crypto.randomUUID(), municipalityId, slug, ...value })
      .returning();
    await recordRowRevision(tx, 'actor', row!, user.id, 'Akteur angelegt');
    return { id: row!.id, slug: row!.slug };
  });
}
