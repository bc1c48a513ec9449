/**
 * The one review-due rule. A published measure (not a gap) is due for review on
 * "zuletzt geprüft" + its review interval: the measure's own interval, else its catalogue's
 * (default 12 months). Never reviewed: overdue (no due date). On the due date it is "due",
 * from the day after "overdue"; "due soon" within DUE_SOON_DAYS before. Dates are calendar
 * dates of the city (i18n/format `isoDate`); months are added as PostgreSQL adds them (the
 * 31st + 1 month is the 28th/29th/30th), in SQL (`dueOnSql`) and here alike.
 */
import { sql, type SQL } from 'drizzle-orm';
import { isoDate } from '../../i18n/format';

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;
export const MIN_REVIEW_INTERVAL_MONTHS = 1;
export const MAX_REVIEW_INTERVAL_MONTHS = 120;
/** "Bald fällig": due within this many days. */
export const DUE_SOON_DAYS = 30;

export type ReviewStatus = 'current' | 'dueSoon' | 'due' | 'overdue';

/** Today in the city's time zone (ISO date). */
export function todayOf(now: Date): string {
  return isoDate(now);
}

/** `date` (ISO) plus `months` calendar months, clamped to the month's end (PostgreSQL's `date + interval`). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function effectiveInterval(measureMonths: number | null | undefined, catalogueMonths: number | null | undefined): number {
  return measureMonths ?? catalogueMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
}

/** The due date (ISO) of a measure last reviewed on `lastReviewedAt`; null when never reviewed (overdue). */
export function dueOn(lastReviewedAt: string | null, intervalMonths: number): string | null {
  return lastReviewedAt === null ? null : addMonths(lastReviewedAt, intervalMonths);
}

export function reviewStatus(due: string | null, now: Date): ReviewStatus {
  const today = todayOf(now);
  if (due === null || due < today) return 'overdue';
  if (due === today) return 'due';
  return due <= addDays(today, DUE_SOON_DAYS) ? 'dueSoon' : 'current';
}

/** Whether a measure last reviewed on `lastReviewedAt` (null: never) is overdue at `now`. */
export function isOverdue(lastReviewedAt: string | null, now: Date, intervalMonths = DEFAULT_REVIEW_INTERVAL_MONTHS): boolean {
  return lastReviewedAt === null || addMonths(lastReviewedAt, intervalMonths) < todayOf(now);
}

/** The ISO date before which a last review is overdue at `now` (for one interval). */
export function overdueCutoffDate(now: Date, intervalMonths = DEFAULT_REVIEW_INTERVAL_MONTHS): string {
  // The latest review date d with d + interval < today, plus one day: today - interval months.
  return addMonths(todayOf(now), -intervalMonths);
}

/** Validates a review interval typed in the back office: whole months 1…120, or empty (null) where allowed. */
export function parseReviewInterval(value: unknown, { optional }: { optional: boolean }): { ok: true; months: number | null } | { ok: false; error: string } {
  const text = String(value ?? '').trim();
  if (!text) return optional ? { ok: true, months: null } : { ok: false, error: 'Bitte geben Sie ein Prüfintervall in Monaten an.' };
  if (!/^\d+$/.test(text)) return { ok: false, error: 'Bitte geben Sie das Prüfintervall als ganze Zahl von Monaten an.' };
  const months = Number(text);
  if (months < MIN_REVIEW_INTERVAL_MONTHS || months > MAX_REVIEW_INTERVAL_MONTHS)
    return { ok: false, error: `Das Prüfintervall muss zwischen ${MIN_REVIEW_INTERVAL_MONTHS} und ${MAX_REVIEW_INTERVAL_MONTHS} Monaten liegen.` };
  return { ok: true, months };
}

/**
 * The due date in SQL (null: never reviewed) for a measure row aliased `m` joined to its
 * catalogue aliased `c` (table-qualified column names, usable in correlated subqueries).
 */
export function dueOnSql(m = 'm', c = 'c'): SQL {
  const mm = sql.raw(m);
  const cc = sql.raw(c);
  return sql`((${mm}.last_reviewed_at + make_interval(months => coalesce(${mm}.review_interval_months, ${cc}.review_interval_months, ${sql.raw(String(DEFAULT_REVIEW_INTERVAL_MONTHS))})))::date)`;
}

/**
 * The due date a reminder is sent for: the due date, or for a measure never reviewed its
 * creation date (a fixed key, so it is reminded of once until it is reviewed).
 */
export function reminderDueOnSql(m = 'm', c = 'c'): SQL {
  return sql`coalesce(${dueOnSql(m, c)}, (${sql.raw(m)}.created_at at time zone 'Europe/Berlin')::date)`;
}

/** Measures under review at all: published, not a gap. */
export function reviewableSql(m = 'm'): SQL {
  const mm = sql.raw(m);
  return sql`(${mm}.workflow_state = 'veroeffentlicht' and not ${mm}.is_gap)`;
}

/** Overdue at `now`: never reviewed, or the due date is before today. */
export function overdueSql(now: Date, m = 'm', c = 'c'): SQL {
  return sql`(${sql.raw(m)}.last_reviewed_at is null or ${dueOnSql(m, c)} < ${todayOf(now)}::date)`;
}

/** Due at `now` within `days` (0: due today or overdue). */
export function dueWithinSql(now: Date, days: number, m = 'm', c = 'c'): SQL {
  return sql`(${sql.raw(m)}.last_reviewed_at is null or ${dueOnSql(m, c)} <= ${addDays(todayOf(now), days)}::date)`;
}
