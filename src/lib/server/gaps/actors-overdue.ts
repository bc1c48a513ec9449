/**
 * Actors whose entries are all overdue for review: every published measure they answer for was
 * overdue by the review rule (review/due.ts: interval of the measure or its catalogue) or never reviewed. Such an actor has not
 * looked at the catalogue for a year — a reminder to one entry would not do; the actor as a whole
 * is to be asked. An actor "answers for" a measure as the dashboard counts it: responsible
 * (measure_actors, role verantwortlich), or the office node the measure is listed under.
 * Only published measures are due for review (drafts are still being written), gaps are none.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { overdueSql } from '../review/due';
import { asIsoDate, catalogueInScope, type GapScope, type Row } from './scope';

export interface OverdueActor {
  actorId: string;
  name: string;
  /** Published measures the actor answers for (all of them overdue). */
  measures: number;
  /** Of those, never reviewed. */
  neverReviewed: number;
  /** The most recent review among them (ISO date), or null when none was ever reviewed. */
  lastReviewedAt: string | null;
}

export async function actorsAllOverdue(db: Db, scope: GapScope, now: Date): Promise<OverdueActor[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with answers as (
          select ma.actor_id, ma.measure_id from measure_actors ma where ma.role = 'verantwortlich'
          union
          select n.actor_id, mn.measure_id from measure_nodes mn join nodes n on n.id = mn.node_id where n.actor_id is not null
        )
        select a.id, a.name, count(distinct m.id)::int as measures,
          (count(distinct m.id) filter (where m.last_reviewed_at is null))::int as never_reviewed,
          max(m.last_reviewed_at) as last_reviewed_at
        from actors a
        join answers x on x.actor_id = a.id
        join measures m on m.id = x.measure_id and m.workflow_state = 'veroeffentlicht' and not m.is_gap
        join catalogues c on c.id = m.catalogue_id and ${catalogueInScope(scope, 'c')}
        where a.municipality_id = (select id from municipalities where slug = ${scope.municipality})
        group by a.id, a.name
        having bool_and(${overdueSql(now)})
        order by a.name, a.id`,
  );
  return rows.map((r) => ({
    actorId: String(r.id),
    name: String(r.name),
    measures: Number(r.measures ?? 0),
    neverReviewed: Number(r.never_reviewed ?? 0),
    lastReviewedAt: asIsoDate(r.last_reviewed_at),
  }));
}
