/**
 * Entry points of the public home page — top-level Handlungsfelder and dimensions with measure
 * counts, target groups and actors (most used first) — from one statement: every count comes
 * from the same aggregate over published measures (COUNTED_MEASURE_SQL), in one round trip.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { COUNTED_MEASURE_SQL } from './counting';
import type { NodeType } from '../db/schema';
import { displayAliases } from './actors';
import type { ActorSummary, HomeEntryPoints, SectionEntry, TargetGroupSummary } from './read-models';

/** How many target groups and actors the home page shows before "all …". */
export const HOME_LIST_LIMIT = 12;

interface HomeRow {
  found: boolean;
  sections: { slug: string; code: string | null; title: string; type: NodeType; catalogue_slug: string; measure_count: number }[];
  groups: { slug: string; name: string; measure_count: number }[];
  actors: { slug: string; name: string; kind: ActorSummary['kind']; measure_count: number; responsible_count: number; aliases: string[] }[];
}

const EMPTY: HomeEntryPoints = { handlungsfelder: [], dimensions: [], targetGroups: [], actors: [], targetGroupTotal: 0, actorTotal: 0 };

export async function getHomeEntryPoints(db: Db, municipality: string): Promise<HomeEntryPoints> {
  const [row] = await queryRows<HomeRow>(
    db,
    sql`with recursive mun as (select id from municipalities where slug = ${municipality}),
    below as (
      select n.id as top_id, n.id from nodes n
      join catalogues c on c.id = n.catalogue_id
      where c.municipality_id = (select id from mun) and n.parent_id is null and n.archived_at is null
        and n.type in ('handlungsfeld', 'dimension')
      union all
      select b.top_id, n.id from nodes n join below b on n.parent_id = b.id where n.archived_at is null
    ),
    sections as (
      select top.slug, top.code, top.title, top.type, c.slug as catalogue_slug, c.position as catalogue_position,
        c.title as catalogue_title, top.position, count(distinct m.id)::int as measure_count
      from nodes top
      join catalogues c on c.id = top.catalogue_id
      join below b on b.top_id = top.id
      left join measure_nodes mn on mn.node_id = b.id
      left join measures m on m.id = mn.measure_id and ${COUNTED_MEASURE_SQL}
      group by top.id, c.id
    ),
    groups as (
      select tg.slug, tg.name, count(distinct m.id)::int as measure_count
      from target_groups tg
      join measure_target_groups mtg on mtg.target_group_id = tg.id
      join measures m on m.id = mtg.measure_id and ${COUNTED_MEASURE_SQL}
      where tg.municipality_id = (select id from mun)
      group by tg.id
    ),
    actor_counts as (
      select a.id, a.slug, a.name, a.kind, count(distinct m.id)::int as measure_count,
        (count(distinct m.id) filter (where ma.role = 'verantwortlich'))::int as responsible_count
      from actors a
      join measure_actors ma on ma.actor_id = a.id
      join measures m on m.id = ma.measure_id and ${COUNTED_MEASURE_SQL}
      where a.municipality_id = (select id from mun)
      group by a.id
    )
    select exists (select 1 from mun) as found,
      (select coalesce(json_agg(json_build_object('slug', s.slug, 'code', s.code, 'title', s.title, 'type', s.type,
          'catalogue_slug', s.catalogue_slug, 'measure_count', s.measure_count)
          order by s.catalogue_position, s.catalogue_title, s.position), '[]'::json) from sections s) as sections,
      (select coalesce(json_agg(json_build_object('slug', g.slug, 'name', g.name, 'measure_count', g.measure_count)), '[]'::json)
        from groups g) as groups,
      (select coalesce(json_agg(json_build_object('slug', a.slug, 'name', a.name, 'kind', a.kind, 'measure_count', a.measure_count,
          'responsible_count', a.responsible_count,
          'aliases', (select coalesce(json_agg(al.alias), '[]'::json) from actor_aliases al where al.actor_id = a.id))), '[]'::json)
        from actor_counts a) as actors`,
  );
  if (!row?.found) return EMPTY;
  const sections: (SectionEntry & { type: NodeType })[] = row.sections.map((r) => ({
    catalogueSlug: r.catalogue_slug,
    slug: r.slug,
    code: r.code,
    title: r.title,
    type: r.type,
    measureCount: Number(r.measure_count),
  }));
  // Sorted here, as the lists of all target groups and actors sort them (German collation).
  const groups: TargetGroupSummary[] = row.groups
    .map((g) => ({ slug: g.slug, name: g.name, measureCount: Number(g.measure_count) }))
    .sort((a, b) => b.measureCount - a.measureCount || a.name.localeCompare(b.name, 'de'));
  const actorList: ActorSummary[] = row.actors.map((a) => ({
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    measureCount: Number(a.measure_count),
    responsibleCount: Number(a.responsible_count),
    aliases: displayAliases(a.name, a.aliases),
  }));
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
