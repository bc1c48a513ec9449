/**
 * The full state of a measure as revisions store it: the row plus its placements, actors,
 * target groups and cross-references. Loaded in batches (a fixed number of queries for any
 * number of measures), used by every writer so that all revisions have one shape.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { chunks, groupBy } from '../util/collections';
import { measureActors, measureNodes, measureReferences, measures, measureTargetGroups } from '../db/schema';

export type MeasureRow = typeof measures.$inferSelect;

export interface MeasureSnapshot extends Omit<MeasureRow, 'createdAt' | 'updatedAt'> {
  createdAt: string;
  updatedAt: string;
  placements: { nodeId: string; number: string | null; isPrimary: boolean; position: number }[];
  actors: { actorId: string; role: string; wording: string | null; position: number }[];
  targetGroups: { targetGroupId: string; wording: string | null }[];
  references: { toMeasureId: string | null; wording: string | null; target: unknown; position: number }[];
}

export async function loadMeasureSnapshots(db: Db, ids: string[]): Promise<Map<string, MeasureSnapshot>> {
  const result = new Map<string, MeasureSnapshot>();
  for (const part of chunks([...new Set(ids)], 1000)) {
    if (!part.length) continue;
    // One after the other: snapshots are taken inside write transactions, whose single
    // connection must not be given concurrent queries (deprecated in node-postgres, pg@9 refuses).
    const rows = await db.select().from(measures).where(inArray(measures.id, part));
    const placements = await db.select().from(measureNodes).where(inArray(measureNodes.measureId, part)).orderBy(asc(measureNodes.position));
    const actorLinks = await db.select().from(measureActors).where(inArray(measureActors.measureId, part)).orderBy(asc(measureActors.position));
    const groups = await db.select().from(measureTargetGroups).where(inArray(measureTargetGroups.measureId, part));
    const refs = await db
      .select()
      .from(measureReferences)
      .where(inArray(measureReferences.fromMeasureId, part))
      .orderBy(asc(measureReferences.position));
    const byPlacement = groupBy(placements, (r) => r.measureId);
    const byActor = groupBy(actorLinks, (r) => r.measureId);
    const byGroup = groupBy(groups, (r) => r.measureId);
    const byRef = groupBy(refs, (r) => r.fromMeasureId);
    for (const row of rows) {
      result.set(row.id, {
        ...row,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        placements: (byPlacement.get(row.id) ?? []).map((p) => ({
          nodeId: p.nodeId,
          number: p.number,
          isPrimary: p.isPrimary,
          position: p.position,
        })),
        actors: (byActor.get(row.id) ?? []).map((a) => ({
          actorId: a.actorId,
          role: a.role,
          wording: a.wording,
          position: a.position,
        })),
        targetGroups: (byGroup.get(row.id) ?? [])
          .map((g) => ({ targetGroupId: g.targetGroupId, wording: g.wording }))
          .sort((a, b) => a.targetGroupId.localeCompare(b.targetGroupId)),
        references: (byRef.get(row.id) ?? []).map((r) => ({
          toMeasureId: r.toMeasureId,
          wording: r.wording,
          target: r.target,
          position: r.position,
        })),
      });
    }
  }
  return result;
}

