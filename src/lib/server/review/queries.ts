/**
 * Due and overdue lists (review/due.ts decides): per catalogue, per responsible actor, per
 * person (a contributor bound to one of the measure's actors) — and for a contributor exactly
 * the measures of their actors. A measure "belongs" to an actor as the dashboard counts it:
 * responsible (measure_actors, role verantwortlich) or the office node it is listed under.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { DUE_SOON_DAYS, dueOnSql, dueWithinSql, reviewableSql, reviewStatus, type ReviewStatus } from './due';

export interface DueFilter {
  now: Date;
  municipality: string;
  /** Catalogue id. */
  catalogueId?: string | null;
  /** Measures of this actor. */
  actorId?: string | null;
  /** Measures of the actors this person is bound to. */
  userId?: string | null;
  /** Restriction (contributors): only measures of these actors. null: no restriction. */
  onlyActorIds?: readonly string[] | null;
  /** Due within this many days (default DUE_SOON_DAYS); 0: due today or overdue. */
  withinDays?: number;
  limit?: number;
}

export interface DueMeasure {
  id: string;
  title: string;
  number: string | null;
  catalogueId: string;
  catalogueTitle: string;
  /** ISO dates; dueOn null: never reviewed. */
  lastReviewedAt: string | null;
  dueOn: string | null;
  intervalMonths: number;
  status: ReviewStatus;
  actors: string[];
}

type Row = Record<string, unknown>;
const isoDateOf = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** (actor_id, measure_id): who answers for which measure. */
export const ANSWERS_SQL = sql`select ma.actor_id, ma.measure_id from measure_actors ma where ma.role = 'verantwortlich'
  union select n.actor_id, mn.measure_id from measure_nodes mn join nodes n on n.id = mn.node_id where n.actor_id is not null`;

const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

function dueWhere(f: DueFilter): SQL {
  const parts: SQL[] = [
    reviewableSql(),
    dueWithinSql(f.now, f.withinDays ?? DUE_SOON_DAYS),
    sql`c.municipality_id = (select id from municipalities where slug = ${f.municipality})`,
  ];
  if (f.catalogueId) parts.push(sql`c.id = ${f.catalogueId}::uuid`);
  if (f.actorId) parts.push(sql`exists (select 1 from answers x where x.measure_id = m.id and x.actor_id = ${f.actorId}::uuid)`);
  if (f.userId)
    parts.push(sql`exists (select 1 from answers x join user_actor_scopes s on s.actor_id = x.actor_id where x.measure_id = m.id and s.user_id = ${f.userId}::uuid)`);
  if (f.onlyActorIds) {
    if (!f.onlyActorIds.length) parts.push(sql`false`);
    else parts.push(sql`exists (select 1 from answers x where x.measure_id = m.id and x.actor_id in (${uuidList(f.onlyActorIds)}))`);
  }
  return sql.join(parts, sql` and `);
}

export async function listDueMeasures(db: Db, f: DueFilter): Promise<{ total: number; items: DueMeasure[] }> {
  const where = dueWhere(f);
  const rows = await queryRows<Row>(
    db,
    sql`with answers as (${ANSWERS_SQL})
        select m.id, m.title, m.number, m.last_reviewed_at, c.id as catalogue_id, c.title as catalogue_title,
          ${dueOnSql()} as due_on, coalesce(m.review_interval_months, c.review_interval_months) as interval_months,
          array(select distinct a.name from answers x join actors a on a.id = x.actor_id where x.measure_id = m.id order by a.name) as actor_names
        from measures m join catalogues c on c.id = m.catalogue_id
        where ${where}
        order by ${dueOnSql()} asc nulls first, c.position, m.position, m.id
        limit ${f.limit ?? 500}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`with answers as (${ANSWERS_SQL}) select count(*)::int as n from measures m join catalogues c on c.id = m.catalogue_id where ${where}`,
  );
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => {
      const due = isoDateOf(r.due_on);
      const names = r.actor_names;
      return {
        id: String(r.id),
        title: String(r.title),
        number: (r.number as string | null) ?? null,
        catalogueId: String(r.catalogue_id),
        catalogueTitle: String(r.catalogue_title),
        lastReviewedAt: isoDateOf(r.last_reviewed_at),
        dueOn: due,
        intervalMonths: Number(r.interval_months),
        status: reviewStatus(due, f.now),
        actors: Array.isArray(names) ? names.map(String) : String(names ?? '').replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((s) => s.replace(/^"|"$/g, '')),
      };
    }),
  };
}

export interface DueFilterOptions {
  catalogues: { id: string; title: string; reviewIntervalMonths: number }[];
  /** Actors that answer for at least one measure due. */
  actors: { id: string; name: string }[];
  /** People bound to such actors. */
  people: { id: string; name: string }[];
}

/** What the filters of the due list offer (editors). */
export async function dueFilterOptions(db: Db, now: Date, municipality: string): Promise<DueFilterOptions> {
  const due = sql`${reviewableSql()} and ${dueWithinSql(now, DUE_SOON_DAYS)}`;
  const catalogues = await queryRows<Row>(
    db,
    sql`select c.id, c.title, c.review_interval_months from catalogues c
        where c.municipality_id = (select id from municipalities where slug = ${municipality}) order by c.position, c.title`,
  );
  const actors = await queryRows<Row>(
    db,
    sql`with answers as (${ANSWERS_SQL})
        select distinct a.id, a.name from answers x join actors a on a.id = x.actor_id
        join measures m on m.id = x.measure_id join catalogues c on c.id = m.catalogue_id
        where ${due} and c.municipality_id = (select id from municipalities where slug = ${municipality})
        order by a.name, a.id`,
  );
  const people = await queryRows<Row>(
    db,
    sql`with answers as (${ANSWERS_SQL})
        select distinct u.id, coalesce(u.name, u.email) as name from answers x join user_actor_scopes s on s.actor_id = x.actor_id
        join users u on u.id = s.user_id and u.active
        join measures m on m.id = x.measure_id join catalogues c on c.id = m.catalogue_id
        where ${due} and c.municipality_id = (select id from municipalities where slug = ${municipality})
        order by name, u.id`,
  );
  return {
    catalogues: catalogues.map((r) => ({ id: String(r.id), title: String(r.title), reviewIntervalMonths: Number(r.review_interval_months) })),
    actors: actors.map((r) => ({ id: String(r.id), name: String(r.name) })),
    people: people.map((r) => ({ id: String(r.id), name: String(r.name) })),
  };
}

/** A measure's title (for the confirmation message of the due list), or null. */
export async function measureTitle(db: Db, id: string): Promise<string | null> {
  const [row] = await queryRows<{ title: string }>(db, sql`select title from measures where id = ${id}::uuid`);
  return row ? String(row.title) : null;
}
