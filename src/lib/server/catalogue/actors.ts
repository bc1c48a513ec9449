/**
 * Public read side of actors: the list with measure counts and short aliases, and one actor's
 * page. Like queries.ts: a fixed, small number of statements per page (no N+1), only published
 * measures (`workflow_state = 'veroeffentlicht'`).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { findMunicipalityId } from './municipality';
import { responsibleNames } from './responsible';
import { actorAliases, actors, catalogues, contacts, measureActors, measures, type ActorRole } from '../db/schema';
import { groupByCatalogue, listColumns, nodesOfMunicipality, toEntry, type ListRow } from './list-entries';
import { groupBy } from '../util/collections';
import type { ActorDetail, ActorMeasure, ActorSummary } from './read-models';

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

/**
 * Actors with the number of published measures (without gaps) they are responsible for or
 * involved in, alphabetically. Actors without any published measure are not listed (their page,
 * with its contacts, stays reachable). `query` filters by name or short alias (accents and case
 * ignored).
 */
export async function listActors(
  db: Db,
  { query = '', municipality }: { query?: string; municipality: string },
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
export async function getActorDetail(db: Db, slug: string, municipality: string): Promise<ActorDetail | null> {
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

