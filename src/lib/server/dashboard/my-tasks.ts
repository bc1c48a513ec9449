/**
 * "Meine Aufgaben": what waits for the signed-in user. Each section is present only when the
 * user may act on it (policy `can`); absent sections are null.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { can, type SessionUser } from '../auth/policy';
import { listNotifications, unreadCount, type NotificationItem } from '../notifications/inbox';
import { countFailedMails, countPendingMails, isSmtpConfigured } from '../notifications/delivery';
import type { ChangeState, WorkflowState } from '../db/schema';
import { overdueSql, reviewableSql } from '../review/due';
import { openRequestsFor } from '../campaigns/queries';

export interface ChangeRequestTask {
  id: string;
  state: ChangeState;
  title: string;
  measureId: string | null;
  catalogueTitle: string;
  authorName: string | null;
  reviewComment: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeasureTask {
  id: string;
  title: string;
  number: string | null;
  slug: string;
  catalogueSlug: string;
  catalogueTitle: string;
  workflowState: WorkflowState;
  /** ISO date, or null when never reviewed. */
  lastReviewedAt: string | null;
  updatedAt: Date;
}

export interface ReviewTask {
  /** A change request to a published measure, or a new measure submitted for review. */
  kind: 'change' | 'measure';
  id: string;
  title: string;
  catalogueTitle: string;
  authorName: string | null;
  /** Waiting since (submission). */
  since: Date;
}

export interface SuggestionTask {
  id: string;
  title: string;
  createdAt: Date;
}

export interface Counted<T> {
  total: number;
  items: T[];
}

export interface MyTasks {
  /** My change requests (open, or rejected in the last 30 days) and the unpublished measures I created. */
  mine: { changeRequests: ChangeRequestTask[]; drafts: MeasureTask[] } | null;
  /** Change requests and new measures waiting for review, oldest first (Redaktion). */
  reviews: Counted<ReviewTask> | null;
  /** Public suggestions waiting for moderation, oldest first (Redaktion). */
  suggestions: Counted<SuggestionTask> | null;
  /** Published measures overdue for review (review/due.ts): of my actors, or all for Redaktion. */
  stale: (Counted<MeasureTask> & { scope: 'all' | 'mine' }) | null;
  /** Open requests of calls for updates to my actors (contributors). */
  campaigns: Awaited<ReturnType<typeof openRequestsFor>> | null;
  notifications: Counted<NotificationItem>;
  /** Mail queue (administrators). */
  mail: { pending: number; failed: number; smtpConfigured: boolean } | null;
}

const STALE_LIMIT = 10;
const LIST_LIMIT = 10;

type Row = Record<string, unknown>;
const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const asIsoDate = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
};

function toChangeRequest(r: Row): ChangeRequestTask {
  return {
    id: String(r.id),
    state: r.state as ChangeState,
    title: String(r.title ?? ''),
    measureId: (r.measure_id as string | null) ?? null,
    catalogueTitle: String(r.catalogue_title ?? ''),
    authorName: (r.author_name as string | null) ?? null,
    reviewComment: (r.review_comment as string | null) ?? null,
    createdAt: asDate(r.created_at),
    updatedAt: asDate(r.updated_at),
  };
}

function toMeasure(r: Row): MeasureTask {
  return {
    id: String(r.id),
    title: String(r.title),
    number: (r.number as string | null) ?? null,
    slug: String(r.slug),
    workflowState: (r.workflow_state as WorkflowState | undefined) ?? 'veroeffentlicht',
    catalogueSlug: String(r.catalogue_slug),
    catalogueTitle: String(r.catalogue_title),
    lastReviewedAt: asIsoDate(r.last_reviewed_at),
    updatedAt: asDate(r.updated_at),
  };
}

const CHANGE_REQUEST_COLUMNS = sql`cr.id, cr.state, cr.measure_id, cr.review_comment, cr.created_at, cr.updated_at,
  coalesce(cr.proposed->>'title', m.title, '') as title, c.title as catalogue_title,
  coalesce(u.name, u.email) as author_name`;

export async function myChangeRequests(db: Db, userId: string, now: Date): Promise<ChangeRequestTask[]> {
  const since = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`select ${CHANGE_REQUEST_COLUMNS}
        from change_requests cr
        join catalogues c on c.id = cr.catalogue_id
        left join measures m on m.id = cr.measure_id
        left join users u on u.id = cr.author_id
        where cr.author_id = ${userId}
          and (cr.state in ('entwurf', 'in_pruefung') or (cr.state = 'abgelehnt' and cr.decided_at >= ${since}))
        order by cr.updated_at desc
        limit 50`,
  );
  return rows.map(toChangeRequest);
}

/** Unpublished measures (draft or in review) whose first revision is mine. */
export async function myDraftMeasures(db: Db, userId: string): Promise<MeasureTask[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.title, m.number, m.slug, m.workflow_state, m.last_reviewed_at, m.updated_at, c.slug as catalogue_slug, c.title as catalogue_title
        from measures m
        join catalogues c on c.id = m.catalogue_id
        where m.workflow_state in ('entwurf', 'in_pruefung')
          and (select r.author_id from revisions r
               where r.entity_type = 'measure' and r.entity_id = m.id
               order by r.id limit 1) = ${userId}
        order by m.updated_at desc
        limit 50`,
  );
  return rows.map(toMeasure);
}

/**
 * What waits for review, oldest first: change requests to published measures and new measures
 * submitted for review (workflow state "in_pruefung").
 */
export async function reviewsDue(db: Db, limit = LIST_LIMIT): Promise<Counted<ReviewTask>> {
  const rows = await queryRows<Row>(
    db,
    sql`select * from (
          select 'change' as kind, cr.id, coalesce(cr.proposed->>'title', m.title, '') as title, c.title as catalogue_title,
                 coalesce(u.name, u.email) as author_name, cr.updated_at as since
          from change_requests cr
          join catalogues c on c.id = cr.catalogue_id
          left join measures m on m.id = cr.measure_id
          left join users u on u.id = cr.author_id
          where cr.state = 'in_pruefung'
          union all
          select 'measure' as kind, m.id, m.title, c.title as catalogue_title,
                 (select coalesce(u.name, u.email) from revisions r join users u on u.id = r.author_id
                  where r.entity_type = 'measure' and r.entity_id = m.id order by r.id desc limit 1) as author_name,
                 m.updated_at as since
          from measures m join catalogues c on c.id = m.catalogue_id
          where m.workflow_state = 'in_pruefung'
        ) due
        order by since asc, id
        limit ${limit}`,
  );
  const [total] = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*) from change_requests where state = 'in_pruefung')
             + (select count(*) from measures where workflow_state = 'in_pruefung') as n`,
  );
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      kind: r.kind === 'measure' ? 'measure' : 'change',
      id: String(r.id),
      title: String(r.title ?? ''),
      catalogueTitle: String(r.catalogue_title ?? ''),
      authorName: (r.author_name as string | null) ?? null,
      since: asDate(r.since),
    })),
  };
}

export async function suggestionsWaiting(db: Db, limit = LIST_LIMIT): Promise<Counted<SuggestionTask>> {
  const rows = await queryRows<Row>(
    db,
    sql`select id, title, created_at from suggestions where state = 'neu' order by created_at asc, id limit ${limit}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from suggestions where state = 'neu'`);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({ id: String(r.id), title: String(r.title), createdAt: asDate(r.created_at) })),
  };
}

/**
 * Published measures (no gaps) overdue for review (review/due.ts) or never reviewed:
 * all of them, or those of the given actors (responsible, or the organisational unit they are
 * listed under). Never reviewed first, then the oldest review.
 */
export async function staleMeasures(
  db: Db,
  now: Date,
  actorIds: readonly string[] | null,
  limit = STALE_LIMIT,
): Promise<Counted<MeasureTask>> {
  if (actorIds && !actorIds.length) return { total: 0, items: [] };
  const actorList = actorIds ? sql.join(actorIds.map((id) => sql`${id}::uuid`), sql`, `) : null;
  const scope = actorList
    ? sql`and (exists (select 1 from measure_actors ma where ma.measure_id = m.id and ma.role = 'verantwortlich' and ma.actor_id in (${actorList}))
               or exists (select 1 from measure_nodes mn join nodes n on n.id = mn.node_id where mn.measure_id = m.id and n.actor_id in (${actorList})))`
    : sql``;
  const where = sql`${reviewableSql()} and ${overdueSql(now)} ${scope}`;
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.title, m.number, m.slug, m.workflow_state, m.last_reviewed_at, m.updated_at, c.slug as catalogue_slug, c.title as catalogue_title
        from measures m join catalogues c on c.id = m.catalogue_id
        where ${where}
        order by m.last_reviewed_at asc nulls first, c.position, m.position, m.id
        limit ${limit}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from measures m join catalogues c on c.id = m.catalogue_id where ${where}`);
  return { total: Number(total?.n ?? 0), items: rows.map(toMeasure) };
}

export async function loadMyTasks(db: Db, user: SessionUser, now: Date = new Date()): Promise<MyTasks> {
  const scope = { actorIds: user.actorIds };
  const edits = can(user, 'measure.edit', scope) || can(user, 'measure.create', scope);
  const editsAll = can(user, 'measure.publish');
  const [changeRequests, drafts] = edits ? await Promise.all([myChangeRequests(db, user.id, now), myDraftMeasures(db, user.id)]) : [null, null];
  const [unread, latest] = await Promise.all([unreadCount(db, user.id), listNotifications(db, user.id, { unreadOnly: true, limit: 5 })]);
  return {
    mine: changeRequests && drafts ? { changeRequests, drafts } : null,
    reviews: can(user, 'measure.publish') ? await reviewsDue(db) : null,
    suggestions: can(user, 'suggestion.moderate') ? await suggestionsWaiting(db) : null,
    stale: editsAll
      ? { ...(await staleMeasures(db, now, null)), scope: 'all' }
      : edits
        ? { ...(await staleMeasures(db, now, user.actorIds)), scope: 'mine' }
        : null,
    campaigns: user.role === 'beitragende' ? await openRequestsFor(db, user.actorIds) : null,
    notifications: { total: unread, items: latest.items },
    mail: can(user, 'settings.manage')
      ? { pending: await countPendingMails(db), failed: await countFailedMails(db), smtpConfigured: isSmtpConfigured() }
      : null,
  };
}
