/**
 * The content of an edition: a catalogue's published state as plain, serialisable data
 * (names instead of ids for actors, target groups and states), so a frozen edition reads the
 * same forever, whatever happens to the live rows. Stored in `editions.snapshot`; the edition
 * pages, the comparison and the PDF renderer read this shape only.
 *
 * Built in a fixed number of queries for any catalogue size. Contacts (personal data) are not
 * part of it: they are shown live, only while published.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { actors, catalogues, measures, measureStates, nodes, targetGroups, type CatalogueKind, type NodeType } from '../db/schema';
import { loadMeasureSnapshots } from '../catalogue/snapshot';
import { EXTRA_FIELD_KEYS, nodeLabel } from '../catalogue/queries';

export const EDITION_CONTENT_FORMAT = 1;

export interface EditionMeasure {
  id: string;
  slug: string;
  number: string | null;
  title: string;
  description: string;
  goals: string | null;
  targetGroupText: string | null;
  statusText: string | null;
  state: { code: string; label: string };
  remarks: string | null;
  responsibleText: string | null;
  directionInward: boolean;
  directionOutward: boolean;
  /** "neu": new in this edition (derived from the comparison with the previous edition). */
  isNew: boolean;
  isGap: boolean;
  /** Kind-specific fields with text, in display order (labels: UI catalogue `field.<key>`). */
  extraFields: { key: string; value: string }[];
  actors: { name: string; slug: string; role: string; wording: string | null }[];
  targetGroups: { name: string; slug: string }[];
  /** Every place the measure is listed, with the path as printed ("Handlungsfeld Bildung › Leitziel A …"). */
  placements: { nodeId: string; path: string[]; number: string | null; isPrimary: boolean }[];
  /** Cross-references as printed; `toMeasureId` when resolved to a measure of this content. */
  references: { wording: string | null; toMeasureId: string | null }[];
  parentMeasureId: string | null;
  lastReviewedAt: string | null;
  /** ISO timestamp of the measure's last change ("Stand" of the measure). */
  updatedAt: string;
}

export interface EditionNode {
  id: string;
  type: NodeType;
  code: string | null;
  title: string;
  body: string | null;
  slug: string;
  children: EditionNode[];
  /** Measures under this node in printed order, with the number printed there. */
  measures: { id: string; number: string | null }[];
}

export interface EditionContent {
  format: typeof EDITION_CONTENT_FORMAT;
  catalogue: {
    id: string;
    slug: string;
    kind: CatalogueKind;
    title: string;
    subtitle: string | null;
    publisher: string | null;
    description: string | null;
  };
  tree: EditionNode[];
  measures: EditionMeasure[];
}

/** The published state of a catalogue now, in edition shape (used to freeze and to compare with "aktuell"). */
export async function buildPublishedContent(db: Db, catalogueId: string): Promise<EditionContent> {
  const [catalogue] = await db.select().from(catalogues).where(eq(catalogues.id, catalogueId));
  if (!catalogue) throw new Error(`catalogue ${catalogueId} not found`);
  const nodeRows = await db
    .select()
    .from(nodes)
    .where(and(eq(nodes.catalogueId, catalogueId), isNull(nodes.archivedAt)))
    .orderBy(asc(nodes.position));
  const ids = (
    await db
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.catalogueId, catalogueId), eq(measures.workflowState, 'veroeffentlicht')))
      .orderBy(asc(measures.position))
  ).map((r) => r.id);
  const snapshots = await loadMeasureSnapshots(db, ids);
  const actorIds = [...new Set([...snapshots.values()].flatMap((s) => s.actors.map((a) => a.actorId)))];
  const groupIds = [...new Set([...snapshots.values()].flatMap((s) => s.targetGroups.map((g) => g.targetGroupId)))];
  const actorRows = actorIds.length
    ? await db.select({ id: actors.id, name: actors.name, slug: actors.slug }).from(actors).where(inArray(actors.id, actorIds))
    : [];
  const groupRows = groupIds.length
    ? await db
        .select({ id: targetGroups.id, name: targetGroups.name, slug: targetGroups.slug })
        .from(targetGroups)
        .where(inArray(targetGroups.id, groupIds))
    : [];
  const stateRows = await db.select().from(measureStates);
  const actorById = new Map(actorRows.map((a) => [a.id, a]));
  const groupById = new Map(groupRows.map((g) => [g.id, g]));
  const stateLabel = new Map(stateRows.map((s) => [s.code, s.label]));
  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));
  const pathOf = (nodeId: string): string[] => {
    const path: string[] = [];
    for (let n = nodeById.get(nodeId); n; n = n.parentId ? nodeById.get(n.parentId) : undefined) path.unshift(nodeLabel(n));
    return path;
  };

  const list: EditionMeasure[] = ids.flatMap((id) => {
    const s = snapshots.get(id);
    if (!s) return [];
    return [
      {
        id: s.id,
        slug: s.slug,
        number: s.number,
        title: s.title,
        description: s.description,
        goals: s.goals,
        targetGroupText: s.targetGroupText,
        statusText: s.statusText,
        state: { code: s.stateCode, label: stateLabel.get(s.stateCode) ?? s.stateCode },
        remarks: s.remarks,
        responsibleText: s.responsibleText,
        directionInward: s.directionInward,
        directionOutward: s.directionOutward,
        isNew: s.isNew,
        isGap: s.isGap,
        extraFields: EXTRA_FIELD_KEYS.flatMap((key) => {
          const value = s.extra[key];
          const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : null;
          return text && text.trim() ? [{ key, value: text }] : [];
        }),
        actors: s.actors.flatMap((a) => {
          const actor = actorById.get(a.actorId);
          return actor ? [{ name: actor.name, slug: actor.slug, role: a.role, wording: a.wording }] : [];
        }),
        targetGroups: s.targetGroups
          .flatMap((g) => {
            const group = groupById.get(g.targetGroupId);
            return group ? [{ name: group.name, slug: group.slug }] : [];
          })
          .sort((a, b) => a.name.localeCompare(b.name, 'de')),
        placements: s.placements
          .filter((p) => nodeById.has(p.nodeId))
          .map((p) => ({ nodeId: p.nodeId, path: pathOf(p.nodeId), number: p.number, isPrimary: p.isPrimary })),
        references: s.references.map((r) => ({
          wording: r.wording,
          toMeasureId: r.toMeasureId && snapshots.has(r.toMeasureId) ? r.toMeasureId : null,
        })),
        parentMeasureId: s.parentMeasureId,
        lastReviewedAt: s.lastReviewedAt,
        updatedAt: s.updatedAt,
      },
    ];
  });

  // Tree: nodes in position order, each with the top-level measures placed under it.
  const underNode = new Map<string, { id: string; number: string | null; position: number }[]>();
  for (const id of ids) {
    const s = snapshots.get(id);
    if (!s || s.parentMeasureId) continue;
    for (const p of s.placements) {
      const entries = underNode.get(p.nodeId) ?? [];
      entries.push({ id, number: p.number ?? s.number, position: p.position });
      underNode.set(p.nodeId, entries);
    }
  }
  const treeNodes = new Map<string, EditionNode>();
  for (const n of nodeRows)
    treeNodes.set(n.id, {
      id: n.id,
      type: n.type,
      code: n.code,
      title: n.title,
      body: n.body,
      slug: n.slug,
      children: [],
      measures: (underNode.get(n.id) ?? []).sort((a, b) => a.position - b.position).map(({ id, number }) => ({ id, number })),
    });
  const tree: EditionNode[] = [];
  for (const n of nodeRows) {
    const node = treeNodes.get(n.id)!;
    const parent = n.parentId ? treeNodes.get(n.parentId) : undefined;
    (parent ? parent.children : tree).push(node);
  }

  return {
    format: EDITION_CONTENT_FORMAT,
    catalogue: {
      id: catalogue.id,
      slug: catalogue.slug,
      kind: catalogue.kind,
      title: catalogue.title,
      subtitle: catalogue.subtitle,
      publisher: catalogue.publisher,
      description: catalogue.description,
    },
    tree,
    measures: list,
  };
}
