/**
 * When a measure is overdue for review: the rule lives in review/due.ts (per-catalogue and
 * per-measure intervals, default twelve months); these names stay for the gap analysis.
 */
import { DEFAULT_REVIEW_INTERVAL_MONTHS, isOverdue, overdueCutoffDate } from '../review/due';

export const REVIEW_INTERVAL_MONTHS = DEFAULT_REVIEW_INTERVAL_MONTHS;

/** The ISO date before which a last review is overdue at `now` (default interval). */
export function reviewCutoffDate(now: Date): string {
  return overdueCutoffDate(now);
}

export { isOverdue };
