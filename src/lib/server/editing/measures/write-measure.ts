/**
 * The editable state of a measure and the one writer every editing use case goes through:
 * - `parseMeasure`: schema (measure-input.ts) + de-duplication → EditableMeasure, or ValidationError;
 * - `checkReferences`: nodes, actors, target groups and state code exist (and belong together);
 * - `writeMeasure`: inserts or updates the row, replaces its links, changes the slug on a title
 *   change (old slug kept in measure_slugs), increments the version;
 * - `recordMeasureRevision` / `audit`: history and audit log.
 */
import crypto from 'node:crypto';
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { queryRows } from '../../db/connection';
import {
  actors,
  auditLog,
  catalogues,
  measureActors,
  measureNodes,
  measures,
  measureSlugs,
  measureStates,
  measureTargetGroups,
  nodes,
  revisions,
  targetGroups,
  type WorkflowState,
} from '../../db/schema';
import { loadMeasureSnapshots, type MeasureRow, type MeasureSnapshot } from '../../catalogue/snapshot';
import { recordRevisions } from '../../revisions/record';
import { slugify, uniqueSlug } from '../../text/slug';
import { editableFromSnapshot, type EditableMeasure } from '../../catalogue/editable-measure';
import { fieldErrors, measureInput, type MeasureInput } from '../../catalogue/measure-input';
import { isUuid } from '../../text/uuid';
import { NotFoundError, ValidationError } from '../errors';

/** Validates and normalises input: duplicates (same node, same actor and role, same group) are dropped. */
export function parseMeasure(input: MeasureInput | Record<string, unknown>): EditableMeasure {
  const parsed = measureInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const value = parsed.data;
  const seenNodes = new Set<string>();
  const seenActors = new Set<string>();
  return {
    ...value,
    placements: value.placements.filter((p) => !seenNodes.has(p.nodeId) && Boolean(seenNodes.add(p.nodeId))),
    actors: value.actors.filter((a) => {
      const key = `${a.actorId}/${a.role}`;
      return !seenActors.has(key) && Boolean(seenActors.add(key));
    }),
    targetGroupIds: [...new Set(value.targetGroupIds)],
  };
}

/** The row (locked for update inside a transaction), its snapshot and its editable state. */
export async function loadMeasure(
  tx: Db,
  id: string,
): Promise<{ row: MeasureRow; snapshot: MeasureSnapshot; editable: EditableMeasure }> {
  if (!isUuid(id)) throw new NotFoundError('Die Maßnahme');
  const [row] = await tx.select().from(measures).where(eq(measures.id, id)).for('update');
  if (!row) throw new NotFoundError('Die Maßnahme');
  const snapshot = (await loadMeasureSnapshots(tx, [id])).get(id)!;
  return { row, snapshot, editable: editableFromSnapshot(snapshot) };
}

/** Responsible actors of a measure: the scope of contributors' rights. */
export async function responsibleActorIds(tx: Db, measureId: string): Promise<string[]> {
  const rows = await tx
    .select({ actorId: measureActors.actorId })
    .from(measureActors)
    .where(and(eq(measureActors.measureId, measureId), eq(measureActors.role, 'verantwortlich')));
  return rows.map((r) => r.actorId);
}

export function responsibleOf(input: { actors: { actorId: string; role: string }[] }): string[] {
  return input.actors.filter((a) => a.role === 'verantwortlich').map((a) => a.actorId);
}

/**
 * Actors merged into others (vocabulary) keep a revision with `mergedInto`: old states and
 * pending change requests that still name them are mapped to the actor they live on in.
 */
async function mapMergedActors(tx: Db, input: EditableMeasure, municipalityId: string): Promise<EditableMeasure> {
  const ids = [...new Set(input.actors.map((a) => a.actorId))];
  if (!ids.length) return input;
  const existing = new Set(
    (await tx.select({ id: actors.id }).from(actors).where(and(inArray(actors.id, ids), eq(actors.municipalityId, municipalityId)))).map(
      (r) => r.id,
    ),
  );
  const missing = ids.filter((id) => !existing.has(id));
  if (!missing.length) return input;
  const rows = await tx
    .select({ entityId: revisions.entityId, mergedInto: sql<string | null>`${revisions.state}->>'mergedInto'` })
    .from(revisions)
    .where(and(eq(revisions.entityType, 'actor'), sql`${revisions.state}->>'mergedInto' is not null`));
  const mergedInto = new Map(rows.map((r) => [r.entityId, r.mergedInto!]));
  const resolve = (id: string) => {
    let current = id;
    for (let i = 0; i < 10 && mergedInto.has(current); i++) current = mergedInto.get(current)!;
    return current;
  };
  const seen = new Set<string>();
  return {
    ...input,
    actors: input.actors
      .map((a) => ({ ...a, actorId: resolve(a.actorId) }))
      .filter((a) => {
        const key = `${a.actorId}/${a.role}`;
        return !seen.has(key) && Boolean(seen.add(key));
      }),
  };
}

/**
 * Checks that everything the state refers to exists: the catalogue, its (not archived) nodes,
 * the municipality's actors and target groups, the state code. Returns the state with merged
 * actors mapped, or throws a ValidationError with German messages per field.
 */
export async function checkReferences(
  tx: Db,
  input: EditableMeasure,
  options: { allowNodeIds?: Iterable<string>; allowArchivedNodes?: boolean } = {},
): Promise<{ input: EditableMeasure; municipalityId: string }> {
  const [catalogue] = isUuid(input.catalogueId)
    ? await tx.select({ id: catalogues.id, municipalityId: catalogues.municipalityId }).from(catalogues).where(eq(catalogues.id, input.catalogueId))
    : [];
  if (!catalogue) throw new ValidationError({ catalogueId: 'Unbekannter Katalog.' });
  const mapped = await mapMergedActors(tx, input, catalogue.municipalityId);
  const errors: Record<string, string> = {};
  const allowed = new Set(options.allowNodeIds ?? []);

  const nodeIds = mapped.placements.map((p) => p.nodeId);
  const nodeRows = nodeIds.length
    ? await tx
        .select({ id: nodes.id, archivedAt: nodes.archivedAt })
        .from(nodes)
        .where(and(inArray(nodes.id, nodeIds), eq(nodes.catalogueId, catalogue.id)))
    : [];
  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));
  mapped.placements.forEach((p, i) => {
    const node = nodeById.get(p.nodeId);
    if (!node) errors[`placements.${i}.nodeId`] ??= 'Dieser Bereich gehört nicht zum Katalog der Maßnahme.';
    else if (node.archivedAt && !options.allowArchivedNodes && !allowed.has(p.nodeId))
      errors[`placements.${i}.nodeId`] ??= 'Dieser Bereich ist archiviert.';
  });

  const actorIds = mapped.actors.map((a) => a.actorId);
  const actorRows = actorIds.length
    ? await tx
        .select({ id: actors.id })
        .from(actors)
        .where(and(inArray(actors.id, actorIds), eq(actors.municipalityId, catalogue.municipalityId)))
    : [];
  const knownActors = new Set(actorRows.map((a) => a.id));
  mapped.actors.forEach((a, i) => {
    if (!knownActors.has(a.actorId)) errors[`actors.${i}.actorId`] ??= 'Unbekannter Akteur.';
  });

  const groupRows = mapped.targetGroupIds.length
    ? await tx
        .select({ id: targetGroups.id })
        .from(targetGroups)
        .where(and(inArray(targetGroups.id, mapped.targetGroupIds), eq(targetGroups.municipalityId, catalogue.municipalityId)))
    : [];
  if (groupRows.length !== mapped.targetGroupIds.length) errors.targetGroupIds = 'Unbekannte Zielgruppe.';

  const [state] = await tx.select({ code: measureStates.code }).from(measureStates).where(eq(measureStates.code, mapped.stateCode));
  if (!state) errors.stateCode = 'Unbekannter Umsetzungsstand.';

  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { input: mapped, municipalityId: catalogue.municipalityId };
}

export function slugBase(input: { number: string | null; title: string }): string {
  return slugify([input.number, input.title].filter(Boolean).join(' '), 70);
}

/** Slugs in use in the catalogue by other measures, current or old. */
async function takenSlugs(tx: Db, catalogueId: string, exceptMeasureId: string | null): Promise<Set<string>> {
  const current = await tx
    .select({ slug: measures.slug })
    .from(measures)
    .where(exceptMeasureId ? and(eq(measures.catalogueId, catalogueId), ne(measures.id, exceptMeasureId)) : eq(measures.catalogueId, catalogueId));
  const old = await tx
    .select({ slug: measureSlugs.slug })
    .from(measureSlugs)
    .where(
      exceptMeasureId
        ? and(eq(measureSlugs.catalogueId, catalogueId), ne(measureSlugs.measureId, exceptMeasureId))
        : eq(measureSlugs.catalogueId, catalogueId),
    );
  return new Set([...current, ...old].map((r) => r.slug));
}

export interface WriteMeasureArgs {
  /** The current row when updating; null creates a new measure. */
  existing: MeasureRow | null;
  input: EditableMeasure;
  workflowState: WorkflowState;
  /** Who made the change (sets last_reviewed_by when the review date changes). */
  authorId: string | null;
}

/** Inserts or updates a measure and replaces its placements, actors and target groups. */
export async function writeMeasure(tx: Db, { existing, input, workflowState, authorId }: WriteMeasureArgs): Promise<MeasureRow> {
  const catalogueId = existing?.catalogueId ?? input.catalogueId;
  if (existing && input.catalogueId !== existing.catalogueId)
    throw new ValidationError({ catalogueId: 'Eine Maßnahme kann nicht in einen anderen Katalog verschoben werden.' });

  const base = slugBase(input);
  let slug = existing?.slug ?? null;
  const slugFits = (s: string) => s === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(s);
  if (!existing || (existing.title !== input.title && !slugFits(existing.slug))) {
    slug = uniqueSlug(base, await takenSlugs(tx, catalogueId, existing?.id ?? null));
  }

  const values = {
    number: input.number,
    title: input.title,
    slug: slug!,
    description: input.description,
    goals: input.goals,
    targetGroupText: input.targetGroupText,
    statusText: input.statusText,
    stateCode: input.stateCode,
    remarks: input.remarks,
    responsibleText: input.responsibleText,
    directionInward: input.directionInward,
    directionOutward: input.directionOutward,
    isNew: input.isNew,
    isGap: input.isGap,
    extra: input.extra,
    lastReviewedAt: input.lastReviewedAt,
    lastReviewedBy:
      existing && existing.lastReviewedAt === input.lastReviewedAt ? existing.lastReviewedBy : input.lastReviewedAt ? authorId : null,
    workflowState,
  };

  let row: MeasureRow;
  if (!existing) {
    const [pos] = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(max(position), -1)::int + 1 as n from ${measures} where catalogue_id = ${catalogueId}`,
    );
    [row] = (await tx
      .insert(measures)
      .values({ id: crypto.randomUUID(), catalogueId, position: Number(pos?.n ?? 0), ...values })
      .returning()) as [MeasureRow];
  } else {
    [row] = (await tx
      .update(measures)
      .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
      .where(eq(measures.id, existing.id))
      .returning()) as [MeasureRow];
    if (existing.slug !== row.slug)
      await tx.insert(measureSlugs).values({ catalogueId, slug: existing.slug, measureId: existing.id }).onConflictDoNothing();
  }
  await replaceLinks(tx, row.id, input, Boolean(existing));
  return row;
}

/** Only the workflow state changes (publish, archive, submit): version + 1, new "Stand". */
export async function setWorkflowState(tx: Db, existing: MeasureRow, workflowState: WorkflowState): Promise<MeasureRow> {
  const [row] = await tx
    .update(measures)
    .set({ workflowState, version: existing.version + 1, updatedAt: new Date() })
    .where(eq(measures.id, existing.id))
    .returning();
  return row!;
}

async function replaceLinks(tx: Db, measureId: string, input: EditableMeasure, existed: boolean): Promise<void> {
  const oldPlacements = existed ? await tx.select().from(measureNodes).where(eq(measureNodes.measureId, measureId)) : [];
  const oldGroups = existed ? await tx.select().from(measureTargetGroups).where(eq(measureTargetGroups.measureId, measureId)) : [];
  const keptPosition = new Map(oldPlacements.map((p) => [p.nodeId, p.position]));
  const newNodeIds = input.placements.map((p) => p.nodeId).filter((id) => !keptPosition.has(id));
  const nextPosition = new Map<string, number>();
  if (newNodeIds.length) {
    const rows = await tx
      .select({ nodeId: measureNodes.nodeId, max: sql<number>`max(${measureNodes.position})::int` })
      .from(measureNodes)
      .where(inArray(measureNodes.nodeId, newNodeIds))
      .groupBy(measureNodes.nodeId);
    for (const r of rows) nextPosition.set(r.nodeId, Number(r.max) + 1);
  }
  if (existed) {
    await tx.delete(measureNodes).where(eq(measureNodes.measureId, measureId));
    await tx.delete(measureActors).where(eq(measureActors.measureId, measureId));
    await tx.delete(measureTargetGroups).where(eq(measureTargetGroups.measureId, measureId));
  }
  if (input.placements.length)
    await tx.insert(measureNodes).values(
      input.placements.map((p, i) => ({
        measureId,
        nodeId: p.nodeId,
        isPrimary: i === 0,
        number: p.number,
        position: keptPosition.get(p.nodeId) ?? nextPosition.get(p.nodeId) ?? 0,
      })),
    );
  if (input.actors.length)
    await tx
      .insert(measureActors)
      .values(input.actors.map((a, i) => ({ measureId, actorId: a.actorId, role: a.role, wording: a.wording, position: i })));
  const groupWording = new Map(oldGroups.map((g) => [g.targetGroupId, g.wording]));
  if (input.targetGroupIds.length)
    await tx
      .insert(measureTargetGroups)
      .values(input.targetGroupIds.map((id) => ({ measureId, targetGroupId: id, wording: groupWording.get(id) ?? null })));
}

export async function recordMeasureRevision(
  tx: Db,
  measureId: string,
  by: { authorId: string | null; authorLabel?: string | null; comment?: string | null },
): Promise<void> {
  const snapshot = (await loadMeasureSnapshots(tx, [measureId])).get(measureId);
  await recordRevisions(tx, [
    { entityType: 'measure', entityId: measureId, state: snapshot, authorId: by.authorId, authorLabel: by.authorLabel ?? null, comment: by.comment ?? null },
  ]);
}

export async function audit(
  tx: Db,
  entry: { userId: string | null; action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? {},
  });
}

/** Workflow state a measure had before it was archived (from its revisions; "entwurf" if unknown). */
export async function stateBeforeArchive(tx: Db, measureId: string): Promise<WorkflowState> {
  const [row] = await tx
    .select({ state: sql<WorkflowState>`${revisions.state}->>'workflowState'` })
    .from(revisions)
    .where(
      and(
        eq(revisions.entityType, 'measure'),
        eq(revisions.entityId, measureId),
        isNotNull(sql`${revisions.state}->>'workflowState'`),
        sql`${revisions.state}->>'workflowState' <> 'archiviert'`,
      ),
    )
    .orderBy(sql`${revisions.id} desc`)
    .limit(1);
  return row?.state ?? 'entwurf';
}
