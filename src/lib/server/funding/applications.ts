/**
 * Applications from the public, without an account: submission (honeypot, signed timestamp and
 * rate limit as the suggestion form), a reference number, and a private link (a random token;
 * only its hash is stored) through which the applicant sees the status and answers queries.
 * The link grants access to that one application only.
 */
import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { fundingApplications, fundingDecisions, fundingMessages, type FundingApplicationState, type FundingCostLine } from '../db/schema';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit';
import { checkFormToken } from '../suggestions/form-token';
import { getFormSecret } from '../suggestions/settings';
import { notify } from '../notifications/notify';
import { log } from '../log/log';
import { sha256 } from '../text/hash';
import { hasUnstorableText } from '../text/storable';
import { inTransaction } from '../db/transaction';
import { checkApplication, type ApplicationSubmission } from './application-input';
import type { Programme } from './programmes';

export const APPLICATION_RATE_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };
const DAY_MS = 24 * 60 * 60 * 1000;

export type ApplicationSubmitResult =
  | { status: 'created'; id: string; reference: string; token: string }
  | { status: 'ignored' }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'refused'; message: string };

const TOKEN_MESSAGES = {
  tooFast:
    'Das ging sehr schnell – zum Schutz vor automatisierten Einsendungen haben wir den Antrag nicht angenommen. Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular in ein paar Sekunden noch einmal.',
  expired: 'Das Formular war zu lange geöffnet (länger als einen Tag). Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular noch einmal.',
  invalid: 'Das Formular konnte nicht zugeordnet werden. Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular noch einmal.',
} as const;

/** Today's date in Germany (deadlines are calendar days there). */
export function berlinToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

function newReference(programme: Programme, year: number): string {
  const prefix = programme.slug
    .split('-')
    .map((p) => p[0]!.toUpperCase())
    .join('')
    .slice(0, 3);
  const code = crypto.randomBytes(4).readUInt32BE() % 1_000_000;
  return `${prefix.length > 1 ? prefix : programme.slug.slice(0, 2).toUpperCase()}-${year}-${String(code).padStart(6, '0')}`;
}

export async function submitApplication(
  db: Db,
  programme: Programme,
  submission: ApplicationSubmission,
  ctx: { clientAddress: string; now?: Date },
): Promise<ApplicationSubmitResult> {
  const now = ctx.now ?? new Date();
  if (submission.honeypot.trim() !== '') {
    log.info('funding.application.refused', { reason: 'honeypot' });
    return { status: 'ignored' };
  }
  const secret = await getFormSecret(db);
  const tokenCheck = checkFormToken(secret, submission.token, now);
  if (tokenCheck !== 'ok') return { status: 'refused', message: TOKEN_MESSAGES[tokenCheck] };

  const check = checkApplication(submission.values, programme, berlinToday(now));
  if (!check.ok) return { status: 'invalid', errors: check.errors };
  const input = check.value;

  const clientKey = crypto.createHmac('sha256', secret).update(ctx.clientAddress).digest('base64url').slice(0, 22);
  const limit = await hitRateLimit(db, `funding:client:${clientKey}`, APPLICATION_RATE_LIMIT, now);
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfter / 60));
    return {
      status: 'refused',
      message: `Von Ihrem Anschluss kamen in der letzten Zeit viele Anträge. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} noch einmal – Ihre Angaben sind erhalten geblieben.`,
    };
  }

  const token = crypto.randomBytes(24).toString('base64url');
  const budgetYear = Number(input.periodStart.slice(0, 4));
  const purgeAfter = new Date(Date.parse(`${input.periodEnd}T00:00:00Z`) + programme.retentionDays * DAY_MS);
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(fundingApplications)
      .values({
        programmeId: programme.id,
        reference: newReference(programme, budgetYear),
        accessTokenHash: sha256(token),
        budgetYear,
        organisation: input.organisation,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        consentAt: now,
        title: input.title,
        description: input.description,
        area: input.area,
        targetGroup: input.targetGroup,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        costLines: input.costLines,
        requestedCents: input.requestedCents,
        otherFunding: input.otherFunding,
        purgeAfter,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: fundingApplications.id, reference: fundingApplications.reference });
    // The title and the organisation only: never the contact person's data.
    await notify(tx, {
      roles: ['redaktion', 'admin'],
      kind: 'funding.application.new',
      title: `Neuer Förderantrag ${created!.reference}`,
      body: `${input.organisation} beantragt Mittel aus „${programme.title}“ für „${input.title.slice(0, 120)}“.`,
      link: `/admin/foerderung/antraege/${created!.id}`,
    });
    return created!;
  });
  log.info('funding.application.received', { id: row.id });
  return { status: 'created', id: row.id, reference: row.reference, token };
}

export interface ApplicantView {
  id: string;
  reference: string;
  programmeId: string;
  title: string;
  organisation: string;
  state: FundingApplicationState;
  requestedCents: number;
  approvedCents: number | null;
  costLines: FundingCostLine[];
  createdAt: Date;
  messages: { kind: 'rueckfrage' | 'antwort'; body: string; createdAt: Date }[];
  decision: { outcome: string; amountCents: number | null; decidedOn: string; body: string; reasons: string } | null;
}

/** The application a private link opens, or null (an unknown or malformed token). */
export async function applicationByToken(db: Db, token: string): Promise<ApplicantView | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [app] = await db.select().from(fundingApplications).where(eq(fundingApplications.accessTokenHash, sha256(token)));
  if (!app) return null;
  const messages = await db
    .select({ kind: fundingMessages.kind, body: fundingMessages.body, createdAt: fundingMessages.createdAt })
    .from(fundingMessages)
    .where(eq(fundingMessages.applicationId, app.id))
    .orderBy(asc(fundingMessages.createdAt));
  const [decision] = await db
    .select({ outcome: fundingDecisions.outcome, amountCents: fundingDecisions.amountCents, decidedOn: fundingDecisions.decidedOn, body: fundingDecisions.body, reasons: fundingDecisions.reasons })
    .from(fundingDecisions)
    .where(eq(fundingDecisions.applicationId, app.id));
  return {
    id: app.id,
    reference: app.reference,
    programmeId: app.programmeId,
    title: app.title,
    organisation: app.organisation,
    state: app.state,
    requestedCents: app.requestedCents,
    approvedCents: app.approvedCents,
    costLines: app.costLines,
    createdAt: app.createdAt,
    messages,
    decision: decision ?? null,
  };
}

export type AnswerResult = { status: 'answered' } | { status: 'invalid'; errors: Record<string, string> } | { status: 'notFound' };

/** The applicant answers an open query through the private link. */
export async function answerQuery(db: Db, token: string, body: string, now: Date = new Date()): Promise<AnswerResult> {
  const app = await applicationByToken(db, token);
  if (!app) return { status: 'notFound' };
  const text = body.trim();
  if (app.state !== 'rueckfrage') return { status: 'invalid', errors: { answer: 'Zu diesem Antrag ist keine Rückfrage offen.' } };
  if (text.length < 2) return { status: 'invalid', errors: { answer: 'Bitte geben Sie eine Antwort ein.' } };
  if (text.length > 10_000) return { status: 'invalid', errors: { answer: 'Höchstens 10.000 Zeichen.' } };
  if (hasUnstorableText(text)) return { status: 'invalid', errors: { answer: 'Der Text enthält Zeichen, die nicht gespeichert werden können.' } };
  await inTransaction(db, async (tx) => {
    await tx.insert(fundingMessages).values({ applicationId: app.id, kind: 'antwort', body: text, createdAt: now });
    await tx.update(fundingApplications).set({ state: 'eingegangen', updatedAt: now }).where(eq(fundingApplications.id, app.id));
    await notify(tx, {
      roles: ['redaktion', 'admin'],
      kind: 'funding.application.answer',
      title: `Antwort zum Förderantrag ${app.reference}`,
      body: `Die Antragstellenden haben die Rückfrage zu „${app.title.slice(0, 120)}“ beantwortet.`,
      link: `/admin/foerderung/antraege/${app.id}`,
    });
  });
  return { status: 'answered' };
}
