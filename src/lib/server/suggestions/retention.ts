/**
 * Retention: submitters' contact data is deleted once its `purge_after` has passed (set at
 * submission and again at the decision, from `suggestions.retentionDays`). The suggestion itself
 * stays; the consent time stays as the record that consent was given.
 */
import { and, isNotNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog, suggestions } from '../db/schema';
import { log } from '../log/log';

/** Deletes expired contact data; returns how many suggestions were affected. */
export async function purgeExpiredSuggestionContacts(db: Db, now: Date = new Date()): Promise<number> {
  const purged = await db
    .update(suggestions)
    .set({ contactName: null, contactEmail: null, purgeAfter: null })
    .where(
      and(
        isNotNull(suggestions.purgeAfter),
        lte(suggestions.purgeAfter, now),
        or(isNotNull(suggestions.contactName), isNotNull(suggestions.contactEmail)),
      ),
    )
    .returning({ id: suggestions.id });
  // Rows without contact data left whose date passed need nothing; clear their date quietly.
  await db
    .update(suggestions)
    .set({ purgeAfter: null })
    .where(and(isNotNull(suggestions.purgeAfter), lte(suggestions.purgeAfter, now)));
  if (purged.length) {
    await db.insert(auditLog).values({
      actorLabel: 'Wartung',
      action: 'suggestion.contactsPurged',
      entityType: 'suggestion',
      details: { count: purged.length },
    });
    log.info('suggestions.contactsPurged', { count: purged.length });
  }
  return purged.length;
}
