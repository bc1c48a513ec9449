/** Public read side of target groups: the list with measure counts and one group's measures (published only). */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { findMunicipalityId } from './municipality';
import { responsibleNames } from './responsible';
import { catalogues, measures, measureTargetGroups, targetGroups } from '../db/schema';
import { groupByCatalogue, listColumns, nodesOfMunicipality, toEntry } from './list-entries';
import type { TargetGroupDetail, TargetGroupSummary } from './read-models';

/** Target groups with at least one published measure, most used first (then by name). */
export async function listTargetGroups(db: Db, municipality: string): Promise<TargetGroupSummary[]> {
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
export async function getTargetGroupDetail(db: Db, slug: string, municipality: string): Promise<TargetGroupDetail | null> {
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

