/** Renames a target group (its slug, used in search URLs, stays). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { targetGroups } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { NotFoundError } from '../errors';
import { isUuid } from '../../text/uuid';
import { assertTargetGroupFree } from './create-target-group';
import { recordRowRevision } from '../row-revision';
import { targetGroupInput, type TargetGroupInput } from './vocabulary-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

export async function renameTargetGroup(db: Db, user: SessionUser, id: string, input: TargetGroupInput): Promise<void> {
  authorize(user, 'vocabulary.manage');
  const value = parseWith(targetGroupInput, input);
  await inTransaction(db, async (tx) => {
    const [group] = isUuid(id) ? await tx.select().from(targetGroups).where(eq(targetGroups.id, id)) : [];
    if (!group) throw new NotFoundError('Die Zielgruppe');
    await assertTargetGroupFree(tx, group.municipalityId, value.name, id);
    const [row] = await tx.update(targetGroups).set(value).where(eq(targetGroups.id, id)).returning();
    await recordRowRevision(tx, 'target_group', row!, user.id, group.name !== value.name ? `Umbenannt (vorher „${group.name}“)` : 'Geändert');
  });
}
