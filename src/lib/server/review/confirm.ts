/**
 * "Geprüft, unverändert": one click says the measure was checked and is still right. Sets
 * "zuletzt geprüft" (today, city time) and by whom, moves `updated_at` on (the public "Stand":
 * the text is confirmed current), appends a revision without content change
 * (comment "Geprüft, unverändert") and an audit entry. The content version (optimistic lock of
 * the edit form) stays: nothing of the content changed, an open edit is not turned into a
 * conflict. Editors may confirm any published measure; contributors the measures of their
 * actors (responsible, or listed under their office: the measures of their due list). A
 * contributor's confirmation does not wait for review: it changes no content, only the review
 * date, and it is recorded (who, when) in the history and the audit log.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { queryRows } from '../db/connection';
import { catalogues, measures } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { isUuid } from '../text/uuid';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { recordMeasureRevision } from '../editing/measures/measure-revisions';
import { ANSWERS_SQL } from './queries';
import { parseReviewInterval, todayOf } from './due';

export const CONFIRMED_UNCHANGED_COMMENT = 'Geprüft, unverändert';

/** The actors answering for a measure (responsible, or its office node): a contributor's scope for reviews. */
export async function answeringActorIds(db: Db, measureId: string): Promise<string[]> {
  const rows = await queryRows<{ actor_id: string }>(
    db,
    sql`with answers as (${ANSWERS_SQL}) select distinct actor_id from answers where measure_id = ${measureId}::uuid`,
  );
  return rows.map((r) => String(r.actor_id));
}

export interface ConfirmResult {
  id: string;
  lastReviewedAt: string;
}

export async function confirmUnchanged(db: Db, user: SessionUser, measureId: string, options: { now?: Date } = {}): Promise<ConfirmResult> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (tx) => {
    if (!isUuid(measureId)) throw new NotFoundError('Die Maßnahme');
    const [row] = await tx.select().from(measures).where(eq(measures.id, measureId)).for('update');
    if (!row) throw new NotFoundError('Die Maßnahme');
    authorize(user, 'measure.edit', { actorIds: await answeringActorIds(tx, measureId) });
    if (row.workflowState !== 'veroeffentlicht' || row.isGap)
      throw new WorkflowError('Nur veröffentlichte Maßnahmen werden regelmäßig geprüft.');
    const today = todayOf(now);
    // updated_at moves on like with every revision: the public "Stand" is now the review's date
    // (the text was confirmed current), and the change feeds see a "reviewed" entry.
    await tx.update(measures).set({ lastReviewedAt: today, lastReviewedBy: user.id, updatedAt: now }).where(eq(measures.id, measureId));
    await recordMeasureRevision(tx, measureId, { authorId: user.id, comment: CONFIRMED_UNCHANGED_COMMENT });
    await recordAudit(tx, {
      userId: user.id,
      action: 'measure.review.confirm',
      entityType: 'measure',
      entityId: measureId,
      details: { title: row.title, previous: row.lastReviewedAt, reviewedAt: today },
      at: now,
    });
    return { id: measureId, lastReviewedAt: today };
  });
}

/** Sets a catalogue's review interval (Redaktion): audited, not a content change. */
export async function setCatalogueReviewInterval(db: Db, user: SessionUser, catalogueId: string, value: unknown): Promise<number> {
  authorize(user, 'structure.edit');
  const parsed = parseReviewInterval(value, { optional: false });
  if (!parsed.ok) throw new ValidationError({ reviewIntervalMonths: parsed.error });
  return inTransaction(db, async (tx) => {
    if (!isUuid(catalogueId)) throw new NotFoundError('Der Katalog');
    const [row] = await tx.select().from(catalogues).where(eq(catalogues.id, catalogueId)).for('update');
    if (!row) throw new NotFoundError('Der Katalog');
    await tx.update(catalogues).set({ reviewIntervalMonths: parsed.months! }).where(eq(catalogues.id, catalogueId));
    await recordAudit(tx, {
      userId: user.id,
      action: 'catalogue.review.interval',
      entityType: 'catalogue',
      entityId: catalogueId,
      details: { title: row.title, from: row.reviewIntervalMonths, to: parsed.months },
    });
    return parsed.months!;
  });
}

/** Sets (or clears: empty) a measure's own review interval (editors): audited, not a content change. */
export async function setMeasureReviewInterval(db: Db, user: SessionUser, measureId: string, value: unknown): Promise<number | null> {
  authorize(user, 'measure.publish');
  const parsed = parseReviewInterval(value, { optional: true });
  if (!parsed.ok) throw new ValidationError({ reviewIntervalMonths: parsed.error });
  return inTransaction(db, async (tx) => {
    if (!isUuid(measureId)) throw new NotFoundError('Die Maßnahme');
    const [row] = await tx.select().from(measures).where(eq(measures.id, measureId)).for('update');
    if (!row) throw new NotFoundError('Die Maßnahme');
    await tx.update(measures).set({ reviewIntervalMonths: parsed.months }).where(eq(measures.id, measureId));
    await recordAudit(tx, {
      userId: user.id,
      action: 'measure.review.interval',
      entityType: 'measure',
      entityId: measureId,
      details: { title: row.title, from: row.reviewIntervalMonths, to: parsed.months },
    });
    return parsed.months;
  });
}
