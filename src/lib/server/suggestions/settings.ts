/**
 * The instance settings this area reads: the retention period for submitters' contact data
 * (`suggestions.retentionDays`, editable by administrators) and the secret that signs the
 * suggestion form's timestamp (`VIELFALT_SECRET`, else generated once and kept in `settings`).
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog, settings } from '../db/schema';

export const RETENTION_SETTING = 'suggestions.retentionDays';
export const DEFAULT_RETENTION_DAYS = 180;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
const SECRET_SETTING = 'suggestions.formSecret';

function validDays(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_RETENTION_DAYS && n <= MAX_RETENTION_DAYS ? n : null;
}

/** Days after which submitters' contact data is deleted (180 unless an administrator set another value). */
export async function getRetentionDays(db: Db): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, RETENTION_SETTING));
  return validDays(row?.value) ?? DEFAULT_RETENTION_DAYS;
}

export class RetentionInputError extends Error {
  constructor() {
    super(`Bitte geben Sie eine ganze Zahl zwischen ${MIN_RETENTION_DAYS} und ${MAX_RETENTION_DAYS} Tagen an.`);
    this.name = 'RetentionInputError';
  }
}

/** Sets the retention period (callers authorise `settings.manage`); audit-logged. */
export async function setRetentionDays(db: Db, userId: string | null, value: unknown): Promise<number> {
  const days = validDays(value);
  if (days === null) throw new RetentionInputError();
  await db
    .insert(settings)
    .values({ key: RETENTION_SETTING, value: days })
    .onConflictDoUpdate({ target: settings.key, set: { value: days, updatedAt: sql`now()` } });
  await db.insert(auditLog).values({ userId, action: 'settings.update', entityType: 'setting', entityId: RETENTION_SETTING, details: { value: days } });
  return days;
}

const secrets = new WeakMap<Db, string>();

/**
 * The key that signs form timestamps: VIELFALT_SECRET when set, else a random one created at
 * first use and stored in `settings` (so it survives restarts and holds across processes).
 */
export async function getFormSecret(db: Db): Promise<string> {
  const fromEnv = process.env.VIELFALT_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const cached = secrets.get(db);
  if (cached) return cached;
  const generated = crypto.randomBytes(32).toString('base64url');
  // Two processes starting at once: the first insert wins, both read the same row.
  await db.insert(settings).values({ key: SECRET_SETTING, value: generated }).onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SECRET_SETTING));
  if (typeof row?.value !== 'string' || !row.value) throw new Error('Form secret missing');
  secrets.set(db, row.value);
  return row.value;
}
