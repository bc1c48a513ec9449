/**
 * The editable introduction of a year's generated Jahresrückblick (annual_reviews). Editors
 * (`measure.publish`) write it in the back office; the import puts the printed foreword there
 * only while there is none. Every change gets a revision (entity "annual_review") and an audit
 * entry; the content-version trigger on annual_reviews invalidates the cached public pages.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { annualReviews, auditLog } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { findMunicipalityId } from '../catalogue/municipality';
import { recordRevisions } from '../revisions/record';
import { UserInputError } from '../auth/users';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../text/storable';

export const MAX_INTRODUCTION_LENGTH = 20_000;

export function parseYear(value: unknown): number | null {
  const year = Number(value);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

/** Sets a year's introduction (empty: none). Callers authorise `measure.publish`. */
export async function setReviewIntroduction(db: Db, userId: string, municipality: string, yearValue: unknown, value: unknown): Promise<string | null> {
  const year = parseYear(yearValue);
  if (!year) throw new UserInputError('Bitte ein Jahr zwischen 1900 und 2200 angeben.', 'year');
  const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  if (text.length > MAX_INTRODUCTION_LENGTH)
    throw new UserInputError(`Die Einleitung ist zu lang (höchstens ${MAX_INTRODUCTION_LENGTH.toLocaleString('de-DE')} Zeichen).`, 'introduction');
  if (hasUnstorableText(text)) throw new UserInputError(UNSTORABLE_TEXT_MESSAGE, 'introduction');
  const municipalityId = await findMunicipalityId(db, municipality);
  if (!municipalityId) throw new UserInputError('Unbekannte Kommune.', 'year');
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(annualReviews)
      .where(and(eq(annualReviews.municipalityId, municipalityId), eq(annualReviews.year, year)));
    if ((before?.introduction ?? '') === text) return text || null;
    const [row] = before
      ? await tx.update(annualReviews).set({ introduction: text || null, updatedAt: new Date() }).where(eq(annualReviews.id, before.id)).returning()
      : await tx.insert(annualReviews).values({ municipalityId, year, introduction: text || null }).returning();
    await recordRevisions(tx, [{ entityType: 'annual_review', entityId: row!.id, state: row, authorId: userId, comment: 'Einleitung bearbeitet' }]);
    await tx.insert(auditLog).values({
      userId,
      action: 'annual_review.update',
      entityType: 'annual_review',
      entityId: row!.id,
      details: { year, length: text.length, previous: before?.introduction ?? null },
    });
    return text || null;
  });
}

export async function getReviewIntroduction(db: Db, municipality: string, year: number): Promise<string | null> {
  const municipalityId = await findMunicipalityId(db, municipality);
  if (!municipalityId) return null;
  const [row] = await db
    .select({ introduction: annualReviews.introduction })
    .from(annualReviews)
    .where(and(eq(annualReviews.municipalityId, municipalityId), eq(annualReviews.year, year)));
  return row?.introduction ?? null;
}
