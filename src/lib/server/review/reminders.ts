/**
 * Review reminders: one run finds every measure due today or overdue (review/due.ts) and, for
 * each person bound to an actor answering for it (contributors, user_actor_scopes) who was not
 * yet reminded of that measure for its current due date, sends ONE message listing all their
 * measures: an in-app notification and an e-mail through the outbox (notifications/notify.ts).
 * `review_reminders` records (measure, due date, person): nothing is sent twice — not after a
 * restart, not by a second instance (the job's row lock, scheduler.ts; the primary key besides).
 * A new review moves the due date, so the next time it falls due is reminded of again.
 * Editors get no mails: they see every due measure on /admin/pruefung-faellig and the dashboard.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { createTranslator, formatDateShort } from '../../i18n';
import { notify } from '../notifications/notify';
import { ANSWERS_SQL } from './queries';
import { dueOnSql, dueWithinSql, reminderDueOnSql, reviewableSql } from './due';
import { runScheduledJob, type JobRun } from './scheduler';

export const REMINDER_JOB = 'review.reminders';
/** Once a day; the maintenance timer asks more often, the job's next run decides. */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const DUE_LIST_PATH = '/admin/pruefung-faellig';

/** The personal link of a reminder: the measure's page, opened at its review section (survives the login redirect). */
export function reviewLink(measureId: string): string {
  return `/admin/massnahmen/${measureId}?pruefen=1`;
}

export interface ReminderReport extends Record<string, unknown> {
  /** People who got a message. */
  people: number;
  /** (measure, person) pairs reminded of. */
  reminders: number;
}

interface DueForPerson {
  user_id: string;
  user_name: string | null;
  measure_id: string;
  title: string;
  number: string | null;
  catalogue_title: string;
  due_on: string | Date | null;
  due_key: string | Date;
}

/** The reminders of one run, without the job lock (runReviewReminders takes it). */
export async function sendDueReminders(tx: Db, now: Date): Promise<ReminderReport> {
  const rows = await queryRows<DueForPerson>(
    tx,
    sql`with answers as (${ANSWERS_SQL}),
        due as (
          select m.id, m.title, m.number, c.title as catalogue_title, ${dueOnSql()} as due_on, ${reminderDueOnSql()} as due_key
          from measures m join catalogues c on c.id = m.catalogue_id
          where ${reviewableSql()} and ${dueWithinSql(now, 0)}
        ),
        pending as (
          select distinct u.id as user_id, u.name as user_name, d.id as measure_id, d.title, d.number, d.catalogue_title, d.due_on, d.due_key
          from due d
          join answers x on x.measure_id = d.id
          join user_actor_scopes s on s.actor_id = x.actor_id
          join users u on u.id = s.user_id and u.active and u.role = 'beitragende'
        ),
        claimed as (
          insert into review_reminders (measure_id, due_on, user_id, sent_at)
          select p.measure_id, p.due_key, p.user_id, ${now.toISOString()}::timestamptz from pending p
          on conflict do nothing
          returning measure_id, due_on, user_id
        )
        select p.* from pending p join claimed k on k.measure_id = p.measure_id and k.due_on = p.due_key and k.user_id = p.user_id
        order by p.user_id, p.due_on asc nulls first, p.catalogue_title, p.title`,
  );
  const byUser = new Map<string, DueForPerson[]>();
  for (const r of rows) byUser.set(String(r.user_id), [...(byUser.get(String(r.user_id)) ?? []), r]);
  const t = createTranslator('de');
  const base = process.env.ORIGIN ?? '';
  for (const [userId, items] of byUser) {
    const lines = items.map((r) => {
      const label = r.number ? t('admin.reviewDue.mail.itemNumbered', { number: r.number, title: r.title }) : t('admin.reviewDue.mail.item', { title: r.title });
      const when = r.due_on ? t('admin.reviewDue.mail.dueSince', { date: formatDateShort(String(r.due_on).slice(0, 10), 'de') }) : t('admin.reviewDue.mail.neverReviewed');
      return `- ${label} (${r.catalogue_title}), ${when}\n  ${base}${reviewLink(String(r.measure_id))}`;
    });
    await notify(tx, {
      userIds: [userId],
      kind: 'review.due',
      title: t('admin.reviewDue.mail.subject', { count: items.length }),
      body: [
        t('admin.reviewDue.mail.greeting', { name: items[0]!.user_name ?? '' }).replace(/ ,/, ','),
        t('admin.reviewDue.mail.intro', { count: items.length }),
        lines.join('\n'),
        t('admin.reviewDue.mail.howTo'),
        t('admin.reviewDue.mail.allDue'),
      ].join('\n\n'),
      link: DUE_LIST_PATH,
    });
  }
  return { people: byUser.size, reminders: rows.length };
}

/** One run of the reminder job (maintenance timer; tests pass a fake clock). */
export function runReviewReminders(db: Db, options: { now?: () => Date; force?: boolean } = {}): Promise<JobRun<ReminderReport>> {
  const now = (options.now ?? (() => new Date()))();
  return runScheduledJob(db, REMINDER_JOB, { now, intervalMs: REMINDER_INTERVAL_MS, force: options.force }, sendDueReminders);
}
