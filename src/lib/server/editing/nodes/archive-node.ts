/**
 * Archives a structure node: it disappears from the public catalogue, nothing is deleted. Only
 * empty nodes: measures must be moved first and sub-nodes archived first, so no published
 * measure loses its place.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { measureNodes, measures, nodes } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { NotFoundError, WorkflowError } from '../errors';
import { recordAudit } from '../../auth/audit';
import { isUuid } from '../../text/uuid';
import { recordRowRevision } from '../row-revision';
import { inTransaction } from '../../db/transaction';

export async function archiveNode(db: Db, user: SessionUser, nodeId: string): Promise<void> {
  authorize(user, 'structure.edit');
  await inTransaction(db, async (tx) => {
    const [node] = isUuid(nodeId) ? await tx.select().from(nodes).where(eq(nodes.id, nodeId)).for('update') : [];
    if (!node) throw new NotFoundError('Der Bereich');
    if (node.archivedAt) throw new WorkflowError('Der Bereich ist bereits archiviert.');
    const [children] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(nodes)
      .where(and(eq(nodes.parentId, nodeId), isNull(nodes.archivedAt)));
    if (Number(children?.n) > 0) throw new WorkflowError('Bitte archivieren Sie zuerst die untergeordneten Bereiche.');
    const [placed] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(measureNodes)
      .innerJoin(measures, eq(measures.id, measureNodes.measureId))
      .where(and(eq(measureNodes.nodeId, nodeId), ne(measures.workflowState, 'archiviert')));
    if (Number(placed?.n) > 0)
      throw new WorkflowError(`Hier sind noch ${placed!.n} Maßnahmen eingeordnet. Bitte verschieben oder archivieren Sie sie zuerst.`);
    const [row] = await tx.update(nodes).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(nodes.id, nodeId)).returning();
    await recordRowRevision(tx, 'node', row!, user.id, 'Bereich archiviert');
    await recordAudit(tx, { userId: user.id, action: 'structure.archive', entityType: 'node', entityId: nodeId, details: { title: row!.title } });
  });
}
