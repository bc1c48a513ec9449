/**
 * Read side of the public catalogue: builds the read models of read-models.ts with a fixed,
 * small number of queries per page (no N+1). Only published, non-archived content is shown.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { pathHref } from './sections';
import { queryRows, type Db } from '../db/connection';
import { findMunicipalityId } from './municipality';
import { measureStandColumns, toMeasureStand } from './measure-stand';
import { COUNTED_MEASURE_SQL } from './counting';
import { responsibleNames } from './responsible';
import type { RelatedCandidate, RelatedMemoScope } from './related-memo';
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
  municipalities,
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
  // The municipality by slug in the same statement: one round trip (an unknown one lists nothing).
  const mid = sql`(select id from ${municipalities} where slug = ${municipality})`;
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
    .where(sql`${catalogues.municipalityId} = ${mid}`)
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

/** One step of a structure path as the read models show it. */
type PathStep = MeasurePlacement['path'][number];

/**
 * Paths from the top structure node down to each node that `startNodes` selects (a SQL select
 * of one column `node_id`): a recursive walk up the parents, as a CTE list for a caller's
 * `with recursive`. Yields `node_paths(start_id, path)`, path as JSON, top node first.
 */
function nodePathsCte(startNodes: ReturnType<typeof sql>) {
  return sql`up as (
      select n.id as start_id, n.id, n.parent_id, n.type, n.code, n.title, n.slug, 0 as depth
      from nodes n where n.id in (${startNodes})
      union all
      select up.start_id, n.id, n.parent_id, n.type, n.code, n.title, n.slug, up.depth + 1
      from up join nodes n on n.id = up.parent_id
    ),
    node_paths as (
      select start_id, json_agg(json_build_object('type', type, 'code', code, 'title', title, 'slug', slug)
        order by depth desc) as path
      from up group by start_id
    )`;
}

interface MeasureDetailRow {
  placements: { nodeId: string; number: string | null; isPrimary: boolean; path: PathStep[] }[];
  actors: MeasureDetail['actors'];
  target_groups: MeasureDetail['targetGroups'];
  refs_out: { toMeasureId: string | null; wording: string | null }[];
  refs_in: { fromMeasureId: string; wording: string | null }[];
  family: { id: string; parentMeasureId: string | null }[];
  contacts: MeasureDetail['contacts'];
  edition_label: string | null;
  /** Null when the ranking came from the memo. */
  similar: { id: string; same_node: boolean; same_actor: boolean; similarity: number | string }[] | null;
  stand_imported: boolean | null;
  stand_edition: string | null;
}

/**
 * The measure page's read model in three statements (a budget, measure-detail.db.test.ts): the
 * measure with its catalogue; everything attached to it as JSON in one row; the measures it
 * links to with their places. A renamed measure's old address costs one more.
 */
export async function getMeasureDetail(
  db: Db,
  catalogueSlug: string,
  measureSlug: string,
  municipality: string,
  relatedMemo?: RelatedMemoScope,
): Promise<MeasureLookup> {
  const [found] = await db
    .select({ row: measures, catalogue: catalogues, stateLabel: measureStates.label })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .innerJoin(municipalities, eq(municipalities.id, catalogues.municipalityId))
    .leftJoin(measureStates, eq(measureStates.code, measures.stateCode))
    .where(and(eq(municipalities.slug, municipality), eq(catalogues.slug, catalogueSlug), eq(measures.slug, measureSlug), published));
  if (!found) {
    const [old] = await db
      .select({ slug: measures.slug })
      .from(measureSlugs)
      .innerJoin(measures, eq(measures.id, measureSlugs.measureId))
      .innerJoin(catalogues, eq(catalogues.id, measureSlugs.catalogueId))
      .innerJoin(municipalities, eq(municipalities.id, catalogues.municipalityId))
      .where(and(eq(municipalities.slug, municipality), eq(catalogues.slug, catalogueSlug), eq(measureSlugs.slug, measureSlug), published));
    return old ? { redirectTo: old.slug } : null;
  }
  const { row, catalogue } = found;
  const mid = catalogue.municipalityId;
  // The similarity ranking once per content version (related-memo.ts); on a miss it rides along
  // in the same statement, so the statement budget holds either way.
  const memoVersion = relatedMemo?.version ?? null;
  const memoised = memoVersion === null ? undefined : relatedMemo!.memo.get(row.id, memoVersion);

  const [attached] = await queryRows<MeasureDetailRow>(
    db,
    sql`with recursive ${nodePathsCte(sql`select node_id from measure_nodes where measure_id = ${row.id}`)}
    select
      (select coalesce(json_agg(json_build_object('nodeId', mn.node_id, 'number', mn.number, 'isPrimary', mn.is_primary,
          'path', coalesce(np.path, '[]'::json)) order by mn.position, mn.is_primary desc, mn.node_id), '[]'::json)
        from measure_nodes mn left join node_paths np on np.start_id = mn.node_id
        where mn.measure_id = ${row.id}) as placements,
      (select coalesce(json_agg(json_build_object('id', a.id, 'slug', a.slug, 'name', a.name, 'kind', a.kind,
          'role', ma.role, 'wording', ma.wording) order by ma.role, ma.position), '[]'::json)
        from measure_actors ma join actors a on a.id = ma.actor_id where ma.measure_id = ${row.id}) as actors,
      (select coalesce(json_agg(json_build_object('slug', tg.slug, 'name', tg.name) order by tg.name), '[]'::json)
        from measure_target_groups mtg join target_groups tg on tg.id = mtg.target_group_id
        where mtg.measure_id = ${row.id}) as target_groups,
      (select coalesce(json_agg(json_build_object('toMeasureId', r.to_measure_id, 'wording', r.wording) order by r.position), '[]'::json)
        from measure_references r where r.from_measure_id = ${row.id}) as refs_out,
      (select coalesce(json_agg(json_build_object('fromMeasureId', r.from_measure_id, 'wording', r.wording) order by r.position), '[]'::json)
        from measure_references r where r.to_measure_id = ${row.id}) as refs_in,
      (select coalesce(json_agg(json_build_object('id', m.id, 'parentMeasureId', m.parent_measure_id) order by m.position), '[]'::json)
        from measures m where m.catalogue_id = ${catalogue.id} and m.workflow_state = 'veroeffentlicht'
          and (m.parent_measure_id = ${row.id} or m.id = ${row.parentMeasureId ?? null})) as family,
      (select coalesce(json_agg(json_build_object('unit', c.unit_text, 'name', c.name, 'phone', c.phone, 'email', c.email)
          order by c.position), '[]'::json)
        from contacts c join measure_actors ma on ma.actor_id = c.actor_id
        where ma.measure_id = ${row.id} and c.visible and not ${row.isGap}) as contacts,
      (select e.label from editions e where e.catalogue_id = ${catalogue.id} and e.source_file = ${row.source?.file ?? null}
        order by e.created_at limit 1) as edition_label,
      ${memoised ? sql`null::json` : sql`(select coalesce(json_agg(s), '[]'::json) from (${relatedCandidatesSql(mid, row.id, row.title)}) s
        where not ${row.isGap})`} as similar,
      ${measureStandColumns(row)}`,
  );
  const similarRows: RelatedCandidate[] =
    memoised ??
    (attached!.similar ?? []).map((r) => ({
      id: r.id,
      sameNode: r.same_node,
      sameActor: r.same_actor,
      similarity: Number(r.similarity),
    }));
  if (!memoised && memoVersion !== null) relatedMemo!.memo.set(row.id, memoVersion, similarRows);
  const { refs_out: refsOut, refs_in: refsIn, family: related } = attached!;
  const placements: MeasurePlacement[] = attached!.placements;

  // Linked measures (cross-references both ways, parent, children, related) in one statement.
  const linkedIds = [
    ...refsOut.map((r) => r.toMeasureId),
    ...refsIn.map((r) => r.fromMeasureId),
    ...related.map((r) => r.id),
    ...similarRows.map((r) => r.id),
  ].filter((id): id is string => Boolean(id) && id !== row.id);
  const ids = [...new Set(linkedIds)];
  const linkRows = ids.length
    ? await queryRows<{ id: string; slug: string; number: string | null; title: string; catalogue_slug: string; path: PathStep[] | null }>(
        db,
        sql`with recursive linked as (
            select m.id, m.slug, m.number, m.title, c.slug as catalogue_slug,
              (select mn.node_id from measure_nodes mn where mn.measure_id = m.id
                order by mn.is_primary desc, mn.position limit 1) as node_id
            from measures m join catalogues c on c.id = m.catalogue_id
            where m.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and m.workflow_state = 'veroeffentlicht'
          ),
          ${nodePathsCte(sql`select node_id from linked`)}
          select l.id, l.slug, l.number, l.title, l.catalogue_slug, np.path
          from linked l left join node_paths np on np.start_id = l.node_id`,
      )
    : [];
  const placeOf = (path: PathStep[] | null) =>
    path
      ? path.map((p) => (p.type === 'handlungsfeld' || p.type === 'dimension' || p.type === 'kapitel' ? p.title : p.code ?? p.title)).join(' › ')
      : null;
  const links = new Map<string, MeasureLink>(
    linkRows.map((l) => [
      l.id,
      { id: l.id, slug: l.slug, catalogueSlug: l.catalogue_slug, number: l.number, title: l.title, place: placeOf(l.path) },
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
    ...(primary?.path ?? []).map((p, i, path) => ({
      label: nodeLabel(p),
      href: pathHref(`/kataloge/${catalogue.slug}`, path, i),
      node: { type: p.type, code: p.code, title: p.title },
    })),
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
      state: { code: row.stateCode, label: found.stateLabel ?? row.stateCode },
      remarks: row.remarks,
      responsibleText: row.responsibleText,
      directionInward: row.directionInward,
      directionOutward: row.directionOutward,
      isNew: row.isNew,
      isGap: row.isGap,
      extraFields,
      lastReviewedAt: row.lastReviewedAt,
      updatedAt: row.updatedAt.toISOString(),
      stand: toMeasureStand(row, attached!),
      source: row.source
        ? {
            file: row.source.file,
            line: row.source.line,
            document: row.source.document ?? null,
            edition: attached!.edition_label,
          }
        : null,
      breadcrumbs,
      placements,
      actors: attached!.actors.map((a) => ({ ...a, wording: a.wording && a.wording !== a.name ? a.wording : null })),
      targetGroups: attached!.target_groups,
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
      contacts: attached!.contacts,
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
 * similarity; a few more than shown, since the caller drops already linked measures. A
 * subquery of the measure page's statement.
 */
function relatedCandidatesSql(municipalityId: string, measureId: string, title: string) {
  return sql`
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
    limit ${RELATED_LIMIT * 3}`;
}
