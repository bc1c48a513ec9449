/**
 * Loads the published content of a municipality for the open-data exports in a fixed number
 * of statements (no N+1): catalogues, structure, published measures without gaps, their actors
 * and target groups, and contacts marked visible. Like the public pages, nothing unpublished
 * and no hidden contact leaves through here.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import {
  actorAliases,
  actors,
  catalogues,
  contacts,
  editions,
  measureActors,
  measures,
  measureStates,
  measureTargetGroups,
  municipalities,
  nodes,
  targetGroups,
} from '../db/schema';
import { displayAliases } from '../catalogue/actors';
import { placeLabel } from '../catalogue/list-entries';
import { groupBy } from '../util/collections';
import type { OpenActor, OpenCatalogue, OpenContact, OpenDataSet, OpenMeasure } from './model';

const published = sql`${measures.workflowState} = 'veroeffentlicht'`;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const newest = (dates: string[]) => dates.reduce((a, b) => (a > b ? a : b), '1970-01-01T00:00:00.000Z');

export async function loadOpenData(db: Db, municipality: string): Promise<OpenDataSet | null> {
  const [town] = await db
    .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.slug, municipality));
  if (!town) return null;

  const [catalogueRows, nodeRows, measureRows, primaryRows, editionRows] = await Promise.all([
    db.select().from(catalogues).where(eq(catalogues.municipalityId, town.id)).orderBy(asc(catalogues.position), asc(catalogues.title)),
    db
      .select({
        id: nodes.id,
        catalogueId: nodes.catalogueId,
        parentId: nodes.parentId,
        type: nodes.type,
        code: nodes.code,
        title: nodes.title,
        slug: nodes.slug,
      })
      .from(nodes)
      .innerJoin(catalogues, eq(catalogues.id, nodes.catalogueId))
      .where(and(eq(catalogues.municipalityId, town.id), isNull(nodes.archivedAt)))
      .orderBy(asc(nodes.position)),
    db
      .select({
        m: {
          id: measures.id,
          slug: measures.slug,
          catalogueId: measures.catalogueId,
          parentMeasureId: measures.parentMeasureId,
          number: measures.number,
          title: measures.title,
          description: measures.description,
          goals: measures.goals,
          targetGroupText: measures.targetGroupText,
          statusText: measures.statusText,
          stateCode: measures.stateCode,
          remarks: measures.remarks,
          isNew: measures.isNew,
          directionInward: measures.directionInward,
          directionOutward: measures.directionOutward,
          lastReviewedAt: measures.lastReviewedAt,
          createdAt: measures.createdAt,
          updatedAt: measures.updatedAt,
        },
        stateLabel: measureStates.label,
        catalogueSlug: catalogues.slug,
      })
      .from(measures)
      .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
      .leftJoin(measureStates, eq(measureStates.code, measures.stateCode))
      .where(and(eq(catalogues.municipalityId, town.id), published, sql`not ${measures.isGap}`))
      .orderBy(asc(catalogues.position), asc(measures.position)),
    // The primary placement of every measure (first listed place), for section and place label.
    db.execute(sql`select distinct on (mn.measure_id) mn.measure_id, mn.node_id from measure_nodes mn
      join measures m on m.id = mn.measure_id join catalogues c on c.id = m.catalogue_id
      where c.municipality_id = ${town.id}
      order by mn.measure_id, mn.is_primary desc, mn.position`) as unknown as Promise<{ rows: { measure_id: string; node_id: string }[] }>,    db
      .select({ catalogueId: editions.catalogueId, label: editions.label })
      .from(editions)
      .innerJoin(catalogues, eq(catalogues.id, editions.catalogueId))
      .where(eq(catalogues.municipalityId, town.id))
      .orderBy(asc(editions.createdAt)),
  ]);

  const measureIds = measureRows.map((r) => r.m.id);
  const [linkRows, groupRows, contactRows] = await Promise.all([
    // Links of the published measures, selected by join (not by a list of thousands of ids).
    db
      .select({ measureId: measureActors.measureId, actorId: measureActors.actorId, role: measureActors.role })
      .from(measureActors)
      .innerJoin(measures, eq(measures.id, measureActors.measureId))
      .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
      .where(and(eq(catalogues.municipalityId, town.id), published, sql`not ${measures.isGap}`))
      .orderBy(asc(measureActors.role), asc(measureActors.position)),
    db
      .select({ measureId: measureTargetGroups.measureId, id: targetGroups.id, slug: targetGroups.slug, name: targetGroups.name })
      .from(measureTargetGroups)
      .innerJoin(targetGroups, eq(targetGroups.id, measureTargetGroups.targetGroupId))
      .innerJoin(measures, eq(measures.id, measureTargetGroups.measureId))
      .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
      .where(and(eq(catalogues.municipalityId, town.id), published, sql`not ${measures.isGap}`))
      .orderBy(asc(targetGroups.name)),
    db
      .select({
        id: contacts.id,
        actorId: contacts.actorId,
        kind: contacts.kind,
        unit: contacts.unitText,
        name: contacts.name,
        phone: contacts.phone,
        email: contacts.email,
      })
      .from(contacts)
      .where(and(eq(contacts.municipalityId, town.id), eq(contacts.visible, true)))
      .orderBy(asc(contacts.position)),
  ]);

  // Actors named by a published measure or with a visible contact (as on the actors page).
  const actorIds = [...new Set([...linkRows.map((l) => l.actorId), ...contactRows.flatMap((c) => (c.actorId ? [c.actorId] : []))])];
  const [actorRows, aliasRows] = actorIds.length
    ? await Promise.all([
        db.select().from(actors).where(inArray(actors.id, actorIds)).orderBy(asc(actors.name)),
        db.select({ actorId: actorAliases.actorId, alias: actorAliases.alias }).from(actorAliases).where(inArray(actorAliases.actorId, actorIds)),
      ])
    : [[], []];
  const aliases = groupBy(aliasRows, (r) => r.actorId);
  const openActors: OpenActor[] = actorRows
    .map((a) => ({
      id: a.id,
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      description: a.description,
      // A parent outside the set (no published measure) is not named.
      parentId: a.parentId && actorIds.includes(a.parentId) ? a.parentId : null,
      aliases: displayAliases(a.name, (aliases.get(a.id) ?? []).map((r) => r.alias)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));
  const topOf = (nodeId: string | null) => {
    let n = nodeId ? nodeById.get(nodeId) : undefined;
    while (n?.parentId && nodeById.has(n.parentId)) n = nodeById.get(n.parentId);
    return n?.id ?? null;
  };
  const links = groupBy(linkRows, (l) => l.measureId);
  const groups = groupBy(groupRows, (g) => g.measureId);
  const primaryOf = new Map(primaryRows.rows.map((r) => [r.measure_id, r.node_id]));
  const openMeasures: OpenMeasure[] = measureRows.map(({ m, stateLabel, catalogueSlug }) => ({
    id: m.id,
    slug: m.slug,
    catalogueId: m.catalogueId,
    catalogueSlug,
    parentId: m.parentMeasureId,
    number: m.number,
    title: m.title,
    description: m.description,
    goals: m.goals,
    targetGroupText: m.targetGroupText,
    statusText: m.statusText,
    state: { code: m.stateCode, label: stateLabel ?? m.stateCode },
    remarks: m.remarks,
    isNew: m.isNew,
    directionInward: m.directionInward,
    directionOutward: m.directionOutward,
    sectionId: topOf(primaryOf.get(m.id) ?? null),
    place: placeLabel(primaryOf.get(m.id) ?? null, nodeById),
    lastReviewedAt: m.lastReviewedAt,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
    actors: (links.get(m.id) ?? []).map((l) => ({ id: l.actorId, role: l.role })),
    targetGroups: (groups.get(m.id) ?? []).map(({ id, slug, name }) => ({ id, slug, name })),
  }));
  // A task area whose parent is not published hangs at the top.
  const publishedIds = new Set(measureIds);
  for (const m of openMeasures) if (m.parentId && !publishedIds.has(m.parentId)) m.parentId = null;

  const byCatalogue = groupBy(openMeasures, (m) => m.catalogueId);
  const latestEdition = new Map(editionRows.map((e) => [e.catalogueId, e.label]));
  const openCatalogues: OpenCatalogue[] = catalogueRows.map((c) => ({
    id: c.id,
    slug: c.slug,
    kind: c.kind,
    title: c.title,
    subtitle: c.subtitle,
    publisher: c.publisher,
    stand: c.stand,
    description: c.description,
    edition: latestEdition.get(c.id) ?? null,
    issued: iso(c.createdAt),
    modified: newest([iso(c.updatedAt), ...(byCatalogue.get(c.id) ?? []).map((m) => m.updatedAt)]),
    sections: nodeRows
      .filter((n) => n.catalogueId === c.id && !n.parentId)
      .map(({ id, slug, type, code, title }) => ({ id, slug, type, code, title })),
  }));

  const openContacts: OpenContact[] = contactRows.flatMap((c) => (c.actorId ? [{ ...c, actorId: c.actorId }] : []));
  return {
    municipality: town,
    catalogues: openCatalogues,
    measures: openMeasures,
    actors: openActors,
    contacts: openContacts,
    modified: newest(openCatalogues.map((c) => c.modified)),
  };
}
