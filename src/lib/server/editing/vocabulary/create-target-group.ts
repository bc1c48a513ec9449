/** Creates a target group of the controlled vocabulary. */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { targetGroups } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { slugify } from '../../text/slug';
import { ValidationError } from '../errors';
import { ensureMunicipality } from '../../catalogue/municipality';
import { recordRowRevision } from '../row-revision';
import { targetGroupInput, type TargetGroupInput } from './vocabulary-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

export async function assertTargetGroupFree(tx: Db, municipalityId: string, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: targetGroups.id })
    .from(targetGroups)
    .where(
      and(
        eq(targetGroups.municipalityId, municipalityId),
        sql`(lower(${targetGroups.name}) = lower(${name}) or ${targetGroups.slug} = ${slugify(name, 60)})`,
      ),
    );
  if (clash && clash.id !== exceptId) throw new ValidationError({ name: 'Es gibt bereits eine Zielgruppe mit diesem Namen.' });
}

export async function createTargetGroup(
  db: Db,
  user: SessionUser,
  input: TargetGroupInput,
  options: { municipality: string },
): Promise<{ id: string; slug: string }> {
  authorize(user, 'vocabulary.manage');
  const value = parseWith(targetGroupInput, input);
  return inTransaction(db, async (tx) => {
    const municipalityId = await ensureMunicipality(tx, options.municipality);
    await assertTargetGroupFree(tx, municipalityId, value.name);
    const [row] = await tx
      .insert(targetGroups)
      .values({ id: crypto.randomUUID(), municipalityId, slug: slugify(value.name, 60), ...value })
      .returning();
    await recordRowRevision(tx, 'target_group', row!, user.id, 'Zielgruppe angelegt');
    return { id: row!.id, slug: row!.slug };
  });
}
