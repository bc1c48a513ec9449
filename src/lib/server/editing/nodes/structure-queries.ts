/** The back office's structure page: a catalogue's nodes in tree order with their measure counts. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { catalogues, nodes, type NodeType } from '../../db/schema';
import { isUuid } from '../../text/uuid';

export interface StructureNode {
  id: string;
  parentId: string | null;
  type: NodeType;
  code: string | null;
  title: string;
  body: string | null;
  depth: number;
  archived: boolean;
  measures: number;
}

/** A catalogue's nodes depth-first, with the number of measures placed directly under each. */
export async function listStructure(db: Db, catalogueId: string): Promise<StructureNode[]> {
  if (!isUuid(catalogueId)) return [];
  const rows = await db
    .select({
      id: nodes.id,
      parentId: nodes.parentId,
      type: nodes.type,
      code: nodes.code,
      title: nodes.title,
      body: nodes.body,
      archivedAt: nodes.archivedAt,
      measures: sql<number>`(select count(*)::int from measure_nodes mn where mn.node_id = nodes.id)`,
    })
    .from(nodes)
    .where(and(eq(nodes.catalogueId, catalogueId)))
    .orderBy(asc(nodes.position));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: StructureNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      out.push({ id: n.id, parentId: n.parentId, type: n.type, code: n.code, title: n.title, body: n.body, depth, archived: Boolean(n.archivedAt), measures: Number(n.measures) });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function catalogueBySlug(db: Db, slug: string) {
  const [row] = await db.select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title, kind: catalogues.kind }).from(catalogues).where(eq(catalogues.slug, slug));
  return row ?? null;
}
