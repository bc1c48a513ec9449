/**
 * The second factor of back-office accounts: TOTP (RFC 6238, 30-second steps, six digits, the
 * `otpauth` library) with ten one-time recovery codes.
 *
 * - Enrolment: `beginEnrolment` stores a new secret (not yet in force) and returns the otpauth
 *   URI for the authenticator app; `confirmEnrolment` puts it in force once a code from the app
 *   matches, and returns the recovery codes — shown once, only their SHA-256 is kept.
 * - Login: after the right password `login()` asks for the second factor with a challenge (a
 *   random token in a short-lived cookie, only its hash stored, five attempts, five minutes);
 *   `completeSecondFactor` takes a code or a recovery code and only then opens the session.
 *   Failed codes count towards the account lockout like failed passwords.
 * - A code is accepted once (the last accepted step is kept: no replay within its window).
 * - Required for the roles in MFA_REQUIRED_ROLES (default: admin): such accounts are sent to
 *   the enrolment page until they have a second factor, and cannot switch it off.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db/connection';
import { loginChallenges, recoveryCodes, ROLES, users, type Role } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordAudit } from './audit';
import { hashToken, randomToken } from './crypto';
import type { SessionUser } from './policy';
import { createSession, type NewSession } from './sessions';
import { loadSessionUser } from './users';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './login-rules';

export const CHALLENGE_COOKIE = 'vielfalt_login';
export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_ATTEMPTS = 5;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Vielfalt';

export class SecondFactorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecondFactorError';
  }
}

/** The roles that must have a second factor (MFA_REQUIRED_ROLES, comma-separated; default admin). */
export function requiredRoles(env: NodeJS.ProcessEnv = process.env): Role[] {
  const value = env.MFA_REQUIRED_ROLES ?? 'admin';
  return value
    .split(',')
    .map((r) => r.trim())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export function secondFactorRequired(user: Pick<SessionUser, 'role'>, env: NodeJS.ProcessEnv = process.env): boolean {
  return requiredRoles(env).includes(user.role);
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** The step (counter) a six-digit code belongs to, within one step either side of `now`; null if none. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const totp = totpFor(secret, 'check');
  const delta = totp.validate({ token: digits, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / 30) + delta;
}

/** Recovery codes as people type them: ten characters in two groups ("k3f9q-2mzpx"), case and dashes ignored. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function newRecoveryCode(): string {
  const raw = randomToken().replace(/[^a-zA-Z0-9]/g, '').toLowerCase().slice(0, 10).padEnd(10, '0');
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(c)) })));
  return codes;
}

export interface SecondFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(db: Db, user: SessionUser): Promise<SecondFactorStatus> {
  const [row] = await db
    .select({
      enabledAt: users.totpEnabledAt,
      // Named in full: Drizzle renders ${users.id} unqualified, which would mean r.id here.
      left: sql<number>`(select count(*)::int from recovery_codes r where r.user_id = users.id and r.used_at is null)`,
    })
    .from(users)
    .where(eq(users.id, user.id));
  return { enabled: Boolean(row?.enabledAt), required: secondFactorRequired(user), recoveryCodesLeft: Number(row?.left ?? 0) };
}

/** A new secret, not yet in force; the URI goes into the authenticator app (QR code or typed). */
export async function beginEnrolment(db: Db, user: SessionUser): Promise<{ secret: string; uri: string }> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
  if (row?.enabledAt) throw new SecondFactorError('Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.');
  const secret = new Secret({ size: 20 }).base32;
  await db.update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
  return { secret, uri: totpFor(secret, user.email).toString() };
}

/** The pending secret's URI again (the enrolment page after a wrong code), or null. */
export async function pendingEnrolment(db: Db, user: SessionUser): Promise<{ secret: string; uri: string } | null> {
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
  if (!row?.secret || row.enabledAt) return null;
  return { secret: row.secret, uri: totpFor(row.secret, user.email).toString() };
}

/** Puts the pending secret in force when `code` matches; returns the recovery codes (shown once). */
export async function confirmEnrolment(db: Db, user: SessionUser, code: string, now = new Date()): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
    if (!row?.secret || row.enabledAt) throw new SecondFactorError('Bitte beginnen Sie die Einrichtung erneut.');
    const step = matchingStep(row.secret, code, now);
    if (step === null) throw new SecondFactorError('Der Code stimmt nicht. Bitte geben Sie den aktuellen sechsstelligen Code aus der App ein.');
    await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { action: 'mfa.enable', userId: user.id, entityType: 'user', entityId: user.id, at: now });
    return codes;
  });
}

/** New recovery codes (the old ones stop working); needs a current code. */
export async function renewRecoveryCodes(db: Db, user: SessionUser, code: string, now = new Date()): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    await acceptCode(tx, user.id, code, now);
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { action: 'mfa.recoveryCodes', userId: user.id, entityType: 'user', entityId: user.id, at: now });
    return codes;
  });
}

/** Switches the second factor off (not for roles that require it); needs a current code. */
export async function disableSecondFactor(db: Db, user: SessionUser, code: string, now = new Date()): Promise<void> {
  if (secondFactorRequired(user)) throw new SecondFactorError('Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben.');
  await inTransaction(db, async (tx) => {
    await acceptCode(tx, user.id, code, now);
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(tx, { action: 'mfa.disable', userId: user.id, entityType: 'user', entityId: user.id, at: now });
  });
}

/** Checks a TOTP code (once per step) or an unused recovery code; throws SecondFactorError otherwise. */
async function acceptCode(db: Db, userId: string, code: string, now: Date): Promise<'totp' | 'recovery'> {
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep }).from(users).where(eq(users.id, userId));
  if (!row?.secret || !row.enabledAt) throw new SecondFactorError('Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.');
  const step = matchingStep(row.secret, code, now);
  if (step !== null) {
    if (row.lastStep !== null && step <= row.lastStep) throw new SecondFactorError('Dieser Code wurde schon verwendet. Bitte warten Sie auf den nächsten.');
    await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
    return 'totp';
  }
  const recovery = normaliseRecoveryCode(code);
  if (recovery.length === 10) {
    const [used] = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashToken(recovery)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used) return 'recovery';
  }
  throw new SecondFactorError('Der Code stimmt nicht.');
}

/** After the right password: a challenge instead of a session. Returns the token for the cookie. */
export async function createChallenge(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
  await db.insert(loginChallenges).values({ id: hashToken(token), userId, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) });
  return token;
}

export type SecondFactorResult =
  | { ok: true; user: SessionUser; session: NewSession; via: 'totp' | 'recovery' }
  /** Wrong code: try again (the challenge stays, attempts counted). */
  | { ok: false; reason: 'invalid'; message: string }
  /** No (more) challenge: expired, used up or unknown — sign in with the password again. */
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'locked'; minutes: number };

export async function completeSecondFactor(
  db: Db,
  input: { challenge: string; code: string; userAgent?: string | null; previousSessionId?: string | null; now?: Date },
): Promise<SecondFactorResult> {
  const now = input.now ?? new Date();
  if (!input.challenge || input.challenge.length > 200) return { ok: false, reason: 'expired' };
  const id = hashToken(input.challenge);
  const [challenge] = await db.select().from(loginChallenges).where(eq(loginChallenges.id, id));
  if (!challenge || challenge.expiresAt.getTime() <= now.getTime() || challenge.attempts >= CHALLENGE_ATTEMPTS) {
    if (challenge) await db.delete(loginChallenges).where(eq(loginChallenges.id, id));
    return { ok: false, reason: 'expired' };
  }
  const [account] = await db.select({ lockedUntil: users.lockedUntil, failedLogins: users.failedLogins }).from(users).where(eq(users.id, challenge.userId));
  if (account?.lockedUntil && account.lockedUntil.getTime() > now.getTime())
    return { ok: false, reason: 'locked', minutes: Math.max(1, Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000)) };
  try {
    const via = await inTransaction(db, (tx) => acceptCode(tx, challenge.userId, input.code.slice(0, 64), now));
    await db.delete(loginChallenges).where(eq(loginChallenges.id, id));
    // Deactivated while the code was being typed: no session.
    const user = await loadSessionUser(db, challenge.userId);
    if (!user) return { ok: false, reason: 'expired' };
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, challenge.userId));
    const session = await createSession(db, challenge.userId, { userAgent: input.userAgent, replaces: input.previousSessionId, now });
    await recordAudit(db, { action: 'login.success', userId: challenge.userId, details: { email: user.email, via }, at: now });
    return { ok: true, user, session, via };
  } catch (error) {
    if (!(error instanceof SecondFactorError)) throw error;
    await db.update(loginChallenges).set({ attempts: challenge.attempts + 1 }).where(eq(loginChallenges.id, id));
    // Wrong codes count towards the lockout, like wrong passwords.
    const failures = (account?.failedLogins ?? 0) + 1;
    const lock = failures >= LOCKOUT_THRESHOLD;
    await db
      .update(users)
      .set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) } : { failedLogins: failures })
      .where(eq(users.id, challenge.userId));
    await recordAudit(db, { action: 'login.failure', userId: challenge.userId, details: { reason: 'second_factor' }, at: now });
    if (lock) {
      await db.delete(loginChallenges).where(eq(loginChallenges.id, id));
      await recordAudit(db, { action: 'lockout', userId: challenge.userId, entityType: 'user', entityId: challenge.userId, details: { failures }, at: now });
      return { ok: false, reason: 'locked', minutes: LOCKOUT_MINUTES };
    }
    return { ok: false, reason: 'invalid', message: error.message };
  }
}
