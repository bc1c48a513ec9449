/**
 * Starting, reminding and closing a call for updates ("Abfrage", the diversity catalogue's yearly
 * practice): every actor answering for published measures of the catalogue (responsible, or the
 * office a measure is listed under: review/queries.ts ANSWERS_SQL, the same rule as the due
 * lists) gets one request listing those measures. The people bound to an actor (contributors)
 * get ONE message per campaign — in-app and by e-mail through the outbox — with the personal
 * link to their answer page. Actors nobody can sign in for are listed on the campaign page, so
 * Redaktion asks them otherwise and enters the answer on their behalf.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { catalogues, updateCampaigns, updateRequests } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { isUuid } from '../text/uuid';
import { fieldErrors } from '../validation/fields';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { notify } from '../notifications/notify';
import { createTranslator, formatDateShort } from '../../i18n';
import { ANSWERS_SQL } from '../review/queries';
import { reviewableSql, todayOf } from '../review/due';
import { campaignInput, type CampaignInput } from './campaign-input';
import { campaignPath, requestPath } from './paths';

export interface StartedCampaign {
  id: string;
  /** Requests created (actors asked). */
  requests: number;
  /** People who got a message. */
  people: number;
  /** Actors without anyone to sign in for them. */
  unreachable: number;
}

interface Recipient {
  user_id: string;
  user_name: string | null;
  request_id: string;
  actor_name: string;
  measures: number;
}

/** Sends one message per person for the given requests (start and reminder use it alike). */
async function notifyRequests(
  tx: Db,
  campaign: { id: string; title: string; message: string | null; deadline: string },
  catalogueTitle: string,
  requestIds: readonly string[],
  reminder: boolean,
): Promise<number> {
  if (!requestIds.length) return 0;
  const rows = await queryRows<Recipient>(
    tx,
    sql`select u.id as user_id, u.name as user_name, r.id as request_id, a.name as actor_name, jsonb_array_length(r.measure_ids)::int as measures
        from update_requests r join actors a on a.id = r.actor_id
        join user_actor_scopes s on s.actor_id = r.actor_id
        join users u on u.id = s.user_id and u.active and u.role = 'beitragende'
        where r.id in (${sql.join(requestIds.map((id) => sql`${id}::uuid`), sql`, `)})
        order by u.id, a.name`,
  );
  const byUser = new Map<string, Recipient[]>();
  for (const r of rows) byUser.set(String(r.user_id), [...(byUser.get(String(r.user_id)) ?? []), r]);
  const t = createTranslator('de');
  const base = process.env.ORIGIN ?? '';
  const deadline = formatDateShort(campaign.deadline, 'de');
  for (const [userId, items] of byUser) {
    const lines = items.map(
      (r) => `- ${t('admin.campaigns.mail.item', { actor: r.actor_name, count: Number(r.measures) })}\n  ${base}${requestPath(campaign.id, String(r.request_id))}`,
    );
    await notify(tx, {
      userIds: [userId],
      kind: reminder ? 'campaign.reminder' : 'campaign.request',
      title: t(reminder ? 'admin.campaigns.mail.reminderSubject' : 'admin.campaigns.mail.subject', { title: campaign.title, catalogue: catalogueTitle }),
      body: [
        t('admin.campaigns.mail.greeting', { name: items[0]!.user_name ?? '' }).replace(/ ,/, ','),
        t('admin.campaigns.mail.intro', { catalogue: catalogueTitle, deadline }),
        campaign.message,
        lines.join('\n'),
        t('admin.campaigns.mail.howTo'),
      ]
        .filter(Boolean)
        .join('\n\n'),
      link: items.length === 1 ? requestPath(campaign.id, String(items[0]!.request_id)) : campaignPath(campaign.id),
    });
  }
  return byUser.size;
}

export async function startCampaign(
  db: Db,
  user: SessionUser,
  raw: CampaignInput,
  options: { municipality: string; now?: Date },
): Promise<StartedCampaign> {
  authorize(user, 'campaign.manage');
  const parsed = campaignInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  const now = options.now ?? new Date();
  if (input.deadline <= todayOf(now)) throw new ValidationError({ deadline: 'Die Antwortfrist muss nach dem heutigen Tag liegen.' });
  return inTransaction(db, async (tx) => {
    // The catalogue row lock serialises two editors starting at once (the unique index besides).
    const [catalogue] = await queryRows<{ id: string; title: string }>(
      tx,
      sql`select c.id, c.title from catalogues c join municipalities mu on mu.id = c.municipality_id
          where c.id = ${input.catalogueId}::uuid and mu.slug = ${options.municipality} for update of c`,
    );
    if (!catalogue) throw new ValidationError({ catalogueId: 'Bitte wählen Sie einen Katalog aus der Liste.' });
    const [open] = await tx
      .select({ id: updateCampaigns.id })
      .from(updateCampaigns)
      .where(sql`${updateCampaigns.catalogueId} = ${catalogue.id} and ${updateCampaigns.closedAt} is null`);
    if (open) throw new WorkflowError('Für diesen Katalog läuft bereits eine Abfrage. Schließen Sie sie, bevor Sie eine neue starten.');
    const asked = await queryRows<{ actor_id: string; measure_ids: string[] | string }>(
      tx,
      sql`with answers as (${ANSWERS_SQL})
          select x.actor_id, jsonb_agg(m.id::text order by m.position, m.id) as measure_ids
          from answers x join measures m on m.id = x.measure_id
          where m.catalogue_id = ${catalogue.id}::uuid and ${reviewableSql()}
          group by x.actor_id`,
    );
    if (!asked.length) throw new WorkflowError('In diesem Katalog gibt es keine veröffentlichten Maßnahmen mit zuständigen Akteuren, die gefragt werden könnten.');
    const [campaign] = await tx
      .insert(updateCampaigns)
      .values({ catalogueId: catalogue.id, title: input.title, message: input.message, deadline: input.deadline, startedBy: user.id, startedAt: now })
      .returning();
    const reach = await queryRows<{ actor_id: string; n: number }>(
      tx,
      sql`select s.actor_id, count(*)::int as n from user_actor_scopes s join users u on u.id = s.user_id and u.active and u.role = 'beitragende'
          group by s.actor_id`,
    );
    const reachable = new Map(reach.map((r) => [String(r.actor_id), Number(r.n)]));
    const requests = await tx
      .insert(updateRequests)
      .values(
        asked.map((a) => ({
          campaignId: campaign!.id,
          actorId: String(a.actor_id),
          measureIds: (typeof a.measure_ids === 'string' ? JSON.parse(a.measure_ids) : a.measure_ids) as string[],
          recipients: reachable.get(String(a.actor_id)) ?? 0,
        })),
      )
      .returning({ id: updateRequests.id, recipients: updateRequests.recipients });
    const people = await notifyRequests(
      tx,
      { id: campaign!.id, title: campaign!.title, message: campaign!.message, deadline: campaign!.deadline },
      catalogue.title,
      requests.filter((r) => r.recipients > 0).map((r) => r.id),
      false,
    );
    const unreachable = requests.filter((r) => r.recipients === 0).length;
    await recordAudit(tx, {
      userId: user.id,
      action: 'campaign.start',
      entityType: 'update_campaign',
      entityId: campaign!.id,
      details: { title: campaign!.title, catalogue: catalogue.title, deadline: campaign!.deadline, requests: requests.length, people, unreachable },
      at: now,
    });
    return { id: campaign!.id, requests: requests.length, people, unreachable };
  });
}

async function loadOpenCampaign(tx: Db, campaignId: string) {
  if (!isUuid(campaignId)) throw new NotFoundError('Die Abfrage');
  const [row] = await tx
    .select({ campaign: updateCampaigns, catalogueTitle: catalogues.title })
    .from(updateCampaigns)
    .innerJoin(catalogues, eq(catalogues.id, updateCampaigns.catalogueId))
    .where(eq(updateCampaigns.id, campaignId))
    .for('update', { of: updateCampaigns });
  if (!row) throw new NotFoundError('Die Abfrage');
  if (row.campaign.closedAt) throw new WorkflowError('Diese Abfrage ist abgeschlossen.');
  return row;
}

/** Asks again those who have not answered completely (one message per person), audited. */
export async function remindUnanswered(db: Db, user: SessionUser, campaignId: string, options: { now?: Date } = {}): Promise<{ requests: number; people: number }> {
  authorize(user, 'campaign.manage');
  const now = options.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const { campaign, catalogueTitle } = await loadOpenCampaign(tx, campaignId);
    const pending = await tx
      .update(updateRequests)
      .set({ remindedAt: now })
      .where(sql`${updateRequests.campaignId} = ${campaign.id} and ${updateRequests.answeredAt} is null and ${updateRequests.recipients} > 0`)
      .returning({ id: updateRequests.id });
    const people = await notifyRequests(tx, campaign, catalogueTitle, pending.map((r) => r.id), true);
    await recordAudit(tx, {
      userId: user.id,
      action: 'campaign.remind',
      entityType: 'update_campaign',
      entityId: campaign.id,
      details: { title: campaign.title, requests: pending.length, people },
      at: now,
    });
    return { requests: pending.length, people };
  });
}

/** Ends a campaign: no more answers; answers already given stay in the review queue. */
export async function closeCampaign(db: Db, user: SessionUser, campaignId: string, options: { now?: Date } = {}): Promise<void> {
  authorize(user, 'campaign.manage');
  const now = options.now ?? new Date();
  await inTransaction(db, async (tx) => {
    const { campaign } = await loadOpenCampaign(tx, campaignId);
    await tx.update(updateCampaigns).set({ closedAt: now, closedBy: user.id }).where(eq(updateCampaigns.id, campaign.id));
    const [counts] = await queryRows<{ requests: number; answered: number }>(
      tx,
      sql`select count(*)::int as requests, count(answered_at)::int as answered from update_requests where campaign_id = ${campaign.id}::uuid`,
    );
    await recordAudit(tx, {
      userId: user.id,
      action: 'campaign.close',
      entityType: 'update_campaign',
      entityId: campaign.id,
      details: { title: campaign.title, requests: Number(counts?.requests ?? 0), answered: Number(counts?.answered ?? 0) },
      at: now,
    });
  });
}
