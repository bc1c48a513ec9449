/**
 * Writing to the audit log: logins, lockouts, role changes, publications, exports. Details must
 * never contain passwords, password hashes or tokens.
 */
import type { Db } from '../db/connection';
import { auditLog } from '../db/schema';
import { toStorableText, toStorableValue } from '../text/storable';

export interface AuditEntry {
  /** What happened, dotted: "login.success", "user.role.change", "audit.export", "measure.publish" … */
  action: string;
  /** The user who did it (null for anonymous attempts or the CLI). */
  userId?: string | null;
  /** Label when there is no user ("CLI", "Import"). */
  actorLabel?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

/** Writes one entry. Text that PostgreSQL cannot store (a NUL in a login attempt's e-mail) is
 *  replaced by U+FFFD rather than losing the entry: auditing never depends on the input. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const text = (value: string | null | undefined) => (value == null ? null : toStorableText(value));
  await db.insert(auditLog).values({
    action: entry.action,
    userId: entry.userId ?? null,
    actorLabel: text(entry.actorLabel),
    entityType: text(entry.entityType),
    entityId: text(entry.entityId),
    details: toStorableValue(entry.details ?? {}),
    ...(entry.at ? { at: entry.at } : {}),
  });
}
