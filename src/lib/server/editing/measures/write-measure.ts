/**
 * The one writer every measure use case goes through: inserts or updates the row, replaces its
 * placements, actors and target groups, changes the slug on a title change (the old slug is kept
 * in measure_slugs) and increments the version.
 */
import crypto from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { queryRows } from '../../db/connection';
import {
  measureActors,
  measureNodes,
  measures,
  measureSlugs,
  measureTargetGroups,
  type WorkflowState,
} from '../../db/schema';
import type { MeasureRow } from '../../catalogue/snapshot';
import { uniqueSlug } from '../../text/slug';
import { slugBase, takenSlugs } from './slugs';
import type { EditableMeasure } from '../../catalogue/editable-measure';
import { ValidationError } from '../errors';

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
