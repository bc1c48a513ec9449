/**
 * The accessibility statement (Erklärung zur Barrierefreiheit, BITV NRW): its text is a legal
 * text like the Impressum (legal/texts.ts, page "barrierefreiheit", written by administrators);
 * beside it the date of the last review of the statement, set by administrators. The feedback
 * mechanism (barrier-reports.ts) and the enforcement body for NRW are part of every statement.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { settings } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { bumpContentVersion } from '../cache/content-version';
import { recordAudit } from '../auth/audit';
import { authorize, type SessionUser } from '../auth/policy';
import { ValidationError } from '../editing/errors';
import { getLegalText } from '../legal/texts';
import { todayOf } from '../review/due';

const REVIEWED_ON = 'accessibility.reviewedOn';

export interface AccessibilityStatement {
  text: string | null;
  /** ISO date of the last review of the statement, or null (not yet reviewed). */
  reviewedOn: string | null;
}

export async function getAccessibilityStatement(db: Db): Promise<AccessibilityStatement> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, REVIEWED_ON));
  const reviewedOn = typeof row?.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(row.value) ? row.value : null;
  return { text: await getLegalText(db, 'barrierefreiheit'), reviewedOn };
}

/** Sets the date of the last review (not in the future); audited, and the page cache moves on. */
export async function setStatementReviewedOn(db: Db, user: SessionUser, value: unknown, now: Date = new Date()): Promise<string> {
  authorize(user, 'settings.manage');
  const text = String(value ?? '').trim();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!valid) throw new ValidationError({ reviewedOn: 'Bitte geben Sie das Datum der letzten Überprüfung an (TT.MM.JJJJ).' });
  if (text > todayOf(now)) throw new ValidationError({ reviewedOn: 'Das Datum der letzten Überprüfung darf nicht in der Zukunft liegen.' });
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, REVIEWED_ON));
    await tx
      .insert(settings)
      .values({ key: REVIEWED_ON, value: text })
      .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: sql`now()` } });
    await recordAudit(tx, { userId: user.id, action: 'settings.update', entityType: 'setting', entityId: REVIEWED_ON, details: { previous: before?.value ?? null, value: text } });
    await bumpContentVersion(tx);
  });
  return text;
}
