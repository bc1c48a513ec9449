/**
 * Sessions: a random 32-byte token lives only in the HttpOnly cookie `vielfalt_session`; the
 * database keeps its SHA-256 as `sessions.id`. A session ends after 2 hours without a request
 * (idle timeout, checked against `last_seen_at`, which is written at most once a minute) and
 * 12 hours after login at the latest (absolute timeout, `expires_at`).
 *
 * Resolving a request costs one query (session + user + actor scopes), plus one update at most
 * once a minute per session.
 */
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { sessions, type Role } from '../db/schema';
import { hashToken, randomToken } from './crypto';
import type { SessionUser } from './policy';

export const SESSION_COOKIE = 'vielfalt_session';
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is refreshed only when older than this (saves a write per request). */
export const SESSION_TOUCH_MS = 60 * 1000;

export interface NewSession {
  /** The secret for the cookie; never stored. */
  token: string;
  /** sha256(token): the row's id, kept in `locals.sessionId`. */
  id: string;
  expiresAt: Date;
}

export interface CreateSessionOptions {
  userAgent?: string | null;
  /** The session of the cookie the browser sent before: deleted (rotation on login). */
  replaces?: string | null;
  now?: Date;
}

export async function createSession(db: Db, userId: string, options: CreateSessionOptions = {}): Promise<NewSession> {
  const now = options.now ?? new Date();
  const token = randomToken();
  const id = hashToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  if (options.replaces) await db.delete(sessions).where(eq(sessions.id, options.replaces));
  // Housekeeping for this user: sessions that can no longer be used.
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))),
      ),
    );
  await db.insert(sessions).values({
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
}

interface SessionRow {
  id: string;
  user_id: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  second_factor: boolean;
  actor_ids: string[] | string | null;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** Actor ids as json_agg returns them (an array, or JSON text on some drivers). */
export function parseIds(value: string[] | string | null): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value.map(String);
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * The user behind a session token, or null when the token is unknown, expired (idle or
 * absolute) or the user was deactivated. Unusable sessions are deleted on the way.
 */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const [row] = await queryRows<SessionRow>(
    db,
    sql`select s.id, s.user_id, s.last_seen_at, s.expires_at, u.email, u.name, u.role, u.active, u.totp_enabled_at is not null as second_factor,
          coalesce((select json_agg(a.actor_id::text order by a.actor_id) from user_actor_scopes a where a.user_id = u.id), '[]'::json) as actor_ids
        from sessions s join users u on u.id = s.user_id
        where s.id = ${id}`,
  );
  if (!row) return null;
  const lastSeen = asDate(row.last_seen_at);
  const expiresAt = asDate(row.expires_at);
  if (!row.active || expiresAt.getTime() <= now.getTime() || now.getTime() - lastSeen.getTime() > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - lastSeen.getTime() >= SESSION_TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    sessionId: id,
    expiresAt,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      actorIds: row.role === 'beitragende' ? parseIds(row.actor_ids) : [],
      secondFactor: Boolean(row.second_factor),
    },
  };
}

/** Logout: ends one session. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Logout everywhere / deactivation / password change: ends all sessions of a user, optionally but one. */
export async function deleteUserSessions(db: Db, userId: string, options: { except?: string | null } = {}): Promise<number> {
  const where = options.except ? and(eq(sessions.userId, userId), ne(sessions.id, options.except)) : eq(sessions.userId, userId);
  const deleted = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

/** Deletes every session that can no longer be used (for a periodic clean-up). */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))))
    .returning({ id: sessions.id });
  return deleted.length;
}

/** Cookie attributes for the session cookie (`secure` when the site is served over https). */
export function sessionCookieOptions(secure: boolean, expiresAt?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(expiresAt ? { expires: expiresAt } : {}),
  };
}
