/** Creates a structure node (Handlungsfeld, Leitziel, Handlungsziel, dimension …) at the end of its parent. */
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { catalogues, nodes } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { slugify, uniqueSlug } from '../../text/slug';
import { ValidationError } from '../errors';
import { recordAudit } from '../../auth/audit';
import { recordRowRevision } from '../row-revision';
import { newNodeInput, type NewNodeInput } from './node-input';
import { parseWith } from '../parse-input';
import { inTransaction } from '../../db/transaction';

export async function createNode(db: Db, user: SessionUser, input: NewNodeInput): Promise<{ id: string; slug: string }> {
  authorize(user, 'structure.edit');
  const value = parseWith(newNodeInput, input);
  return inTransaction(db, async (tx) => {
    const [catalogue] = await tx.select({ id: catalogues.id }).from(catalogues).where(eq(catalogues.id, value.catalogueId));
    if (!catalogue) throw new ValidationError({ catalogueId: 'Unbekannter Katalog.' });
    if (value.parentId) {
      const [parent] = await tx
        .select({ id: nodes.id })
        .from(nodes)
        .where(and(eq(nodes.id, value.parentId), eq(nodes.catalogueId, value.catalogueId)));
      if (!parent) throw new ValidationError({ parentId: 'Der übergeordnete Bereich gehört nicht zu diesem Katalog.' });
    }
    const existing = await tx.select({ slug: nodes.slug }).from(nodes).where(eq(nodes.catalogueId, value.catalogueId));
    const slug = uniqueSlug(slugify([value.code, value.title].filter(Boolean).join(' '), 60), new Set(existing.map((n) => n.slug)));
    const [pos] = await tx
      .select({ n: sql<number>`coalesce(max(${nodes.position}), -1)::int + 1` })
      .from(nodes)
      .where(and(eq(nodes.catalogueId, value.catalogueId), value.parentId ? eq(nodes.parentId, value.parentId) : isNull(nodes.parentId)));
    const [row] = await tx
      .insert(nodes)
      .values({ id: crypto.randomUUID(), ...value, slug, position: Number(pos?.n ?? 0) })
      .returning();
    await recordRowRevision(tx, 'node', row!, user.id, 'Bereich angelegt');
    await recordAudit(tx, { userId: user.id, action: 'structure.create', entityType: 'node', entityId: row!.id, details: { title: row!.title } });
    return { id: row!.id, slug: row!.slug };
  });
}
