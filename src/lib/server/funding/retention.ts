/**
 * Applicants' personal data (contact person, e-mail) is deleted once `purge_after` has passed:
 * the programme's `retentionDays` after the end of the funded period. The application stays.
 */
import { and, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog, fundingApplications } from '../db/schema';

export async function purgeExpiredApplicantData(db: Db, now: Date = new Date()): Promise<number> {
  const purged = await db
    .update(fundingApplications)
    .set({ contactName: null, contactEmail: null, purgedAt: now })
    .where(and(isNotNull(fundingApplications.purgeAfter), lte(fundingApplications.purgeAfter, now), isNull(fundingApplications.purgedAt)))
    .returning({ id: fundingApplications.id });
  if (purged.length)
    await db.insert(auditLog).values({ actorLabel: 'Wartung', action: 'funding.contactsPurged', entityType: 'funding_application', details: { count: purged.length } });
  return purged.length;
}
