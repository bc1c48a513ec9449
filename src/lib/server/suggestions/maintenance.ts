/**
 * Routine jobs of the running server and of `vielfalt maintenance`: delete expired contact
 * data of suggestions (daily), queue review reminders (review/reminders.ts: asked hourly, the
 * job's state in the database runs it daily, once across instances) and deliver queued e-mails
 * (every minute, when SMTP is set).
 * Timers are unref'd, so they never keep a process alive; errors are logged, never thrown.
 */
import type { Db } from '../db/connection';
import { errorFields, log } from '../log/log';
import { deliverOutbox, isSmtpConfigured, type DeliveryReport, type MailTransport } from '../notifications/delivery';
import { purgeExpiredSuggestionContacts } from './retention';
import { runReviewReminders, type ReminderReport } from '../review/reminders';

/** A further purge of expired personal data (e.g. funding applicants'); returns how many records it cleared. */
export type PurgeTask = (db: Db, now: Date) => Promise<number>;

export interface MaintenanceReport {
  purgedContacts: number;
  /** Null when the reminder job was not due (or another instance ran it). */
  reminders: ReminderReport | null;
  mail: DeliveryReport;
}

/** One maintenance run: purge, review reminders, then deliver (without SMTP the mails stay queued). */
export async function runMaintenance(
  db: Db,
  options: { now?: Date; transport?: MailTransport; purgeTasks?: readonly PurgeTask[] } = {},
): Promise<MaintenanceReport> {
  const now = options.now ?? new Date();
  let purgedContacts = await purgeExpiredSuggestionContacts(db, now);
  for (const task of options.purgeTasks ?? []) purgedContacts += await task(db, now);
  const run = await runReviewReminders(db, { now: () => now });
  const mail = await deliverOutbox(db, options.transport, { now: options.now });
  return { purgedContacts, reminders: run.ran ? run.result : null, mail };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAIL_INTERVAL_MS = 60 * 1000;
const REMINDER_CHECK_MS = 60 * 60 * 1000;

// On globalThis: Vite's dev server re-evaluates modules; a second start must replace the first.
const KEY = Symbol.for('vielfalt.maintenance');
type Holder = { [KEY]?: () => void };
const holder = globalThis as Holder;

/**
 * Starts the server's routine jobs: purge now and then daily; review reminders now and then
 * hourly (they run when their next run is due); deliver mail every minute when
 * SMTP_URL and MAIL_FROM are set. Returns a function that stops them.
 */
export function startMaintenance(
  db: Db,
  options: { purgeIntervalMs?: number; mailIntervalMs?: number; reminderIntervalMs?: number; purgeTasks?: readonly PurgeTask[] } = {},
): () => void {
  holder[KEY]?.();
  let purging = false;
  let delivering = false;
  let reminding = false;
  const remind = async () => {
    if (reminding) return;
    reminding = true;
    try {
      const run = await runReviewReminders(db);
      if (run.ran && run.result.people) log.info('review.reminders', run.result);
    } catch (error) {
      log.error('maintenance.remindersFailed', errorFields(error));
    } finally {
      reminding = false;
    }
  };
  const purge = async () => {
    if (purging) return;
    purging = true;
    try {
      await purgeExpiredSuggestionContacts(db);
      for (const task of options.purgeTasks ?? []) await task(db, new Date());
    } catch (error) {
      log.error('maintenance.purgeFailed', errorFields(error));
    } finally {
      purging = false;
    }
  };
  const deliver = async () => {
    if (delivering || !isSmtpConfigured()) return;
    delivering = true;
    try {
      await deliverOutbox(db);
    } catch (error) {
      log.error('maintenance.mailFailed', errorFields(error));
    } finally {
      delivering = false;
    }
  };
  void purge().then(remind).then(deliver);
  const timers = [
    setInterval(() => void purge(), options.purgeIntervalMs ?? DAY_MS),
    setInterval(() => void remind(), options.reminderIntervalMs ?? REMINDER_CHECK_MS),
    setInterval(() => void deliver(), options.mailIntervalMs ?? MAIL_INTERVAL_MS),
  ];
  for (const t of timers) t.unref();
  const stop = () => {
    for (const t of timers) clearInterval(t);
    if (holder[KEY] === stop) delete holder[KEY];
  };
  holder[KEY] = stop;
  return stop;
}
