/** A measure's review state for its edit page: last review, interval (own or the catalogue's), due date and status. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { catalogues, measures } from '../db/schema';
import { isUuid } from '../text/uuid';
import { dueOn, effectiveInterval, reviewStatus, type ReviewStatus } from './due';

export interface ReviewInfo {
  /** Published and not a gap: under review at all. */
  reviewable: boolean;
  lastReviewedAt: string | null;
  ownIntervalMonths: number | null;
  catalogueIntervalMonths: number;
  intervalMonths: number;
  dueOn: string | null;
  status: ReviewStatus;
}

export async function loadReviewInfo(db: Db, measureId: string, now: Date): Promise<ReviewInfo | null> {
  if (!isUuid(measureId)) return null;
  const [row] = await db
    .select({
      workflowState: measures.workflowState,
      isGap: measures.isGap,
      lastReviewedAt: measures.lastReviewedAt,
      own: measures.reviewIntervalMonths,
      catalogue: catalogues.reviewIntervalMonths,
    })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(eq(measures.id, measureId));
  if (!row) return null;
  const intervalMonths = effectiveInterval(row.own, row.catalogue);
  const due = dueOn(row.lastReviewedAt, intervalMonths);
  return {
    reviewable: row.workflowState === 'veroeffentlicht' && !row.isGap,
    lastReviewedAt: row.lastReviewedAt,
    ownIntervalMonths: row.own,
    catalogueIntervalMonths: row.catalogue,
    intervalMonths,
    dueOn: due,
    status: reviewStatus(due, now),
  };
}
