/**
 * Writing to the audit log: logins, lockouts, role changes, publications, exports. Details must
 * never contain passwords, password hashes or tokens.
 */
import type { Db } from '../db/connection';
import { auditLog } from '../db/schema';

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

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    userId: entry.userId ?? null,
    actorLabel: entry.actorLabel ?? null,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    ...(entry.at ? { at: entry.at } : {}),
  });
}
