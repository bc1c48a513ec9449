import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { actors, measureActors } from '../db/schema';

/** Responsible actors' names per measure, in their printed order (one statement for any number of measures). */
export async function responsibleNames(db: Db, measureIds: string[]): Promise<Map<string, string[]>> {
  if (!measureIds.length) return new Map();
  const rows = await db
    .select({ measureId: measureActors.measureId, name: actors.name })
    .from(measureActors)
    .innerJoin(actors, eq(actors.id, measureActors.actorId))
    .where(and(inArray(measureActors.measureId, measureIds), eq(measureActors.role, 'verantwortlich')))
    .orderBy(asc(measureActors.position));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.measureId, [...(map.get(r.measureId) ?? []), r.name]);
  return map;
}
