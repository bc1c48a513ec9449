/**
 * E-mail delivery from the `outbox` table through SMTP (nodemailer) when SMTP_URL and MAIL_FROM
 * are set; otherwise mails wait in the outbox (the dashboard tells administrators).
 * Each attempt is counted before sending (a crash counts as an attempt, and two processes never
 * send the same mail); failures back off exponentially and give up after MAX_ATTEMPTS.
 * Logs carry counts and ids only: never addresses, subjects or bodies.
 */
import { and, asc, count, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { outbox } from '../db/schema';
import { log } from '../log/log';

export const MAX_ATTEMPTS = 8;
/** Minutes before the n-th retry: 1, 2, 4, 8 … (at most 12 hours). */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 12 * 60);
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** What delivery needs from a transport (nodemailer's `Transporter` fits; tests pass a fake). */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

export interface SmtpConfig {
  url: string;
  from: string;
}

export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim();
  return url && from ? { url, from } : null;
}

export function isSmtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return smtpConfigFromEnv(env) !== null;
}

let cached: { url: string; transport: MailTransport } | null = null;

async function smtpTransport(config: SmtpConfig): Promise<MailTransport> {
  if (cached?.url === config.url) return cached.transport;
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(config.url) as unknown as MailTransport;
  cached = { url: config.url, transport };
  return transport;
}

export interface DeliveryReport {
  /** False when no transport was given and SMTP is not configured: nothing was tried. */
  configured: boolean;
  sent: number;
  failed: number;
  /** Mails still waiting after this run (including those given up on). */
  pending: number;
}

/** Strips e-mail addresses from SMTP error texts before they are stored. */
export function redactError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[Adresse]').slice(0, 500);
}

export async function countPendingMails(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt));
  return Number(row?.n ?? 0);
}

/** Mails that will not be retried any more (for the administrators' dashboard). */
export async function countFailedMails(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), sql`${outbox.attempts} >= ${MAX_ATTEMPTS}`));
  return Number(row?.n ?? 0);
}

/**
 * Sends due mails. `transport` defaults to SMTP from the environment; `from` to MAIL_FROM.
 * Due: not sent, fewer than MAX_ATTEMPTS attempts, and past the back-off after the last one
 * (measured from creation: created_at + 1 + 2 + 4 … minutes).
 */
export async function deliverOutbox(
  db: Db,
  transport?: MailTransport,
  options: { from?: string; now?: Date; batchSize?: number } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const config = smtpConfigFromEnv();
  const from = options.from ?? config?.from ?? 'vielfalt@localhost';
  const sender = transport ?? (config ? await smtpTransport(config) : null);
  if (!sender) return { configured: false, sent: 0, failed: 0, pending: await countPendingMails(db) };

  const candidates = await db
    .select({ id: outbox.id, recipient: outbox.recipient, subject: outbox.subject, body: outbox.body, attempts: outbox.attempts, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(outbox.createdAt))
    .limit(options.batchSize ?? 100);

  let sent = 0;
  let failed = 0;
  for (const mail of candidates) {
    if (mail.attempts > 0) {
      let waitMinutes = 0;
      for (let n = 1; n <= mail.attempts; n++) waitMinutes += retryDelayMinutes(n);
      if (mail.createdAt.getTime() + waitMinutes * 60_000 > now.getTime()) continue;
    }
    // Claim: only the process that moves attempts from n to n+1 sends.
    const [claimed] = await db
      .update(outbox)
      .set({ attempts: mail.attempts + 1 })
      .where(and(eq(outbox.id, mail.id), eq(outbox.attempts, mail.attempts), isNull(outbox.sentAt)))
      .returning({ id: outbox.id });
    if (!claimed) continue;
    try {
      await sender.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.body });
      await db.update(outbox).set({ sentAt: new Date(), lastError: null }).where(eq(outbox.id, mail.id));
      sent++;
    } catch (error) {
      await db.update(outbox).set({ lastError: redactError(error) }).where(eq(outbox.id, mail.id));
      failed++;
      log.warn('mail.failed', { outboxId: mail.id, attempt: mail.attempts + 1, finalAttempt: mail.attempts + 1 >= MAX_ATTEMPTS });
    }
  }
  const pending = await countPendingMails(db);
  if (sent || failed) log.info('mail.delivered', { sent, failed, pending });
  return { configured: true, sent, failed, pending };
}
