/** Restores an archived structure node (its parent must not be archived). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { nodes } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { NotFoundError, WorkflowError } from '../errors';
import { recordAudit } from '../../auth/audit';
import { isUuid } from '../../text/uuid';
import { recordRowRevision } from '../row-revision';
import { inTransaction } from '../../db/transaction';

export async function restoreNode(db: Db, user: SessionUser, nodeId: string): Promise<void> {
  authorize(user, 'structure.edit');
  await inTransaction(db, async (tx) => {
    const [node] = isUuid(nodeId) ? await tx.select().from(nodes).where(eq(nodes.id, nodeId)).for('update') : [];
    if (!node) throw new NotFoundError('Der Bereich');
    if (!node.archivedAt) throw new WorkflowError('Der Bereich ist nicht archiviert.');
    if (node.parentId) {
      const [parent] = await tx.select({ archivedAt: nodes.archivedAt }).from(nodes).where(eq(nodes.id, node.parentId));
      if (parent?.archivedAt) throw new WorkflowError('Bitte stellen Sie zuerst den übergeordneten Bereich wieder her.');
    }
    const [row] = await tx.update(nodes).set({ archivedAt: null, updatedAt: new Date() }).where(eq(nodes.id, nodeId)).returning();
    await recordRowRevision(tx, 'node', row!, user.id, 'Bereich wiederhergestellt');
    await recordAudit(tx, { userId: user.id, action: 'structure.restore', entityType: 'node', entityId: nodeId, details: { title: row!.title } });
  });
}
