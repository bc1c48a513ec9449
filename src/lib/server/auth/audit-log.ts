/**
 * Reading the audit log (/admin/protokoll, `audit.read`): filters from the query string
 * (aktion, benutzer, von, bis, seite), pages, and the CSV export — which is itself logged
 * (`audit.export`).
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../db/connection';
import { auditLog, users } from '../db/schema';
import { recordAudit } from './audit';
import { authorize, type SessionUser } from './policy';
import { csvDocument } from '../util/csv';

/** Kept here for callers of the audit log module; the writer lives in util/csv.ts. */
export { csvField } from '../util/csv';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX = 100_000;
const TIME_ZONE = 'Europe/Berlin';

export interface AuditFilter {
  action: string | null;
  userId: string | null;
  /** Inclusive calendar days (Europe/Berlin), yyyy-mm-dd. */
  from: string | null;
  to: string | null;
}

export interface ParsedAuditQuery {
  filter: AuditFilter;
  page: number;
  /** German messages for parameters that were ignored, by parameter name. */
  errors: Partial<Record<'von' | 'bis' | 'benutzer', string>>;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
function validDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads the filter from a query string; invalid values are dropped and reported. */
export function parseAuditQuery(params: URLSearchParams): ParsedAuditQuery {
  const errors: ParsedAuditQuery['errors'] = {};
  const text = (name: string) => params.get(name)?.trim() || null;
  const action = text('aktion')?.slice(0, 100) ?? null;
  let userId = text('benutzer');
  if (userId && !z.string().uuid().safeParse(userId).success) {
    errors.benutzer = 'Unbekanntes Konto.';
    userId = null;
  }
  let from = text('von');
  if (from && !validDay(from)) {
    errors.von = 'Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).';
    from = null;
  }
  let to = text('bis');
  if (to && !validDay(to)) {
    errors.bis = 'Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).';
    to = null;
  }
  if (from && to && from > to) errors.bis = 'Das Enddatum liegt vor dem Anfangsdatum.';
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.get('seite') ?? '1', 10) || 1));
  return { filter: { action, userId, from, to }, page, errors };
}

/** The same filter as a query string (for pagination and export links). */
export function auditQueryString(filter: AuditFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  if (filter.action) params.set('aktion', filter.action);
  if (filter.userId) params.set('benutzer', filter.userId);
  if (filter.from) params.set('von', filter.from);
  if (filter.to) params.set('bis', filter.to);
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function conditions(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  if (filter.userId) parts.push(eq(auditLog.userId, filter.userId));
  if (filter.from) parts.push(gte(auditLog.at, sql`((${filter.from})::date)::timestamp at time zone ${TIME_ZONE}`));
  if (filter.to) parts.push(lt(auditLog.at, sql`((${filter.to})::date + 1)::timestamp at time zone ${TIME_ZONE}`));
  return parts.length ? and(...parts) : undefined;
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  userId: string | null;
  userEmail: string | null;
  actorLabel: string | null;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
}

async function selectRows(db: Db, filter: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      userId: auditLog.userId,
      userEmail: users.email,
      actorLabel: auditLog.actorLabel,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(conditions(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

export async function listAudit(
  db: Db,
  actor: SessionUser | null,
  filter: AuditFilter,
  page = 1,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  authorize(actor, 'audit.read');
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(conditions(filter));
  const total = count?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  const rows = await selectRows(db, filter, pageSize, (current - 1) * pageSize);
  return { rows, total, page: current, pages };
}

/** Choices for the filter form: the actions that occur and the users with entries. */
export async function auditFilterOptions(db: Db): Promise<{ actions: string[]; users: { id: string; email: string }[] }> {
  const actions = await queryRows<{ action: string }>(db, sql`select distinct action from audit_log order by action`);
  const people = await queryRows<{ id: string; email: string }>(
    db,
    sql`select u.id, u.email from users u where exists (select 1 from audit_log l where l.user_id = u.id) order by lower(u.email)`,
  );
  return { actions: actions.map((a) => a.action), users: people };
}

const CSV_HEADER = ['Zeitpunkt', 'Aktion', 'Benutzer', 'Bezeichnung', 'Objekttyp', 'Objekt-ID', 'Details'];

/** Local time as "2026-11-23 10:15:00" (Europe/Berlin). */
function localTime(date: Date): string {
  return date.toLocaleString('sv-SE', { timeZone: TIME_ZONE });
}

/** The audit rows as CSV (util/csv.ts: BOM, semicolons, formula-injection protection). */
export function auditCsv(rows: AuditRow[]): string {
  return csvDocument(
    CSV_HEADER,
    rows.map((r) => [localTime(r.at), r.action, r.userEmail ?? '', r.actorLabel ?? '', r.entityType ?? '', r.entityId ?? '', Object.keys(r.details ?? {}).length ? r.details : '']),
  );
}

/** The filtered log as CSV; the export is logged (`audit.export`) with its filter and size. */
export async function exportAudit(db: Db, actor: SessionUser | null, filter: AuditFilter): Promise<{ csv: string; count: number }> {
  const user = authorize(actor, 'audit.read');
  const rows = await selectRows(db, filter, AUDIT_EXPORT_MAX, 0);
  await recordAudit(db, {
    userId: user.id,
    action: 'audit.export',
    details: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), rows: rows.length },
  });
  return { csv: auditCsv(rows), count: rows.length };
}
