/** What the campaign pages, the answer page and the review queue read about calls for updates. */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import type { UpdateAnswerKind } from '../db/schema';
import { isUuid } from '../text/uuid';

type Row = Record<string, unknown>;
/** Timestamps arrive as Date or, from aggregates on PGlite, as text ("2027-03-05 10:00:00+00"): one ISO form. */
const iso = (v: unknown): string | null => (v == null ? null : (v instanceof Date ? v : new Date(String(v))).toISOString());
const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export interface CampaignSummary {
  id: string;
  title: string;
  catalogueId: string;
  catalogueTitle: string;
  deadline: string;
  startedAt: string;
  closedAt: string | null;
  requests: number;
  answered: number;
  openAnswers: number;
}

const SUMMARY_SQL = sql`select k.id, k.title, k.catalogue_id, c.title as catalogue_title, k.deadline, k.started_at, k.closed_at,
    (select count(*)::int from update_requests r where r.campaign_id = k.id) as requests,
    (select count(*)::int from update_requests r where r.campaign_id = k.id and r.answered_at is not null) as answered,
    (select count(*)::int from update_answers a join update_requests r on r.id = a.request_id where r.campaign_id = k.id and a.resolved_at is null) as open_answers
  from update_campaigns k join catalogues c on c.id = k.catalogue_id`;

const summaryOf = (r: Row): CampaignSummary => ({
  id: String(r.id),
  title: String(r.title),
  catalogueId: String(r.catalogue_id),
  catalogueTitle: String(r.catalogue_title),
  deadline: day(r.deadline),
  startedAt: iso(r.started_at)!,
  closedAt: iso(r.closed_at),
  requests: Number(r.requests),
  answered: Number(r.answered),
  openAnswers: Number(r.open_answers),
});

/** Campaigns of a municipality, open ones first; contributors see those with a request for their actors. */
export async function listCampaigns(db: Db, municipality: string, onlyActorIds: readonly string[] | null = null): Promise<CampaignSummary[]> {
  const scope = onlyActorIds
    ? onlyActorIds.length
      ? sql`and exists (select 1 from update_requests r where r.campaign_id = k.id and r.actor_id in (${sql.join(onlyActorIds.map((id) => sql`${id}::uuid`), sql`, `)}))`
      : sql`and false`
    : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`${SUMMARY_SQL} where c.municipality_id = (select id from municipalities where slug = ${municipality}) ${scope}
        order by (k.closed_at is null) desc, k.started_at desc limit 200`,
  );
  return rows.map(summaryOf);
}

export interface RequestStatus {
  id: string;
  actorId: string;
  actorName: string;
  measures: number;
  answeredMeasures: number;
  /** Answers by kind (new measures included). */
  byKind: Record<UpdateAnswerKind, number>;
  recipients: number;
  remindedAt: string | null;
  answeredAt: string | null;
}

export interface CampaignDetail extends CampaignSummary {
  message: string | null;
  requestsList: RequestStatus[];
}

export async function campaignDetail(
  db: Db,
  municipality: string,
  campaignId: string,
  onlyActorIds: readonly string[] | null = null,
): Promise<CampaignDetail | null> {
  if (!isUuid(campaignId)) return null;
  const [head] = await queryRows<Row>(
    db,
    sql`${SUMMARY_SQL} where k.id = ${campaignId}::uuid and c.municipality_id = (select id from municipalities where slug = ${municipality})`,
  );
  if (!head) return null;
  const [message] = await queryRows<{ message: string | null }>(db, sql`select message from update_campaigns where id = ${campaignId}::uuid`);
  const scope = onlyActorIds
    ? onlyActorIds.length
      ? sql`and r.actor_id in (${sql.join(onlyActorIds.map((id) => sql`${id}::uuid`), sql`, `)})`
      : sql`and false`
    : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select r.id, r.actor_id, a.name as actor_name, jsonb_array_length(r.measure_ids)::int as measures, r.recipients, r.reminded_at, r.answered_at,
          count(x.id) filter (where x.measure_id is not null)::int as answered_measures,
          count(x.id) filter (where x.kind = 'unveraendert')::int as unveraendert,
          count(x.id) filter (where x.kind = 'geaendert')::int as geaendert,
          count(x.id) filter (where x.kind = 'eingestellt')::int as eingestellt,
          count(x.id) filter (where x.kind = 'neu')::int as neu
        from update_requests r join actors a on a.id = r.actor_id left join update_answers x on x.request_id = r.id
        where r.campaign_id = ${campaignId}::uuid ${scope}
        group by r.id, a.name
        order by (r.answered_at is null) desc, a.name, r.id`,
  );
  return {
    ...summaryOf(head),
    message: message?.message ?? null,
    requestsList: rows.map((r) => ({
      id: String(r.id),
      actorId: String(r.actor_id),
      actorName: String(r.actor_name),
      measures: Number(r.measures),
      answeredMeasures: Number(r.answered_measures),
      byKind: { unveraendert: Number(r.unveraendert), geaendert: Number(r.geaendert), eingestellt: Number(r.eingestellt), neu: Number(r.neu) },
      recipients: Number(r.recipients),
      remindedAt: iso(r.reminded_at),
      answeredAt: iso(r.answered_at),
    })),
  };
}

export interface RequestForAnswer {
  id: string;
  actorId: string;
  actorName: string;
  campaign: { id: string; title: string; message: string | null; deadline: string; closedAt: string | null; catalogueTitle: string };
  measures: {
    id: string;
    title: string;
    number: string | null;
    workflowState: string;
    lastReviewedAt: string | null;
    answer: { kind: UpdateAnswerKind; note: string | null; answeredAt: string; resolvedAt: string | null } | null;
  }[];
  newMeasures: { id: string; title: string; note: string | null; answeredAt: string; resolvedAt: string | null }[];
}

/** A request with its measures (in the order asked) and the answers given so far. */
export async function requestForAnswer(db: Db, municipality: string, campaignId: string, requestId: string): Promise<RequestForAnswer | null> {
  if (!isUuid(requestId) || !isUuid(campaignId)) return null;
  const [head] = await queryRows<Row>(
    db,
    sql`select r.id, r.actor_id, a.name as actor_name, r.measure_ids, k.id as campaign_id, k.title, k.message, k.deadline, k.closed_at, c.title as catalogue_title
        from update_requests r join update_campaigns k on k.id = r.campaign_id join catalogues c on c.id = k.catalogue_id join actors a on a.id = r.actor_id
        where r.id = ${requestId}::uuid and k.id = ${campaignId}::uuid and c.municipality_id = (select id from municipalities where slug = ${municipality})`,
  );
  if (!head) return null;
  const ids = (typeof head.measure_ids === 'string' ? JSON.parse(head.measure_ids) : head.measure_ids) as string[];
  const measureRows = ids.length
    ? await queryRows<Row>(
        db,
        sql`select m.id, m.title, m.number, m.workflow_state, m.last_reviewed_at, x.kind, x.note, x.answered_at, x.resolved_at
            from measures m left join update_answers x on x.measure_id = m.id and x.request_id = ${requestId}::uuid
            where m.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
      )
    : [];
  const byId = new Map(measureRows.map((r) => [String(r.id), r]));
  const news = await queryRows<Row>(
    db,
    sql`select id, title, note, answered_at, resolved_at from update_answers where request_id = ${requestId}::uuid and measure_id is null order by answered_at, id`,
  );
  return {
    id: String(head.id),
    actorId: String(head.actor_id),
    actorName: String(head.actor_name),
    campaign: {
      id: String(head.campaign_id),
      title: String(head.title),
      message: (head.message as string | null) ?? null,
      deadline: day(head.deadline),
      closedAt: iso(head.closed_at),
      catalogueTitle: String(head.catalogue_title),
    },
    measures: ids
      .map((id) => byId.get(id))
      .filter((r): r is Row => !!r)
      .map((r) => ({
        id: String(r.id),
        title: String(r.title),
        number: (r.number as string | null) ?? null,
        workflowState: String(r.workflow_state),
        lastReviewedAt: r.last_reviewed_at == null ? null : day(r.last_reviewed_at),
        answer: r.kind
          ? { kind: r.kind as UpdateAnswerKind, note: (r.note as string | null) ?? null, answeredAt: iso(r.answered_at)!, resolvedAt: iso(r.resolved_at) }
          : null,
      })),
    newMeasures: news.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      note: (r.note as string | null) ?? null,
      answeredAt: iso(r.answered_at)!,
      resolvedAt: iso(r.resolved_at),
    })),
  };
}

export interface OpenAnswer {
  id: string;
  kind: UpdateAnswerKind;
  note: string | null;
  title: string | null;
  measureId: string | null;
  measureTitle: string | null;
  measureNumber: string | null;
  actorName: string;
  campaignId: string;
  campaignTitle: string;
  catalogueId: string;
  answeredAt: string;
  answeredBy: string | null;
}

/** Answers waiting for Redaktion (changed, discontinued, new measures), oldest first. */
export async function listOpenAnswers(db: Db, municipality: string, limit = 200): Promise<OpenAnswer[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select x.id, x.kind, x.note, x.title, x.measure_id, m.title as measure_title, m.number as measure_number, a.name as actor_name,
          k.id as campaign_id, k.title as campaign_title, k.catalogue_id, x.answered_at, coalesce(u.name, u.email) as answered_by
        from update_answers x join update_requests r on r.id = x.request_id join update_campaigns k on k.id = r.campaign_id
        join catalogues c on c.id = k.catalogue_id join actors a on a.id = r.actor_id
        left join measures m on m.id = x.measure_id left join users u on u.id = x.answered_by
        where x.resolved_at is null and c.municipality_id = (select id from municipalities where slug = ${municipality})
        order by x.answered_at, (x.measure_id is null), m.position, x.id limit ${limit}`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind as UpdateAnswerKind,
    note: (r.note as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    measureId: r.measure_id ? String(r.measure_id) : null,
    measureTitle: (r.measure_title as string | null) ?? null,
    measureNumber: (r.measure_number as string | null) ?? null,
    actorName: String(r.actor_name),
    campaignId: String(r.campaign_id),
    campaignTitle: String(r.campaign_title),
    catalogueId: String(r.catalogue_id),
    answeredAt: iso(r.answered_at)!,
    answeredBy: (r.answered_by as string | null) ?? null,
  }));
}

/** The open requests (open campaign, not completely answered) of a contributor's actors: their tasks. */
export async function openRequestsFor(db: Db, actorIds: readonly string[]): Promise<{ campaignId: string; requestId: string; title: string; actorName: string; deadline: string }[]> {
  if (!actorIds.length) return [];
  const rows = await queryRows<Row>(
    db,
    sql`select k.id as campaign_id, r.id as request_id, k.title, a.name as actor_name, k.deadline
        from update_requests r join update_campaigns k on k.id = r.campaign_id join actors a on a.id = r.actor_id
        where k.closed_at is null and r.answered_at is null and r.actor_id in (${sql.join(actorIds.map((id) => sql`${id}::uuid`), sql`, `)})
        order by k.deadline, a.name`,
  );
  return rows.map((r) => ({ campaignId: String(r.campaign_id), requestId: String(r.request_id), title: String(r.title), actorName: String(r.actor_name), deadline: day(r.deadline) }));
}
