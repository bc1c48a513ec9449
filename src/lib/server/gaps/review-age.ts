/**
 * When a measure is overdue for review. The rule is the dashboard's (dashboard/my-tasks.ts,
 * `staleMeasures`): the last review ("zuletzt geprüft") is more than twelve months ago, or the
 * measure was never reviewed. That function inlines the cutoff in its query instead of exporting
 * it, so the same rule is written once more here, with the same arithmetic (calendar year, UTC).
 */
export const REVIEW_INTERVAL_MONTHS = 12;

/** The ISO date before which a last review is overdue at `now`. */
export function reviewCutoffDate(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - REVIEW_INTERVAL_MONTHS);
  return cutoff.toISOString().slice(0, 10);
}

/** Whether a measure last reviewed on `lastReviewedAt` (ISO date, or null: never) is overdue at `now`. */
export function isOverdue(lastReviewedAt: string | null, now: Date): boolean {
  return lastReviewedAt === null || lastReviewedAt < reviewCutoffDate(now);
}
