/**
 * Signing in with e-mail and password.
 *
 * - Unknown e-mail, wrong password, deactivated account and an invitation not yet accepted all
 *   give the same answer ("invalid"), and argon2 runs in every case (no account enumeration by
 *   message or timing).
 * - Rate limits per client address and per e-mail address (fixed windows in `rate_limits`).
 * - Account lockout: LOCKOUT_THRESHOLD failures in a row lock the account for LOCKOUT_MINUTES.
 *   The per-e-mail limit has the same threshold, so unknown addresses behave like real ones.
 * - Audit log: login.success, login.failure (never the password), lockout.
 * - Input PostgreSQL cannot store (a NUL in the e-mail) is refused with its own reason, after it
 *   was counted and audited like any failure: limits and audit never depend on the input.
 *   Per-e-mail keys are hashed, so no address is stored in `rate_limits`.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { users } from '../db/schema';
import { sha256 } from '../text/hash';
import { hasUnstorableText } from '../text/storable';
import { recordAudit } from './audit';
import { hashPassword, verifyPassword } from './password';
import { hitRateLimit, resetRateLimit, type RateLimitRule } from './rate-limit';
import { createSession, type NewSession } from './sessions';
import type { SessionUser } from './policy';
import { loadSessionUser } from './users';

import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './login-rules';
import { createChallenge } from './second-factor';

export { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD };

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Attempts per client address (generous: a city's staff may share one address). */
export function ipRule(): RateLimitRule {
  return { limit: envNumber('LOGIN_RATE_LIMIT_PER_IP', 100), windowSeconds: 15 * 60 };
}
/** Attempts per e-mail address since the last success: as many as the lockout allows. */
export const EMAIL_RULE: RateLimitRule = { limit: LOCKOUT_THRESHOLD, windowSeconds: LOCKOUT_MINUTES * 60 };

export interface LoginInput {
  email: string;
  password: string;
  /** Client address for the rate limit. */
  ip: string;
  userAgent?: string | null;
  /** The session of the cookie sent along, replaced by the new one. */
  previousSessionId?: string | null;
  now?: Date;
}

export type LoginResult =
  | { ok: true; user: SessionUser; session: NewSession }
  /** Right password, second factor in force: no session yet; the challenge token goes into a cookie. */
  | { ok: false; reason: 'second_factor'; challenge: string }
  | { ok: false; reason: 'invalid' }
  /** The e-mail or password holds characters that cannot be stored (NUL, lone surrogates). */
  | { ok: false; reason: 'invalid_input' }
  /** Locked account or too many attempts: try again in `minutes`. */
  | { ok: false; reason: 'locked'; minutes: number };

let dummyHash: Promise<string> | null = null;
/** A hash to verify against when there is no account, so every attempt costs the same time. */
function timingHash(): Promise<string> {
  dummyHash ??= hashPassword(`timing-${Math.random()}-${Date.now()}`);
  return dummyHash;
}

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email).slice(0, 320);

  const byIp = await hitRateLimit(db, `login:ip:${input.ip}`, ipRule(), now);
  if (!byIp.allowed) {
    await recordAudit(db, { action: 'login.failure', details: { email, reason: 'rate_limit_ip' }, at: now });
    return { ok: false, reason: 'locked', minutes: Math.ceil(byIp.retryAfter / 60) };
  }
  const emailKey = `login:email:${sha256(email)}`;
  const byEmail = await hitRateLimit(db, emailKey, EMAIL_RULE, now);
  if (hasUnstorableText(email) || hasUnstorableText(input.password)) {
    await recordAudit(db, { action: 'login.failure', details: { email, reason: 'invalid_input' }, at: now });
    return { ok: false, reason: 'invalid_input' };
  }

  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));

  if (user?.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await recordAudit(db, { action: 'login.failure', userId: user.id, details: { email, reason: 'locked' }, at: now });
    return { ok: false, reason: 'locked', minutes: minutesUntil(user.lockedUntil, now) };
  }
  if (!byEmail.allowed) {
    await recordAudit(db, { action: 'login.failure', userId: user?.id ?? null, details: { email, reason: 'rate_limit_email' }, at: now });
    return { ok: false, reason: 'locked', minutes: Math.ceil(byEmail.retryAfter / 60) };
  }

  // Always verify, against a dummy hash when there is nothing to compare with.
  const hash = user?.passwordHash ?? (await timingHash());
  const passwordOk = await verifyPassword(hash, input.password);
  const ok = Boolean(user && user.passwordHash && user.active && passwordOk);

  if (!ok || !user) {
    if (user) {
      const failures = user.failedLogins + 1;
      const lock = failures >= LOCKOUT_THRESHOLD;
      const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
      await db
        .update(users)
        .set(lock ? { failedLogins: 0, lockedUntil } : { failedLogins: failures })
        .where(eq(users.id, user.id));
      await recordAudit(db, {
        action: 'login.failure',
        userId: user.id,
        details: { email, reason: !user.active ? 'inactive' : !user.passwordHash ? 'no_password' : 'password' },
        at: now,
      });
      if (lock) {
        await recordAudit(db, {
          action: 'lockout',
          userId: user.id,
          entityType: 'user',
          entityId: user.id,
          details: { email, failures, until: lockedUntil!.toISOString() },
          at: now,
        });
      }
    } else {
      await recordAudit(db, { action: 'login.failure', details: { email, reason: 'unknown' }, at: now });
    }
    return { ok: false, reason: 'invalid' };
  }

  await resetRateLimit(db, emailKey);
  // The password alone opens no session when a second factor is in force (its failures still count).
  if (user.totpEnabledAt) return { ok: false, reason: 'second_factor', challenge: await createChallenge(db, user.id, now) };
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await createSession(db, user.id, { userAgent: input.userAgent, replaces: input.previousSessionId, now });
  const sessionUser = (await loadSessionUser(db, user.id))!;
  await recordAudit(db, { action: 'login.success', userId: user.id, details: { email }, at: now });
  return { ok: true, user: sessionUser, session };
}
