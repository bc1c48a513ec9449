/**
 * "Barriere melden", the feedback mechanism BITV NRW asks of the accessibility statement: a
 * report from the public without an account, protected like the suggestion form (honeypot,
 * signed timestamp, rate limit per client), stored and moderated by Redaktion and
 * Administration, who are notified (title and page only: never the reporter's contact data).
 * Contact data, given only with consent, is deleted after the suggestions' retention period.
 */
import crypto from 'node:crypto';
import { and, desc, eq, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog, barrierReports, users } from '../db/schema';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { ensureMunicipality } from '../catalogue/municipality';
import { notify } from '../notifications/notify';
import { log } from '../log/log';
import { inTransaction } from '../db/transaction';
import { isUuid } from '../text/uuid';
import { fieldErrors } from '../validation/fields';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { checkFormToken, issueFormToken } from '../suggestions/form-token';
import { getFormSecret, getRetentionDays } from '../suggestions/settings';
import { barrierInput, type BarrierSubmission } from './barrier-input';

export const BARRIER_RATE_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };
export const BARRIERS_ADMIN_PATH = '/admin/barrieren';
const DAY_MS = 24 * 60 * 60 * 1000;

export type BarrierSubmitResult =
  | { status: 'created'; id: string }
  | { status: 'ignored' }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'refused'; reason: 'tooFast' | 'expired' | 'invalid' | 'rateLimited'; message: string };

const TOKEN_MESSAGES = {
  tooFast:
    'Das ging sehr schnell – zum Schutz vor automatisierten Einsendungen haben wir die Meldung nicht angenommen. Bitte senden Sie das Formular in ein paar Sekunden noch einmal; Ihre Angaben sind erhalten geblieben.',
  expired: 'Das Formular war zu lange geöffnet (länger als einen Tag). Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular noch einmal.',
  invalid: 'Das Formular konnte nicht zugeordnet werden. Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular noch einmal.',
} as const;

export async function newBarrierFormToken(db: Db, now: Date = new Date()): Promise<string> {
  return issueFormToken(await getFormSecret(db), now);
}

export async function submitBarrierReport(
  db: Db,
  submission: BarrierSubmission,
  ctx: { clientAddress: string; municipality: string; now?: Date },
): Promise<BarrierSubmitResult> {
  const now = ctx.now ?? new Date();
  if (submission.honeypot.trim() !== '') {
    log.info('barrier.refused', { reason: 'honeypot' });
    return { status: 'ignored' };
  }
  const secret = await getFormSecret(db);
  const tokenCheck = checkFormToken(secret, submission.token, now);
  if (tokenCheck !== 'ok') return { status: 'refused', reason: tokenCheck, message: TOKEN_MESSAGES[tokenCheck] };
  const parsed = barrierInput.safeParse(submission.values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const clientKey = crypto.createHmac('sha256', secret).update(ctx.clientAddress).digest('base64url').slice(0, 22);
  const limit = await hitRateLimit(db, `barrier:client:${clientKey}`, BARRIER_RATE_LIMIT, now);
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfter / 60));
    return {
      status: 'refused',
      reason: 'rateLimited',
      message: `Von Ihrem Anschluss kamen in der letzten Zeit viele Meldungen. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} noch einmal – Ihre Angaben sind erhalten geblieben.`,
    };
  }
  const municipalityId = await ensureMunicipality(db, ctx.municipality);
  const hasContact = Boolean(input.contactName || input.contactEmail);
  const retentionDays = hasContact ? await getRetentionDays(db) : 0;
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(barrierReports)
      .values({
        municipalityId,
        pageUrl: input.pageUrl,
        description: input.description,
        contactName: hasContact ? input.contactName : null,
        contactEmail: hasContact ? input.contactEmail : null,
        consentAt: hasContact ? now : null,
        purgeAfter: hasContact ? new Date(now.getTime() + retentionDays * DAY_MS) : null,
        createdAt: now,
      })
      .returning({ id: barrierReports.id });
    await notify(tx, {
      roles: ['admin', 'redaktion'],
      kind: 'barrier.new',
      title: 'Neue Meldung einer Barriere',
      body: `Eine Barriere wurde gemeldet${input.pageUrl ? ` (Seite: ${input.pageUrl.slice(0, 200)})` : ''}. Bitte prüfen Sie die Meldung und antworten Sie, wenn Kontaktdaten angegeben sind.`,
      link: BARRIERS_ADMIN_PATH,
    });
    return row!.id;
  });
  log.info('barrier.received', { id });
  return { status: 'created', id };
}

export interface BarrierReportItem {
  id: string;
  pageUrl: string | null;
  description: string;
  contactName: string | null;
  contactEmail: string | null;
  state: 'neu' | 'erledigt';
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

/** Reports of a municipality, open ones first (moderators: `suggestion.moderate`). */
export async function listBarrierReports(db: Db, user: SessionUser, municipality: string, limit = 200): Promise<BarrierReportItem[]> {
  authorize(user, 'suggestion.moderate');
  const municipalityId = await ensureMunicipality(db, municipality);
  const rows = await db
    .select({ report: barrierReports, resolvedBy: sql<string | null>`coalesce(${users.name}, ${users.email})` })
    .from(barrierReports)
    .leftJoin(users, eq(users.id, barrierReports.resolvedBy))
    .where(eq(barrierReports.municipalityId, municipalityId))
    .orderBy(sql`${barrierReports.state} = 'erledigt'`, desc(barrierReports.createdAt))
    .limit(limit);
  return rows.map(({ report: r, resolvedBy }) => ({
    id: r.id,
    pageUrl: r.pageUrl,
    description: r.description,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    state: r.state,
    resolution: r.resolution,
    resolvedBy,
    resolvedAt: r.resolvedAt,
    createdAt: r.createdAt,
  }));
}

/** A moderator marks a report dealt with, saying what was done; audited. */
export async function resolveBarrierReport(db: Db, user: SessionUser, id: string, resolution: unknown, now: Date = new Date()): Promise<void> {
  authorize(user, 'suggestion.moderate');
  const text = String(resolution ?? '').trim();
  if (text.length < 3) throw new ValidationError({ resolution: 'Bitte geben Sie an, was getan wurde (mindestens 3 Zeichen).' });
  if (text.length > 2_000) throw new ValidationError({ resolution: 'Höchstens 2000 Zeichen.' });
  await inTransaction(db, async (tx) => {
    if (!isUuid(id)) throw new NotFoundError('Die Meldung');
    const [row] = await tx.select().from(barrierReports).where(eq(barrierReports.id, id)).for('update');
    if (!row) throw new NotFoundError('Die Meldung');
    if (row.state === 'erledigt') throw new WorkflowError('Diese Meldung ist bereits erledigt.');
    await tx.update(barrierReports).set({ state: 'erledigt', resolution: text, resolvedBy: user.id, resolvedAt: now }).where(eq(barrierReports.id, id));
    await recordAudit(tx, { userId: user.id, action: 'barrier.resolve', entityType: 'barrier_report', entityId: id, details: { pageUrl: row.pageUrl, resolution: text }, at: now });
  });
}

/** Deletes expired contact data of reports (maintenance purge task); returns how many. */
export async function purgeExpiredBarrierContacts(db: Db, now: Date = new Date()): Promise<number> {
  const purged = await db
    .update(barrierReports)
    .set({ contactName: null, contactEmail: null, purgeAfter: null })
    .where(and(isNotNull(barrierReports.purgeAfter), lte(barrierReports.purgeAfter, now), or(isNotNull(barrierReports.contactName), isNotNull(barrierReports.contactEmail))))
    .returning({ id: barrierReports.id });
  await db.update(barrierReports).set({ purgeAfter: null }).where(and(isNotNull(barrierReports.purgeAfter), lte(barrierReports.purgeAfter, now)));
  if (purged.length) {
    await db.insert(auditLog).values({ actorLabel: 'Wartung', action: 'barrier.contactsPurged', entityType: 'barrier_report', details: { count: purged.length } });
    log.info('barriers.contactsPurged', { count: purged.length });
  }
  return purged.length;
}
