/**
 * The legal pages' texts (/impressum, /datenschutz, /barrierefreiheit): written by administrators in the back
 * office (`settings.manage`), kept in `settings` under `legal.<page>`. Until one is written, the
 * page shows a German placeholder that says what has to go there (message catalogue). Saving
 * an empty text removes it (the placeholder is back). Every change is audit-logged with the text
 * it replaced and moves the content version on, so no cached page keeps the old text.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog, settings } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { bumpContentVersion } from '../cache/content-version';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../text/storable';

export const LEGAL_PAGES = ['impressum', 'datenschutz', 'barrierefreiheit'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

export const MAX_LEGAL_TEXT_LENGTH = 50_000;

export function isLegalPage(value: unknown): value is LegalPage {
  return typeof value === 'string' && (LEGAL_PAGES as readonly string[]).includes(value);
}

const keyOf = (page: LegalPage) => `legal.${page}`;

/** The text an administrator wrote, or null (then the page shows the placeholder). */
export async function getLegalText(db: Db, page: LegalPage): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, keyOf(page)));
  return typeof row?.value === 'string' && row.value.trim() ? row.value : null;
}

export async function getLegalTexts(db: Db): Promise<Record<LegalPage, string | null>> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, LEGAL_PAGES.map(keyOf)));
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    LEGAL_PAGES.map((page) => {
      const value = byKey.get(keyOf(page));
      return [page, typeof value === 'string' && value.trim() ? value : null];
    }),
  ) as Record<LegalPage, string | null>;
}

export class LegalTextInputError extends Error {
  constructor(message = `Der Text ist zu lang (höchstens ${MAX_LEGAL_TEXT_LENGTH.toLocaleString('de-DE')} Zeichen).`) {
    super(message);
    this.name = 'LegalTextInputError';
  }
}

/** Sets (or, when empty, removes) a legal page's text; callers authorise `settings.manage`. */
export async function setLegalText(db: Db, userId: string | null, page: LegalPage, value: unknown): Promise<string | null> {
  const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  if (text.length > MAX_LEGAL_TEXT_LENGTH) throw new LegalTextInputError();
  // PostgreSQL cannot store a NUL character (or a lone surrogate): refuse it at the field, not with a 500.
  if (hasUnstorableText(text)) throw new LegalTextInputError(UNSTORABLE_TEXT_MESSAGE);
  const key = keyOf(page);
  await inTransaction(db, async (tx) => {
    // The text replaced goes into the audit entry: nothing public is lost without a way back.
    const [before] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
    const previous = typeof before?.value === 'string' ? before.value : null;
    if (text) {
      await tx
        .insert(settings)
        .values({ key, value: text })
        .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: sql`now()` } });
    } else {
      await tx.delete(settings).where(eq(settings.key, key));
    }
    await tx.insert(auditLog).values({ userId, action: 'settings.update', entityType: 'setting', entityId: key, details: { length: text.length, previous } });
    await bumpContentVersion(tx);
  });
  return text || null;
}
