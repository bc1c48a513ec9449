/** The diversity catalogue regrouped by Dezernat → organisational unit (public catalogue page). */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { actors, nodes } from '../db/schema';
import { slugify, uniqueSlug } from '../text/slug';
import type { CatalogueDetail, OrganisationView, TreeNode } from './read-models';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** "Dezernat IV" → 4, "Dezernat 3" → 3; anything else sorts after numbered ones. */
function dezernatNumber(title: string): number {
  const match = /\b([IVXL]+|\d+)\s*$/.exec(title.trim());
  if (!match) return Number.MAX_SAFE_INTEGER;
  const token = match[1]!;
  if (/^\d+$/.test(token)) return Number(token);
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const value = ROMAN[token[i]!]!;
    const next = ROMAN[token[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Whether a catalogue tree has organisational units (the diversity catalogue does). */
export function hasOrganisationUnits(tree: readonly TreeNode[]): boolean {
  return tree.some((n) => n.type === 'dezernat' || n.type === 'organisationseinheit' || hasOrganisationUnits(n.children));
}

/**
 * The diversity catalogue regrouped by Dezernat → organisational unit: each measure once per
 * unit, with all dimensions it is listed under. Built from the catalogue tree (already loaded
 * for the page) plus one statement for the units' actor pages. Units are matched across
 * dimensions by their actor (else by title); Dezernate in numeric order, units alphabetically.
 */
export async function getOrganisationView(db: Db, detail: CatalogueDetail): Promise<OrganisationView | null> {
  if (!hasOrganisationUnits(detail.tree)) return null;

  type Measure = OrganisationView['dezernate'][number]['units'][number]['measures'][number];
  type Unit = { key: string; title: string; nodeIds: string[]; measures: Map<string, Measure> };
  type Dezernat = { title: string; firstSeen: number; units: Map<string, Unit> };

  // Every dimension a measure is listed under, anywhere in the catalogue.
  const dimensionsOf = new Map<string, { slug: string; title: string }[]>();
  const walkDimensions = (node: TreeNode, dimension: TreeNode | null) => {
    const current = node.type === 'dimension' ? node : dimension;
    if (current)
      for (const m of node.measures) {
        const list = dimensionsOf.get(m.id) ?? [];
        if (!list.some((d) => d.slug === current.slug)) list.push({ slug: current.slug, title: current.title });
        dimensionsOf.set(m.id, list);
      }
    for (const child of node.children) walkDimensions(child, current);
  };
  for (const node of detail.tree) walkDimensions(node, null);

  // Unit nodes → actor (one statement).
  const unitNodeIds: string[] = [];
  const collectUnits = (node: TreeNode) => {
    if (node.type === 'organisationseinheit') unitNodeIds.push(node.id);
    node.children.forEach(collectUnits);
  };
  detail.tree.forEach(collectUnits);
  const actorRows = unitNodeIds.length
    ? await db
        .select({ nodeId: nodes.id, actorId: actors.id, actorSlug: actors.slug })
        .from(nodes)
        .innerJoin(actors, eq(actors.id, nodes.actorId))
        .where(and(inArray(nodes.id, unitNodeIds), isNotNull(nodes.actorId)))
    : [];
  const actorOfNode = new Map(actorRows.map((r) => [r.nodeId, r]));

  const dezernate = new Map<string, Dezernat>();
  let seen = 0;
  const place = (node: TreeNode, dezernat: TreeNode | null, unit: TreeNode | null) => {
    const dz = node.type === 'dezernat' ? node : dezernat;
    const un = node.type === 'organisationseinheit' ? node : unit;
    if (node.measures.length && (dz || un)) {
      const dzTitle = dz?.title ?? '';
      const dzKey = dzTitle.trim().toLowerCase();
      let dEntry = dezernate.get(dzKey);
      if (!dEntry) dezernate.set(dzKey, (dEntry = { title: dzTitle, firstSeen: seen++, units: new Map() }));
      const unitNode = un ?? dz!;
      const actor = actorOfNode.get(unitNode.id);
      const unitKey = actor ? `actor:${actor.actorId}` : `title:${unitNode.title.trim().toLowerCase()}`;
      let uEntry = dEntry.units.get(unitKey);
      if (!uEntry) dEntry.units.set(unitKey, (uEntry = { key: unitKey, title: unitNode.title, nodeIds: [], measures: new Map() }));
      uEntry.nodeIds.push(unitNode.id);
      for (const m of node.measures)
        if (!uEntry.measures.has(m.id)) uEntry.measures.set(m.id, { ...m, dimensions: dimensionsOf.get(m.id) ?? [] });
    }
    for (const child of node.children) place(child, dz, un);
  };
  for (const node of detail.tree) place(node, null, null);

  const taken = new Set<string>();
  return {
    dezernate: [...dezernate.values()]
      .sort((a, b) => dezernatNumber(a.title) - dezernatNumber(b.title) || a.firstSeen - b.firstSeen)
      .map((d) => {
        const dSlug = uniqueSlug(`organisation-${slugify(d.title || 'ohne-dezernat', 60)}`, taken);
        return {
          slug: dSlug,
          title: d.title,
          units: [...d.units.values()]
            .sort((a, b) => a.title.localeCompare(b.title, 'de'))
            .map((u) => ({
              slug: uniqueSlug(`${dSlug}-${slugify(u.title, 60)}`, taken),
              title: u.title,
              actorSlug: u.nodeIds.map((id) => actorOfNode.get(id)?.actorSlug).find(Boolean) ?? null,
              measures: [...u.measures.values()],
            })),
        };
      }),
  };
}
