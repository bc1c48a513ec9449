/**
 * Read side of the public catalogue: builds the read models of read-models.ts with a fixed,
 * small number of queries per page (no N+1). Only published, non-archived content is shown.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { findMunicipalityId } from './municipality';
import { measureStand } from './measure-stand';
import { COUNTED_MEASURE_SQL } from './counting';
import { responsibleNames } from './responsible';
import {
  actors,
  catalogues,
  contacts,
  editions,
  measureActors,
  measureNodes,
  measureReferences,
  measures,
  measureSlugs,
  measureStates,
  measureTargetGroups,
  nodes,
  targetGroups,
  type NodeType,
} from '../db/schema';
import { groupBy } from '../util/collections';
import type {
  Breadcrumb,
  CatalogueDetail,
  CatalogueSummary,
  MeasureDetail,
  MeasureLink,
  MeasurePlacement,
  MeasureSummary,
  RelatedMeasure,
  TreeNode,
} from './read-models';

const published = sql`${measures.workflowState} = 'veroeffentlicht'`;

/** German labels of node types, for breadcrumbs and places ("Handlungsfeld Bildung"). */
export const NODE_TYPE_LABELS: Record<NodeType, string> = {
  handlungsfeld: 'Handlungsfeld',
  leitziel: 'Leitziel',
  handlungsziel: 'Handlungsziel',
  dimension: 'Dimension',
  dezernat: 'Dezernat',
  organisationseinheit: 'Organisationseinheit',
  kapitel: 'Kapitel',
};

/**
 * Kind-specific extra fields shown on the detail page, in display order (labels: UI catalogue
 * `field.<key>`). Beteiligte are shown as linked actors, not repeated here.
 */
export const EXTRA_FIELD_KEYS = ['bedarf', 'massnahme', 'vereinbarung', 'finanzierungsvorbehalt'] as const;

/** How a structure node is named in breadcrumbs: "Handlungsfeld Bildung", "Leitziel A", "Handlungsziel A1". */
export function nodeLabel(node: { type: NodeType; code: string | null; title: string }): string {
  if ((node.type === 'leitziel' || node.type === 'handlungsziel') && node.code) return `${NODE_TYPE_LABELS[node.type]} ${node.code}`;
  if (node.type === 'handlungsfeld' && !/^handlungsfeld\b/i.test(node.title)) return `Handlungsfeld ${node.title}`;
  return node.title;
}

export async function listCatalogues(db: Db, municipality: string): Promise<CatalogueSummary[]> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return [];
  const rows = await db
    .select({
      id: catalogues.id,
      slug: catalogues.slug,
      kind: catalogues.kind,
      title: catalogues.title,
      subtitle: catalogues.subtitle,
      publisher: catalogues.publisher,
      stand: catalogues.stand,
      // Correlated subqueries name the outer table explicitly: Drizzle renders ${col} unqualified.
      measureCount: sql<number>`(select count(*)::int from ${measures} m where m.catalogue_id = catalogues.id
        and ${COUNTED_MEASURE_SQL})`,
      gapCount: sql<number>`(select count(*)::int from ${measures} m where m.catalogue_id = catalogues.id
        and m.workflow_state = 'veroeffentlicht' and m.is_gap)`,
      sectionCount: sql<number>`(select count(*)::int from ${nodes} n where n.catalogue_id = catalogues.id
        and n.parent_id is null and n.archived_at is null)`,
    })
    .from(catalogues)
    .where(eq(catalogues.municipalityId, mid))
    .orderBy(asc(catalogues.position), asc(catalogues.title));
  return rows;
}

export async function getCatalogueDetail(db: Db, slug: string, municipality: string): Promise<CatalogueDetail | null> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const [catalogue] = await db
    .select()
    .from(catalogues)
    .where(and(eq(catalogues.municipalityId, mid), eq(catalogues.slug, slug)));
  if (!catalogue) return null;

  const [summary] = (await listCatalogues(db, municipality)).filter((c) => c.id === catalogue.id);
  const [editionRows, nodeRows, placementRows] = await Promise.all([
    db
      .select({ label: editions.label, stand: editions.stand, sourceFile: editions.sourceFile })
      .from(editions)
      // Editions of the source documents; frozen editions are listed by editions/ (own pages).
      .where(and(eq(editions.catalogueId, catalogue.id), isNull(editions.frozenAt)))
      .orderBy(asc(editions.createdAt)),
    db
      .select()
      .from(nodes)
      .where(and(eq(nodes.catalogueId, catalogue.id), isNull(nodes.archivedAt)))
      .orderBy(asc(nodes.position)),
    db
      .select({
        nodeId: measureNodes.nodeId,
        number: measureNodes.number,
        id: measures.id,
        slug: measures.slug,
        measureNumber: measures.number,
        title: measures.title,
        isGap: measures.isGap,
        isNew: measures.isNew,
        directionInward: measures.directionInward,
        directionOutward: measures.directionOutward,
        stateCode: measures.stateCode,
        parentMeasureId: measures.parentMeasureId,
      })
      .from(measureNodes)
      .innerJoin(measures, eq(measures.id, measureNodes.measureId))
      .where(and(eq(measures.catalogueId, catalogue.id), published))
      .orderBy(asc(measureNodes.position)),
  ]);
  const responsible = await responsibleNames(db, [...new Set(placementRows.map((p) => p.id))]);
  // Offers and task areas are listed under their measure, not beside it (see docs/architecture.md, "Counting").
  const topLevel = placementRows.filter((p) => !p.parentMeasureId);
  const byNode = groupBy(topLevel, (p) => p.nodeId);
  const childrenOf = groupBy(
    placementRows.filter((p) => p.parentMeasureId),
    (p) => p.parentMeasureId!,
  );
  const toSummary = (p: (typeof placementRows)[number]): MeasureSummary => {
    const children = [...new Map((childrenOf.get(p.id) ?? []).map((c) => [c.id, c])).values()].map(toSummary);
    return {
      id: p.id,
      slug: p.slug,
      number: p.number ?? p.measureNumber,
      title: p.title,
      isGap: p.isGap,
      isNew: p.isNew,
      directionInward: p.directionInward,
      directionOutward: p.directionOutward,
      stateCode: p.stateCode,
      responsible: responsible.get(p.id) ?? [],
      ...(children.length ? { children } : {}),
    };
  };

  const treeNodes = new Map<string, TreeNode>();
  for (const n of nodeRows)
    treeNodes.set(n.id, {
      id: n.id,
      type: n.type,
      code: n.code,
      title: n.title,
      body: n.body,
      slug: n.slug,
      children: [],
      measures: (byNode.get(n.id) ?? []).map(toSummary),
    });
  const tree: TreeNode[] = [];
  for (const n of nodeRows) {
    const node = treeNodes.get(n.id)!;
    const parent = n.parentId ? treeNodes.get(n.parentId) : undefined;
    (parent ? parent.children : tree).push(node);
  }

  return {
    catalogue: {
      ...summary!,
      description: catalogue.description,
      extra: catalogue.extra,
    },
    editions: editionRows,
    tree,
  };
}

export type MeasureLookup = { measure: MeasureDetail } | { redirectTo: string } | null;

/** Finds a published measure by its slug; an old slug answers with the current one (redirect). */
export async function getMeasureDetail(
  db: Db,
  catalogueSlug: string,
  measureSlug: string,
  municipality: string,
): Promise<MeasureLookup> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const [catalogue] = await db
    .select()
    .from(catalogues)
    .where(and(eq(catalogues.municipalityId, mid), eq(catalogues.slug, catalogueSlug)));
  if (!catalogue) return null;
  let [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.catalogueId, catalogue.id), eq(measures.slug, measureSlug), published));
  if (!row) {
    const [old] = await db
      .select({ slug: measures.slug })
      .from(measureSlugs)
      .innerJoin(measures, eq(measures.id, measureSlugs.measureId))
      .where(and(eq(measureSlugs.catalogueId, catalogue.id), eq(measureSlugs.slug, measureSlug), published));
    return old ? { redirectTo: old.slug } : null;
  }

  const sourceFile = row.source?.file ?? null;
  const [state, placementRows, allNodes, actorRows, groupRows, refsOut, refsIn, related, contactRows, editionRows, similarRows, stand] = await Promise.all([
    db.select().from(measureStates).where(eq(measureStates.code, row.stateCode)),
    db.select().from(measureNodes).where(eq(measureNodes.measureId, row.id)).orderBy(asc(measureNodes.position)),
    // Nodes of all the municipality's catalogues: related measures may sit in another catalogue.
    db
      .select({ id: nodes.id, parentId: nodes.parentId, type: nodes.type, code: nodes.code, title: nodes.title, slug: nodes.slug })
      .from(nodes)
      .innerJoin(catalogues, eq(catalogues.id, nodes.catalogueId))
      .where(eq(catalogues.municipalityId, mid)),
    db
      .select({
        id: actors.id,
        slug: actors.slug,
        name: actors.name,
        kind: actors.kind,
        role: measureActors.role,
        wording: measureActors.wording,
      })
      .from(measureActors)
      .innerJoin(actors, eq(actors.id, measureActors.actorId))
      .where(eq(measureActors.measureId, row.id))
      .orderBy(asc(measureActors.role), asc(measureActors.position)),
    db
      .select({ slug: targetGroups.slug, name: targetGroups.name })
      .from(measureTargetGroups)
      .innerJoin(targetGroups, eq(targetGroups.id, measureTargetGroups.targetGroupId))
      .where(eq(measureTargetGroups.measureId, row.id))
      .orderBy(asc(targetGroups.name)),
    db.select().from(measureReferences).where(eq(measureReferences.fromMeasureId, row.id)).orderBy(asc(measureReferences.position)),
    db.select().from(measureReferences).where(eq(measureReferences.toMeasureId, row.id)),
    db
      .select({ id: measures.id, parentMeasureId: measures.parentMeasureId })
      .from(measures)
      .where(and(eq(measures.catalogueId, catalogue.id), published, sql`(${measures.parentMeasureId} = ${row.id} or ${measures.id} = ${row.parentMeasureId ?? null})`)),
    row.isGap
      ? Promise.resolve([])
      : db
          .select({ unit: contacts.unitText, name: contacts.name, phone: contacts.phone, email: contacts.email })
          .from(contacts)
          .innerJoin(measureActors, eq(measureActors.actorId, contacts.actorId))
          .where(and(eq(measureActors.measureId, row.id), eq(contacts.visible, true)))
          .orderBy(asc(contacts.position)),
    sourceFile
      ? db
          .select({ label: editions.label })
          .from(editions)
          .where(and(eq(editions.catalogueId, catalogue.id), eq(editions.sourceFile, sourceFile)))
          .orderBy(asc(editions.createdAt))
      : Promise.resolve([]),
    row.isGap ? Promise.resolve([]) : relatedCandidates(db, mid, row.id, row.title),
    measureStand(db, row),
  ]);

  const nodeById = new Map(allNodes.map((n) => [n.id, n]));
  const pathOf = (nodeId: string) => {
    const path: MeasurePlacement['path'] = [];
    for (let n = nodeById.get(nodeId); n; n = n.parentId ? nodeById.get(n.parentId) : undefined)
      path.unshift({ type: n.type, code: n.code, title: n.title, slug: n.slug });
    return path;
  };
  const placements: MeasurePlacement[] = placementRows.map((p) => ({
    nodeId: p.nodeId,
    path: pathOf(p.nodeId),
    number: p.number,
    isPrimary: p.isPrimary,
  }));

  // Linked measures (cross-references both ways, parent, children) in one query.
  const linkedIds = [
    ...refsOut.map((r) => r.toMeasureId),
    ...refsIn.map((r) => r.fromMeasureId),
    ...related.map((r) => r.id),
    ...similarRows.map((r) => r.id),
  ].filter((id): id is string => Boolean(id) && id !== row!.id);
  const linkRows = linkedIds.length
    ? await db
        .select({
          id: measures.id,
          slug: measures.slug,
          number: measures.number,
          title: measures.title,
          catalogueSlug: catalogues.slug,
          primaryNode: sql<string | null>`(select mn.node_id from ${measureNodes} mn where mn.measure_id = measures.id
            order by mn.is_primary desc, mn.position limit 1)`,
        })
        .from(measures)
        .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
        .where(and(inArray(measures.id, [...new Set(linkedIds)]), published))
    : [];
  const placeOf = (nodeId: string | null) =>
    nodeId
      ? pathOf(nodeId)
          .map((p) => (p.type === 'handlungsfeld' || p.type === 'dimension' || p.type === 'kapitel' ? p.title : p.code ?? p.title))
          .join(' › ')
      : null;
  const links = new Map<string, MeasureLink>(
    linkRows.map((l) => [
      l.id,
      { id: l.id, slug: l.slug, catalogueSlug: l.catalogueSlug, number: l.number, title: l.title, place: placeOf(l.primaryNode) },
    ]),
  );

  // Related: not what is linked already (cross-references, parent, task areas), at most five.
  const alreadyLinked = new Set([
    ...refsOut.map((r) => r.toMeasureId),
    ...refsIn.map((r) => r.fromMeasureId),
    ...related.map((r) => r.id),
  ]);
  const relatedMeasures: RelatedMeasure[] = similarRows
    .filter((r) => !alreadyLinked.has(r.id))
    .flatMap((r) => {
      const link = links.get(r.id);
      if (!link) return [];
      const reasons: RelatedMeasure['reasons'] = [];
      if (r.sameNode) reasons.push('sameNode');
      if (r.sameActor) reasons.push('sameActor');
      if (r.similarity >= SIMILAR_TITLE_THRESHOLD) reasons.push('similarTitle');
      return [{ ...link, reasons }];
    })
    .slice(0, RELATED_LIMIT);

  const primary = placements.find((p) => p.isPrimary) ?? placements[0];
  // Catalogue and structure only: the page adds "Startseite" and the measure itself (UI text).
  const breadcrumbs: Breadcrumb[] = [
    { label: catalogue.title, href: `/kataloge/${catalogue.slug}` },
    ...(primary?.path ?? []).map((p) => ({ label: nodeLabel(p), href: `/kataloge/${catalogue.slug}#${p.slug}` })),
  ];

  const extraFields = EXTRA_FIELD_KEYS.flatMap((key) => {
    const value = row!.extra[key];
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : null;
    return text && text.trim() ? [{ key, value: text }] : [];
  });

  return {
    measure: {
      id: row.id,
      slug: row.slug,
      catalogue: { slug: catalogue.slug, title: catalogue.title, kind: catalogue.kind, stand: catalogue.stand },
      number: row.number,
      title: row.title,
      description: row.description,
      goals: row.goals,
      targetGroupText: row.targetGroupText,
      statusText: row.statusText,
      state: { code: row.stateCode, label: state[0]?.label ?? row.stateCode },
      remarks: row.remarks,
      responsibleText: row.responsibleText,
      directionInward: row.directionInward,
      directionOutward: row.directionOutward,
      isNew: row.isNew,
      isGap: row.isGap,
      extraFields,
      lastReviewedAt: row.lastReviewedAt,
      updatedAt: row.updatedAt.toISOString(),
      stand,
      source: row.source
        ? {
            file: row.source.file,
            line: row.source.line,
            document: row.source.document ?? null,
            edition: editionRows[0]?.label ?? null,
          }
        : null,
      breadcrumbs,
      placements,
      actors: actorRows.map((a) => ({ ...a, wording: a.wording && a.wording !== a.name ? a.wording : null })),
      targetGroups: groupRows,
      referencesOut: refsOut.flatMap((r) => {
        const link = r.toMeasureId ? links.get(r.toMeasureId) : undefined;
        return link ? [{ ...link, wording: r.wording }] : [];
      }),
      referencesIn: refsIn.flatMap((r) => {
        const link = links.get(r.fromMeasureId);
        return link ? [{ ...link, wording: r.wording }] : [];
      }),
      referencesUnresolved: refsOut.filter((r) => !r.toMeasureId).map((r) => r.wording ?? ''),
      parent: row.parentMeasureId ? (links.get(row.parentMeasureId) ?? null) : null,
      children: related.filter((r) => r.parentMeasureId === row!.id).flatMap((r) => links.get(r.id) ?? []),
      contacts: contactRows,
      related: relatedMeasures,
    },
  };
}

/** Titles at least this similar (pg_trgm `similarity()`, 0…1) count as "similar title". */
export const SIMILAR_TITLE_THRESHOLD = 0.3;
const RELATED_LIMIT = 5;

/**
 * Candidates for "related measures" in one statement: published measures of the municipality
 * that share a structure node (Handlungsziel, unit) or a responsible actor with the measure, or
 * whose title is similar (trigram similarity). Ranked: same node, then same actor, then
 * similarity; a few more than shown, since the caller drops already linked measures.
 */
async function relatedCandidates(
  db: Db,
  municipalityId: string,
  measureId: string,
  title: string,
): Promise<{ id: string; sameNode: boolean; sameActor: boolean; similarity: number }[]> {
  const result = (await db.execute(sql`
    with my_nodes as (select node_id from measure_nodes where measure_id = ${measureId}),
    my_actors as (
      select actor_id from measure_actors where measure_id = ${measureId} and role = 'verantwortlich'
    ),
    candidates as (
      select m.id, c.position as catalogue_position, m.position,
        exists (select 1 from measure_nodes mn where mn.measure_id = m.id
          and mn.node_id in (select node_id from my_nodes)) as same_node,
        exists (select 1 from measure_actors ma where ma.measure_id = m.id and ma.role = 'verantwortlich'
          and ma.actor_id in (select actor_id from my_actors)) as same_actor,
        similarity(m.title, ${title})::float8 as similarity
      from measures m
      join catalogues c on c.id = m.catalogue_id
      where c.municipality_id = ${municipalityId} and m.workflow_state = 'veroeffentlicht'
        and not m.is_gap and m.id <> ${measureId}
    )
    select id, same_node, same_actor, similarity from candidates
    where same_node or same_actor or similarity >= ${SIMILAR_TITLE_THRESHOLD}
    order by same_node::int * 2 + same_actor::int + similarity desc, catalogue_position, position, id
    limit ${RELATED_LIMIT * 3}
  `)) as unknown as { rows: { id: string; same_node: boolean; same_actor: boolean; similarity: number | string }[] };
  return result.rows.map((r) => ({
    id: r.id,
    sameNode: r.same_node,
    sameActor: r.same_actor,
    similarity: Number(r.similarity),
  }));
}
