/**
 * Measure list entries of the browsing pages (actor, target group): the columns read, the short
 * place ("Bildung › A › A1") and the grouping by catalogue.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { catalogues, measures, nodes, type CatalogueKind, type NodeType } from '../db/schema';
import { groupBy } from '../util/collections';
import type { CatalogueGroup, MeasureListEntry, MeasureSummary } from './read-models';

export type PlaceNode = { id: string; parentId: string | null; type: NodeType; code: string | null; title: string };

/** Short place of a node: coded steps by code, others by title (as on the detail page). */
export function placeLabel(nodeId: string | null, byId: ReadonlyMap<string, PlaceNode>): string | null {
  if (!nodeId) return null;
  const parts: string[] = [];
  for (let n = byId.get(nodeId); n; n = n.parentId ? byId.get(n.parentId) : undefined)
    parts.unshift(n.type === 'handlungsfeld' || n.type === 'dimension' || n.type === 'kapitel' ? n.title : (n.code ?? n.title));
  return parts.length ? parts.join(' › ') : null;
}

export function nodesOfMunicipality(db: Db, mid: string) {
  return db
    .select({ id: nodes.id, parentId: nodes.parentId, type: nodes.type, code: nodes.code, title: nodes.title })
    .from(nodes)
    .innerJoin(catalogues, eq(catalogues.id, nodes.catalogueId))
    .where(eq(catalogues.municipalityId, mid));
}

/** Columns of a measure list entry, plus its catalogue and primary node. */
export const listColumns = {
  id: measures.id,
  slug: measures.slug,
  number: measures.number,
  title: measures.title,
  isGap: measures.isGap,
  isNew: measures.isNew,
  directionInward: measures.directionInward,
  directionOutward: measures.directionOutward,
  stateCode: measures.stateCode,
  position: measures.position,
  catalogueId: catalogues.id,
  catalogueSlug: catalogues.slug,
  catalogueTitle: catalogues.title,
  catalogueKind: catalogues.kind,
  cataloguePosition: catalogues.position,
  // Correlated subquery: the outer table is named explicitly (Drizzle renders ${col} unqualified).
  primaryNode: sql<string | null>`(select mn.node_id from measure_nodes mn where mn.measure_id = measures.id
    order by mn.is_primary desc, mn.position limit 1)`,
};

/** A measure row as the list entries read it (listColumns). */
export type ListRow = Omit<MeasureSummary, 'responsible'> & {
  position: number;
  catalogueId: string;
  catalogueSlug: string;
  catalogueTitle: string;
  catalogueKind: CatalogueKind;
  cataloguePosition: number;
  primaryNode: string | null;
};

export function toEntry(row: ListRow, responsible: Map<string, string[]>, byId: ReadonlyMap<string, PlaceNode>): MeasureListEntry {
  return {
    id: row.id,
    slug: row.slug,
    number: row.number,
    title: row.title,
    isGap: row.isGap,
    isNew: row.isNew,
    directionInward: row.directionInward,
    directionOutward: row.directionOutward,
    stateCode: row.stateCode,
    responsible: responsible.get(row.id) ?? [],
    catalogueSlug: row.catalogueSlug,
    place: placeLabel(row.primaryNode, byId),
  };
}

/** Groups entries by catalogue (catalogue order), measures in document order, gaps last. */
export function groupByCatalogue<T extends { isGap: boolean }>(rows: { row: ListRow; entry: T }[]): CatalogueGroup<T>[] {
  const sorted = [...rows].sort(
    (a, b) =>
      a.row.cataloguePosition - b.row.cataloguePosition ||
      a.row.catalogueTitle.localeCompare(b.row.catalogueTitle, 'de') ||
      Number(a.entry.isGap) - Number(b.entry.isGap) ||
      a.row.position - b.row.position,
  );
  const groups = groupBy(sorted, (r) => r.row.catalogueId);
  return [...groups.values()].map((items) => ({
    catalogue: { slug: items[0]!.row.catalogueSlug, title: items[0]!.row.catalogueTitle, kind: items[0]!.row.catalogueKind },
    measures: items.map((i) => i.entry),
  }));
}

