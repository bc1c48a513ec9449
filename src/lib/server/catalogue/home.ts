/** Entry points of the public home page: top-level sections, target groups and actors with counts. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { COUNTED_MEASURE_SQL } from './counting';
import { findMunicipalityId } from './municipality';
import type { NodeType } from '../db/schema';
import { listActors } from './actors';
import { listTargetGroups } from './target-groups';
import type { HomeEntryPoints, SectionEntry } from './read-models';

/** How many target groups and actors the home page shows before "all …". */
export const HOME_LIST_LIMIT = 12;

/**
 * Entry points of the home page in four statements: top-level Handlungsfelder and dimensions
 * with measure counts, target groups and actors (most used first).
 */
export async function getHomeEntryPoints(db: Db, municipality: string): Promise<HomeEntryPoints> {
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
    left join measures m on m.id = mn.measure_id and ${COUNTED_MEASURE_SQL}
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

