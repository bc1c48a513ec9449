/**
 * Read side of the browsing pages: home entry points, actors, target groups and the diversity
 * catalogue by organisation. Like queries.ts: a fixed, small number of statements per page (no
 * N+1), only published measures (`workflow_state = 'veroeffentlicht'`).
 */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { findMunicipalityId } from './municipality';
import { responsibleNames } from './responsible';
import {
  actorAliases,
  actors,
  catalogues,
  contacts,
  measureActors,
  measures,
  measureTargetGroups,
  nodes,
  targetGroups,
  type ActorRole,
  type CatalogueKind,
  type NodeType,
} from '../db/schema';
import { slugify, uniqueSlug } from '../text/slug';
import { groupBy } from '../util/collections';
import type {
  ActorDetail,
  ActorMeasure,
  ActorSummary,
  CatalogueDetail,
  CatalogueGroup,
  HomeEntryPoints,
  MeasureListEntry,
  OrganisationView,
  SectionEntry,
  TargetGroupDetail,
  TargetGroupSummary,
  TreeNode,
} from './read-models';

/** How many target groups and actors the home page shows before "all …". */
export const HOME_LIST_LIMIT = 12;

/**
 * Aliases worth showing ("auch: FB 51, VHS"): short, one line. Some printed Verantwortlich
 * cells became aliases verbatim (whole sentences); they stay in the data for matching but are
 * not shown as spellings of the name.
 */
export const ALIAS_MAX_LENGTH = 40;

export function displayAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = alias.toLowerCase();
    if (!alias || alias.length > ALIAS_MAX_LENGTH || /[\n\r]/.test(alias) || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out.sort((a, b) => a.localeCompare(b, 'de'));
}

/** SQL LIKE pattern for "contains", wildcards in the user's text taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------
// Places: "Bildung › A › A1" for measures of any catalogue
// ---------------------------------------------------------------------------

type PlaceNode = { id: string; parentId: string | null; type: NodeType; code: string | null; title: string };

/** Short place of a node: coded steps by code, others by title (as on the detail page). */
export function placeLabel(nodeId: string | null, byId: ReadonlyMap<string, PlaceNode>): string | null {
  if (!nodeId) return null;
  const parts: string[] = [];
  for (let n = byId.get(nodeId); n; n = n.parentId ? byId.get(n.parentId) : undefined)
    parts.unshift(n.type === 'handlungsfeld' || n.type === 'dimension' || n.type === 'kapitel' ? n.title : (n.code ?? n.title));
  return parts.length ? parts.join(' › ') : null;
}

function nodesOfMunicipality(db: Db, mid: string) {
  return db
    .select({ id: nodes.id, parentId: nodes.parentId, type: nodes.type, code: nodes.code, title: nodes.title })
    .from(nodes)
    .innerJoin(catalogues, eq(catalogues.id, nodes.catalogueId))
    .where(eq(catalogues.municipalityId, mid));
}

/** Columns of a measure list entry, plus its catalogue and primary node. */
const listColumns = {
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

type ListRow = {
  id: string;
  slug: string;
  number: string | null;
  title: string;
  isGap: boolean;
  isNew: boolean;
  directionInward: boolean;
  directionOutward: boolean;
  stateCode: string;
  position: number;
  catalogueId: string;
  catalogueSlug: string;
  catalogueTitle: string;
  catalogueKind: CatalogueKind;
  cataloguePosition: number;
  primaryNode: string | null;
};

function toEntry(row: ListRow, responsible: Map<string, string[]>, byId: ReadonlyMap<string, PlaceNode>): MeasureListEntry {
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
function groupByCatalogue<T extends { isGap: boolean }>(rows: { row: ListRow; entry: T }[]): CatalogueGroup<T>[] {
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

// ---------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------

/**
 * Actors with the number of published measures (without gaps) they are responsible for or
 * involved in, alphabetically. Actors without any published measure are listed only when they
 * have a visible contact. `query` filters by name or short alias (accents and case ignored).
 */
export async function listActors(
  db: Db,
  { query = '', municipality = 'herne' }: { query?: string; municipality?: string } = {},
): Promise<ActorSummary[]> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return [];
  const q = query.trim();
  const filter = q
    ? sql`and (vielfalt_unaccent(lower(a.name)) like vielfalt_unaccent(lower(${containsPattern(q)}))
        or exists (select 1 from actor_aliases al where al.actor_id = a.id
          and length(al.alias) <= ${ALIAS_MAX_LENGTH} and strpos(al.alias, chr(10)) = 0
          and vielfalt_unaccent(lower(al.alias)) like vielfalt_unaccent(lower(${containsPattern(q)}))))`
    : sql``;
  const result = (await db.execute(sql`
    select a.id, a.slug, a.name, a.kind,
      count(distinct m.id)::int as measure_count,
      (count(distinct m.id) filter (where ma.role = 'verantwortlich'))::int as responsible_count
    from actors a
    left join measure_actors ma on ma.actor_id = a.id
    left join measures m on m.id = ma.measure_id and m.workflow_state = 'veroeffentlicht' and not m.is_gap
    where a.municipality_id = ${mid} ${filter}
    group by a.id
    having count(distinct m.id) > 0
      or exists (select 1 from contacts ct where ct.actor_id = a.id and ct.visible)
  `)) as unknown as {
    rows: { id: string; slug: string; name: string; kind: ActorSummary['kind']; measure_count: number; responsible_count: number }[];
  };
  const rows = result.rows;
  const aliasRows = rows.length
    ? await db
        .select({ actorId: actorAliases.actorId, alias: actorAliases.alias })
        .from(actorAliases)
        .where(inArray(actorAliases.actorId, rows.map((r) => r.id)))
    : [];
  const aliases = groupBy(aliasRows, (r) => r.actorId);
  return rows
    .map((r) => ({
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      measureCount: Number(r.measure_count),
      responsibleCount: Number(r.responsible_count),
      aliases: displayAliases(r.name, (aliases.get(r.id) ?? []).map((a) => a.alias)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** Actors page of one actor: every published measure it is responsible for or involved in. */
export async function getActorDetail(db: Db, slug: string, municipality = 'herne'): Promise<ActorDetail | null> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const [actor] = await db
    .select()
    .from(actors)
    .where(and(eq(actors.municipalityId, mid), eq(actors.slug, slug)));
  if (!actor) return null;

  const [aliasRows, parentRows, childRows, linkRows, contactRows, nodeRows] = await Promise.all([
    db.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, actor.id)),
    actor.parentId
      ? db.select({ slug: actors.slug, name: actors.name }).from(actors).where(eq(actors.id, actor.parentId))
      : Promise.resolve([]),
    db
      .select({ slug: actors.slug, name: actors.name })
      .from(actors)
      .where(eq(actors.parentId, actor.id))
      .orderBy(asc(actors.name)),
    db
      .select({ ...listColumns, role: measureActors.role, wording: measureActors.wording })
      .from(measureActors)
      .innerJoin(measures, eq(measures.id, measureActors.measureId))
      .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
      .where(and(eq(measureActors.actorId, actor.id), sql`${measures.workflowState} = 'veroeffentlicht'`))
      .orderBy(asc(measureActors.role)),
    db
      .select({ kind: contacts.kind, unit: contacts.unitText, name: contacts.name, phone: contacts.phone, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.actorId, actor.id), eq(contacts.visible, true)))
      .orderBy(asc(contacts.position)),
    nodesOfMunicipality(db, mid),
  ]);

  const ids = [...new Set(linkRows.map((r) => r.id))];
  const responsible = await responsibleNames(db, ids);
  const byId = new Map(nodeRows.map((n) => [n.id, n]));

  const perMeasure = new Map<string, { row: ListRow; entry: ActorMeasure }>();
  for (const row of linkRows) {
    const existing = perMeasure.get(row.id);
    const wording = row.wording && row.wording.trim() !== actor.name ? row.wording.trim() : null;
    if (existing) {
      if (!existing.entry.roles.includes(row.role)) existing.entry.roles.push(row.role);
      existing.entry.wording ??= wording;
      continue;
    }
    perMeasure.set(row.id, { row, entry: { ...toEntry(row, responsible, byId), roles: [row.role], wording } });
  }
  for (const { entry } of perMeasure.values()) entry.roles.sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
  const entries = [...perMeasure.values()];
  const counted = entries.filter((e) => !e.entry.isGap);

  return {
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    description: actor.description,
    aliases: displayAliases(actor.name, aliasRows.map((a) => a.alias)),
    parent: parentRows[0] ?? null,
    children: childRows,
    groups: groupByCatalogue(entries),
    measureCount: counted.length,
    responsibleCount: counted.filter((e) => e.entry.roles.includes('verantwortlich')).length,
    contacts: contactRows,
  };
}

const ROLE_ORDER: Record<ActorRole, number> = { verantwortlich: 0, beteiligt: 1 };

// ---------------------------------------------------------------------------
// Target groups
// ---------------------------------------------------------------------------

/** Target groups with at least one published measure, most used first (then by name). */
export async function listTargetGroups(db: Db, municipality = 'herne'): Promise<TargetGroupSummary[]> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return [];
  const rows = await db
    .select({
      slug: targetGroups.slug,
      name: targetGroups.name,
      measureCount: sql<number>`count(distinct ${measures.id})::int`,
    })
    .from(targetGroups)
    .innerJoin(measureTargetGroups, eq(measureTargetGroups.targetGroupId, targetGroups.id))
    .innerJoin(
      measures,
      and(
        eq(measures.id, measureTargetGroups.measureId),
        sql`${measures.workflowState} = 'veroeffentlicht'`,
        sql`not ${measures.isGap}`,
      ),
    )
    .where(eq(targetGroups.municipalityId, mid))
    .groupBy(targetGroups.id);
  return rows
    .map((r) => ({ ...r, measureCount: Number(r.measureCount) }))
    .sort((a, b) => b.measureCount - a.measureCount || a.name.localeCompare(b.name, 'de'));
}

/** Measures for one target group, across catalogues. */
export async function getTargetGroupDetail(db: Db, slug: string, municipality = 'herne'): Promise<TargetGroupDetail | null> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const [group] = await db
    .select()
    .from(targetGroups)
    .where(and(eq(targetGroups.municipalityId, mid), eq(targetGroups.slug, slug)));
  if (!group) return null;
  const [linkRows, nodeRows] = await Promise.all([
    db
      .select({ ...listColumns, wording: measureTargetGroups.wording })
      .from(measureTargetGroups)
      .innerJoin(measures, eq(measures.id, measureTargetGroups.measureId))
      .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
      .where(and(eq(measureTargetGroups.targetGroupId, group.id), sql`${measures.workflowState} = 'veroeffentlicht'`)),
    nodesOfMunicipality(db, mid),
  ]);
  const responsible = await responsibleNames(db, linkRows.map((r) => r.id));
  const byId = new Map(nodeRows.map((n) => [n.id, n]));
  const entries = linkRows.map((row) => ({
    row,
    entry: {
      ...toEntry(row, responsible, byId),
      wording: row.wording && row.wording.trim() !== group.name ? row.wording.trim() : null,
    },
  }));
  return {
    slug: group.slug,
    name: group.name,
    description: group.description,
    groups: groupByCatalogue(entries),
    measureCount: entries.filter((e) => !e.entry.isGap).length,
  };
}

// ---------------------------------------------------------------------------
// Home page
// ---------------------------------------------------------------------------

/**
 * Entry points of the home page in four statements: top-level Handlungsfelder and dimensions
 * with measure counts, target groups and actors (most used first).
 */
export async function getHomeEntryPoints(db: Db, municipality = 'herne'): Promise<HomeEntryPoints> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return { handlungsfelder: [], dimensions: [], targetGroups: [], actors: [], targetGroupTotal: 0, actorTotal: 0 };
  const [sections, groups, actorList] = await Promise.all([
    topSections(db, mid),
    listTargetGroups(db, municipality),
    listActors(db, { municipality }),
  ]);
  const responsibleActors = actorList
    .filter((a) => a.responsibleCount > 0)
    .sort((a, b) => b.responsibleCount - a.responsibleCount || b.measureCount - a.measureCount || a.name.localeCompare(b.name, 'de'));
  return {
    handlungsfelder: sections.filter((s) => s.type === 'handlungsfeld').map(({ type: _type, ...s }) => s),
    dimensions: sections.filter((s) => s.type === 'dimension').map(({ type: _type, ...s }) => s),
    targetGroups: groups.slice(0, HOME_LIST_LIMIT),
    actors: responsibleActors.slice(0, HOME_LIST_LIMIT),
    targetGroupTotal: groups.length,
    actorTotal: actorList.length,
  };
}

/** Top-level Handlungsfelder and dimensions with the published measures anywhere below them. */
async function topSections(db: Db, mid: string): Promise<(SectionEntry & { type: NodeType })[]> {
  const result = (await db.execute(sql`
    with recursive below as (
      select n.id as top_id, n.id from nodes n
      join catalogues c on c.id = n.catalogue_id
      where c.municipality_id = ${mid} and n.parent_id is null and n.archived_at is null
        and n.type in ('handlungsfeld', 'dimension')
      union all
      select b.top_id, n.id from nodes n join below b on n.parent_id = b.id where n.archived_at is null
    )
    select top.slug, top.code, top.title, top.type, c.slug as catalogue_slug,
      count(distinct m.id)::int as measure_count
    from nodes top
    join catalogues c on c.id = top.catalogue_id
    join below b on b.top_id = top.id
    left join measure_nodes mn on mn.node_id = b.id
    left join measures m on m.id = mn.measure_id and m.workflow_state = 'veroeffentlicht' and not m.is_gap
      and m.parent_measure_id is null
    group by top.id, c.id
    order by c.position, c.title, top.position
  `)) as unknown as {
    rows: { slug: string; code: string | null; title: string; type: NodeType; catalogue_slug: string; measure_count: number }[];
  };
  return result.rows.map((r) => ({
    catalogueSlug: r.catalogue_slug,
    slug: r.slug,
    code: r.code,
    title: r.title,
    type: r.type,
    measureCount: Number(r.measure_count),
  }));
}

// ---------------------------------------------------------------------------
// Diversity catalogue by organisation
// ---------------------------------------------------------------------------

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

