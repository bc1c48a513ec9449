/**
 * Writes an import plan into the database, idempotently:
 * - every record is found again by its import key; a record whose imported content (hash) is
 *   unchanged is not touched and gets no revision;
 * - a changed record is updated and gets a revision attributed to "Import";
 * - a record that was edited in the app since the last import (its latest revision has a user
 *   as author) is not overwritten: it is reported as a conflict;
 * - records that are no longer in the source are reported, never deleted.
 * The caller runs this inside one transaction, so a failure leaves the database unchanged.
 * Queries are batched: their number does not grow with the number of measures.
 */
import crypto from 'node:crypto';
import { standDate } from './stand-date';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  actorAliases,
  actors,
  catalogues,
  contacts,
  editions,
  measureActors,
  measureNodes,
  measureReferences,
  measures,
  measureTargetGroups,
  nodes,
  revisions,
  targetGroups,
} from '../../db/schema';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { IMPORT_AUTHOR } from '../../db/revision-authors';
import { recordRevisions, type RevisionInput } from '../../revisions/record';
import { hashValue } from '../../text/hash';
import { slugify, uniqueSlug } from '../../text/slug';
import { chunks } from '../../util/collections';
import { emptyCounts, sameContent, syncRecords } from './sync';
import type { ImportPlan, PlannedMeasure } from './types';

export interface WriteOutcome {
  catalogue: { slug: string; title: string; created: boolean; updated: boolean };
  measures: { created: number; updated: number; unchanged: number };
  nodes: { created: number; updated: number; unchanged: number };
  contacts: { created: number; updated: number; unchanged: number };
  actorsCreated: number;
  targetGroupsCreated: number;
  /** Measures edited in the app since the last import: left as they are. */
  conflicts: { key: string; title: string; number: string | null }[];
  /** Measures imported earlier that the source no longer contains: left as they are. */
  missing: { key: string; title: string; number: string | null }[];
}

interface WriteContext {
  municipalityId: string;
  comment: string;
}

/** The measure's own columns as the importer writes them. */
function measureColumns(m: PlannedMeasure) {
  return {
    number: m.number,
    title: m.title,
    description: m.description,
    goals: m.goals,
    targetGroupText: m.targetGroupText,
    statusText: m.statusText,
    stateCode: m.stateCode,
    remarks: m.remarks,
    responsibleText: m.responsibleText,
    directionInward: m.directionInward,
    directionOutward: m.directionOutward,
    isNew: m.isNew,
    isGap: m.isGap,
    extra: m.extra,
    source: m.source,
  };
}

/** What the importer owns of a measure: the hash over it decides "changed" (keys are sorted before hashing). */
function measureContent(m: PlannedMeasure) {
  return {
    parentKey: m.parentKey,
    placements: m.placements,
    ...measureColumns(m),
    actors: m.actors.map(({ name, role, wording }) => ({ name, role, wording })),
    targetGroups: m.targetGroups,
    references: m.references,
  };
}

export async function writeImportPlan(db: Db, plan: ImportPlan, ctx: WriteContext): Promise<WriteOutcome> {
  const revisionsToWrite: RevisionInput[] = [];
  const rev = (entityType: RevisionInput['entityType'], entityId: string, state: unknown) =>
    revisionsToWrite.push({ entityType, entityId, state, authorLabel: IMPORT_AUTHOR, comment: ctx.comment });

  // --- catalogue and edition -------------------------------------------------------------
  const catalogueValues = {
    kind: plan.kind,
    title: plan.title,
    subtitle: plan.subtitle,
    publisher: plan.publisher,
    stand: plan.stand,
    description: plan.description,
    extra: plan.extra,
    position: plan.position,
  };
  const [existingCatalogue] = await db
    .select()
    .from(catalogues)
    .where(and(eq(catalogues.municipalityId, ctx.municipalityId), eq(catalogues.slug, plan.slug)));
  let catalogueId: string;
  let catalogueCreated = false;
  let catalogueUpdated = false;
  if (!existingCatalogue) {
    const [row] = await db
      .insert(catalogues)
      .values({ municipalityId: ctx.municipalityId, slug: plan.slug, ...catalogueValues })
      .returning();
    catalogueId = row!.id;
    catalogueCreated = true;
    rev('catalogue', catalogueId, row);
  } else {
    catalogueId = existingCatalogue.id;
    if (!sameContent(existingCatalogue, catalogueValues)) {
      const [row] = await db
        .update(catalogues)
        .set({ ...catalogueValues, updatedAt: new Date() })
        .where(eq(catalogues.id, catalogueId))
        .returning();
      catalogueUpdated = true;
      rev('catalogue', catalogueId, row);
    }
  }
  await db
    .insert(editions)
    .values({ catalogueId, label: plan.edition.label, stand: plan.edition.stand, sourceFile: plan.edition.sourceFile })
    .onConflictDoUpdate({
      target: [editions.catalogueId, editions.label],
      set: { stand: plan.edition.stand, sourceFile: plan.edition.sourceFile },
    });

  // --- actors ----------------------------------------------------------------------------
  const actorNames = new Map<string, Set<string>>();
  const noteActor = (name: string | null | undefined, alias?: string | null) => {
    if (!name) return;
    const aliases = actorNames.get(name) ?? new Set<string>();
    if (alias && alias !== name) aliases.add(alias);
    actorNames.set(name, aliases);
  };
  for (const m of plan.measures)
    for (const a of m.actors) {
      noteActor(a.name, a.wording);
      for (const alias of a.aliases ?? []) noteActor(a.name, alias);
    }
  for (const n of plan.nodes) noteActor(n.actorName);
  for (const c of plan.contacts) noteActor(c.actorName, c.unitText);

  const existingActors = await db
    .select({ id: actors.id, name: actors.name, slug: actors.slug })
    .from(actors)
    .where(eq(actors.municipalityId, ctx.municipalityId));
  const actorIds = new Map(existingActors.map((a) => [a.name, a.id]));
  // An actor renamed or merged in the back office keeps its old names as aliases: find it by them,
  // so a re-import does not bring a merged-away actor back.
  const knownAliases = existingActors.length
    ? await db
        .select({ alias: actorAliases.alias, actorId: actorAliases.actorId })
        .from(actorAliases)
        .innerJoin(actors, eq(actors.id, actorAliases.actorId))
        .where(eq(actors.municipalityId, ctx.municipalityId))
    : [];
  for (const { alias, actorId } of knownAliases) if (!actorIds.has(alias)) actorIds.set(alias, actorId);
  const actorSlugs = new Set(existingActors.map((a) => a.slug));
  const newActors = [...actorNames.keys()]
    .filter((name) => !actorIds.has(name))
    .map((name) => {
      const id = crypto.randomUUID();
      actorIds.set(name, id);
      return {
        id,
        municipalityId: ctx.municipalityId,
        name,
        slug: uniqueSlug(slugify(name, 60), actorSlugs),
        kind: plan.actorKinds?.[name] ?? ('unbekannt' as const),
      };
    });
  for (const part of chunks(newActors)) await db.insert(actors).values(part);
  for (const a of newActors) rev('actor', a.id, a);
  const aliasRows = [...actorNames].flatMap(([name, aliases]) =>
    [...aliases].map((alias) => ({ actorId: actorIds.get(name)!, alias })),
  );
  for (const part of chunks(aliasRows)) await db.insert(actorAliases).values(part).onConflictDoNothing();

  // --- nodes (parents come before children in the plan) ---------------------------------
  const existingNodes = await db.select().from(nodes).where(eq(nodes.catalogueId, catalogueId));
  const nodeByKey = new Map(existingNodes.filter((n) => n.importKey).map((n) => [n.importKey!, n]));
  const nodeIds = new Map<string, string>([...nodeByKey].map(([k, n]) => [k, n.id]));
  const nodeSlugs = new Set(existingNodes.map((n) => n.slug));
  const nodeCounts = await syncRecords(db, {
    table: nodes,
    planned: plan.nodes,
    existing: nodeByKey,
    key: (n) => n.key,
    values: (n, position) => {
      const values = {
        parentId: n.parentKey ? (nodeIds.get(n.parentKey) ?? null) : null,
        type: n.type,
        code: n.code,
        title: n.title,
        body: n.body,
        position,
        actorId: n.actorName ? (actorIds.get(n.actorName) ?? null) : null,
        source: n.source,
      };
      if (n.parentKey && !values.parentId) throw new Error(`Knoten ${n.key}: übergeordneter Knoten ${n.parentKey} fehlt im Plan`);
      return values;
    },
    newRow: (n, id, values) => {
      nodeIds.set(n.key, id);
      const slugBase = slugify([n.code, n.title].filter(Boolean).join(' '), 60);
      return { id, catalogueId, importKey: n.key, slug: uniqueSlug(slugBase, nodeSlugs), ...values };
    },
    revision: (id, state) => rev('node', id, state),
  });

  // --- target groups ---------------------------------------------------------------------
  const groupNames = new Map<string, string>();
  for (const m of plan.measures) for (const g of m.targetGroups) groupNames.set(slugify(g.name, 60), g.name);
  const existingGroups = groupNames.size
    ? await db
        .select({ id: targetGroups.id, slug: targetGroups.slug })
        .from(targetGroups)
        .where(eq(targetGroups.municipalityId, ctx.municipalityId))
    : [];
  const groupIds = new Map(existingGroups.map((g) => [g.slug, g.id]));
  const newGroups = [...groupNames]
    .filter(([slug]) => !groupIds.has(slug))
    .map(([slug, name]) => {
      const id = crypto.randomUUID();
      groupIds.set(slug, id);
      return { id, municipalityId: ctx.municipalityId, slug, name };
    });
  for (const part of chunks(newGroups)) await db.insert(targetGroups).values(part);
  for (const g of newGroups) rev('target_group', g.id, g);

  // --- measures --------------------------------------------------------------------------
  const measureCounts = emptyCounts();
  const existingMeasures = await db
    .select({
      id: measures.id,
      importKey: measures.importKey,
      importHash: measures.importHash,
      slug: measures.slug,
      title: measures.title,
      number: measures.number,
    })
    .from(measures)
    .where(eq(measures.catalogueId, catalogueId));
  const measureByKey = new Map(existingMeasures.filter((m) => m.importKey).map((m) => [m.importKey!, m]));
  const measureIds = new Map<string, string>([...measureByKey].map(([k, m]) => [k, m.id]));
  const measureSlugs = new Set(existingMeasures.map((m) => m.slug));

  // Who changed each existing measure last: a user means "edited in the app since the import".
  const lastAuthors = new Map<string, string | null>();
  for (const part of chunks(existingMeasures.map((m) => m.id), 1000)) {
    if (!part.length) continue;
    const rows = await db
      .selectDistinctOn([revisions.entityId], { entityId: revisions.entityId, authorId: revisions.authorId })
      .from(revisions)
      .where(and(eq(revisions.entityType, 'measure'), inArray(revisions.entityId, part)))
      .orderBy(revisions.entityId, desc(revisions.id));
    for (const r of rows) lastAuthors.set(r.entityId, r.authorId);
  }

  const conflicts: WriteOutcome['conflicts'] = [];
  const toInsert: (typeof measures.$inferInsert)[] = [];
  const toUpdate: { id: string; values: Partial<typeof measures.$inferInsert> }[] = [];
  const written: { id: string; plan: PlannedMeasure }[] = [];
  // Assign ids first: parents and cross-references may point forward in the plan.
  for (const m of plan.measures) if (!measureIds.has(m.key)) measureIds.set(m.key, crypto.randomUUID());

  // Imported text counts as checked at its document's date, not as never checked; written
  // only with the text itself, so a re-import of unchanged text keeps an editor's later review.
  const reviewedAt = standDate(plan.stand ?? plan.edition.stand);
  for (const [position, m] of plan.measures.entries()) {
    const importHash = hashValue(measureContent(m));
    const values = {
      parentMeasureId: m.parentKey ? (measureIds.get(m.parentKey) ?? null) : null,
      ...measureColumns(m),
      importHash,
      position,
      lastReviewedAt: reviewedAt,
      lastReviewedBy: null,
    };
    const existing = measureByKey.get(m.key);
    const id = measureIds.get(m.key)!;
    if (!existing) {
      const slugBase = m.slugHint ?? slugify([m.number, m.title].filter(Boolean).join(' '), 70);
      toInsert.push({ id, catalogueId, importKey: m.key, slug: uniqueSlug(slugBase, measureSlugs), ...values });
      written.push({ id, plan: m });
      measureCounts.created++;
    } else if (existing.importHash === importHash) {
      measureCounts.unchanged++;
    } else if (lastAuthors.get(existing.id)) {
      conflicts.push({ key: m.key, title: existing.title, number: existing.number });
    } else {
      toUpdate.push({ id, values });
      written.push({ id, plan: m });
      measureCounts.updated++;
    }
  }
  // Parents before nested task areas, so no chunk references a row of a later chunk.
  toInsert.sort((a, b) => Number(Boolean(a.parentMeasureId)) - Number(Boolean(b.parentMeasureId)));
  for (const part of chunks(toInsert, 300)) await db.insert(measures).values(part);
  for (const u of toUpdate)
    await db
      .update(measures)
      .set({ ...u.values, updatedAt: new Date(), version: sql`${measures.version} + 1` })
      .where(eq(measures.id, u.id));

  // Links of written measures are replaced as a whole: they are part of the imported content.
  const updatedIds = toUpdate.map((u) => u.id);
  for (const part of chunks(updatedIds, 1000)) {
    if (!part.length) continue;
    await db.delete(measureNodes).where(inArray(measureNodes.measureId, part));
    await db.delete(measureActors).where(inArray(measureActors.measureId, part));
    await db.delete(measureTargetGroups).where(inArray(measureTargetGroups.measureId, part));
    await db.delete(measureReferences).where(inArray(measureReferences.fromMeasureId, part));
  }
  const planPosition = new Map(plan.measures.map((m, i) => [m, i]));
  const placementRows: (typeof measureNodes.$inferInsert)[] = [];
  const actorRows: (typeof measureActors.$inferInsert)[] = [];
  const groupRows: (typeof measureTargetGroups.$inferInsert)[] = [];
  const referenceRows: (typeof measureReferences.$inferInsert)[] = [];
  for (const { id, plan: m } of written) {
    const seenNodes = new Set<string>();
    m.placements.forEach((p, i) => {
      const nodeId = nodeIds.get(p.nodeKey);
      if (!nodeId) throw new Error(`Maßnahme ${m.key}: Knoten ${p.nodeKey} fehlt im Plan`);
      if (seenNodes.has(nodeId)) return;
      seenNodes.add(nodeId);
      placementRows.push({ measureId: id, nodeId, isPrimary: i === 0, number: p.number, position: planPosition.get(m)! });
    });
    const seenActors = new Set<string>();
    m.actors.forEach((a, i) => {
      const actorId = actorIds.get(a.name)!;
      const k = `${actorId}/${a.role}`;
      if (seenActors.has(k)) return;
      seenActors.add(k);
      actorRows.push({ measureId: id, actorId, role: a.role, wording: a.wording, position: i });
    });
    const seenGroups = new Set<string>();
    for (const g of m.targetGroups) {
      const targetGroupId = groupIds.get(slugify(g.name, 60))!;
      if (seenGroups.has(targetGroupId)) continue;
      seenGroups.add(targetGroupId);
      groupRows.push({ measureId: id, targetGroupId, wording: g.wording });
    }
    m.references.forEach((r, i) =>
      referenceRows.push({
        fromMeasureId: id,
        toMeasureId: r.toKey ? (measureIds.get(r.toKey) ?? null) : null,
        wording: r.wording,
        target: r.target,
        position: i,
      }),
    );
  }
  for (const part of chunks(placementRows)) await db.insert(measureNodes).values(part);
  for (const part of chunks(actorRows)) await db.insert(measureActors).values(part);
  for (const part of chunks(groupRows)) await db.insert(measureTargetGroups).values(part);
  for (const part of chunks(referenceRows)) await db.insert(measureReferences).values(part);

  const snapshots = await loadMeasureSnapshots(db, written.map((w) => w.id));
  for (const { id } of written) rev('measure', id, snapshots.get(id));

  const plannedKeys = new Set(plan.measures.map((m) => m.key));
  const missing = [...measureByKey.values()]
    .filter((m) => !plannedKeys.has(m.importKey!))
    .map((m) => ({ key: m.importKey!, title: m.title, number: m.number }));

  // --- contacts (personal data: imported as published, editable and hideable) -------------
  const existingContacts = plan.contacts.length
    ? await db.select().from(contacts).where(eq(contacts.municipalityId, ctx.municipalityId))
    : [];
  const contactCounts = await syncRecords(db, {
    table: contacts,
    planned: plan.contacts,
    existing: new Map(existingContacts.filter((c) => c.importKey).map((c) => [c.importKey!, c])),
    key: (c) => c.key,
    values: (c, position) => ({
      actorId: c.actorName ? (actorIds.get(c.actorName) ?? null) : null,
      kind: c.kind,
      unitText: c.unitText,
      name: c.name,
      phone: c.phone,
      email: c.email,
      source: c.source,
      position,
    }),
    newRow: (c, id, values) => ({ id, municipalityId: ctx.municipalityId, importKey: c.key, ...values }),
    revision: (id, state) => rev('contact', id, state),
  });

  await recordRevisions(db, revisionsToWrite);

  return {
    catalogue: { slug: plan.slug, title: plan.title, created: catalogueCreated, updated: catalogueUpdated },
    measures: measureCounts,
    nodes: nodeCounts,
    contacts: contactCounts,
    actorsCreated: newActors.length,
    targetGroupsCreated: newGroups.length,
    conflicts,
    missing,
  };
}
