/** Renames a structure node (code, title, goal text). Its slug (the public anchor) stays. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { nodes } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { NotFoundError } from '../errors';
import { isUuid } from '../../text/uuid';
import { recordRowRevision } from '../row-revision';
import { nodeInput, type NodeInput } from './node-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

export async function renameNode(db: Db, user: SessionUser, nodeId: string, input: NodeInput): Promise<void> {
  authorize(user, 'structure.edit');
  const value = parseWith(nodeInput, input);
  await inTransaction(db, async (tx) => {
    const [row] = isUuid(nodeId)
      ? await tx.update(nodes).set({ ...value, updatedAt: new Date() }).where(eq(nodes.id, nodeId)).returning()
      : [];
    if (!row) throw new NotFoundError('Der Bereich');
    await recordRowRevision(tx, 'node', row, user.id, 'Bereich umbenannt');
  });
}
