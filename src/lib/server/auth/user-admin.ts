/**
 * User administration (role admin, `user.manage`): list, invite, change role and actor scopes,
 * deactivate/reactivate, password-reset links. Every change writes a revision of the user (never
 * the password hash) and an audit entry. The last active administrator can neither be demoted
 * nor deactivated.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { refineStorable } from '../text/storable';
import { queryRows, type Db } from '../db/connection';
import { actors, users, type Role } from '../db/schema';
import { recordAudit } from './audit';
import { issueLink, type IssuedLink } from './links';
import { authorize, type SessionUser } from './policy';
import { deleteUserSessions } from './sessions';
import {
  checkScopes,
  countOtherActiveAdmins,
  emailSchema,
  firstIssue,
  insertUser,
  loadUserState,
  recordUserRevision,
  replaceScopes,
  roleSchema,
  UserInputError,
  type UserState,
} from './users';
import { inTransaction } from '../db/transaction';

export interface UserListItem {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  /** No password yet: the invitation was not accepted. */
  invited: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  actors: { id: string; name: string }[];
}

const toDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

export async function listUsers(db: Db): Promise<UserListItem[]> {
  const rows = await queryRows<{
    id: string;
    email: string;
    name: string | null;
    role: Role;
    active: boolean;
    invited: boolean;
    locked_until: Date | string | null;
    last_login_at: Date | string | null;
    actors: { id: string; name: string }[] | string | null;
  }>(
    db,
    sql`select u.id, u.email, u.name, u.role, u.active, (u.password_hash is null) as invited, u.locked_until,
          (select max(l.at) from audit_log l where l.user_id = u.id and l.action = 'login.success') as last_login_at,
          coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name)
                    from user_actor_scopes s join actors a on a.id = s.actor_id where s.user_id = u.id), '[]'::json) as actors
        from users u
        order by u.active desc, lower(u.email)`,
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    invited: r.invited,
    lockedUntil: toDate(r.locked_until),
    lastLoginAt: toDate(r.last_login_at),
    actors: typeof r.actors === 'string' ? JSON.parse(r.actors) : (r.actors ?? []),
  }));
}

export interface UserDetail extends UserState {
  invited: boolean;
  lockedUntil: Date | null;
}

export async function getUser(db: Db, userId: string): Promise<UserDetail | null> {
  if (!z.string().uuid().safeParse(userId).success) return null;
  const state = await loadUserState(db, userId);
  if (!state) return null;
  const [extra] = await db.select({ passwordHash: users.passwordHash, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return { ...state, invited: !extra?.passwordHash, lockedUntil: extra?.lockedUntil ?? null };
}

/** Actors to choose scopes from. */
export async function listActorOptions(db: Db): Promise<{ id: string; name: string; slug: string }[]> {
  return db.select({ id: actors.id, name: actors.name, slug: actors.slug }).from(actors).orderBy(asc(actors.name));
}

const actorIdsField = z
  .array(z.string())
  .default([])
  .transform((ids) => ids.filter(Boolean));

export const inviteInput = z.object({
  email: emailSchema,
  name: z.string().trim().max(200, 'Der Name darf höchstens 200 Zeichen lang sein.').default(''),
  role: roleSchema,
  actorIds: actorIdsField,
}).superRefine(refineStorable);
/** Form values as they come (validated here). */
export interface InviteInput {
  email: string;
  name?: string;
  role: string;
  actorIds?: string[];
}

/** Creates an account without password and an invitation link (shown once, queued as e-mail). */
export async function inviteUser(
  db: Db,
  actor: SessionUser | null,
  input: InviteInput,
  options: { origin: string; now?: Date },
): Promise<{ userId: string; email: string; link: IssuedLink }> {
  const admin = authorize(actor, 'user.manage');
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  const { email, name, role } = parsed.data;
  const actorIds = await checkScopes(db, role, parsed.data.actorIds.filter((id) => z.string().uuid().safeParse(id).success));
  return inTransaction(db, async (tx) => {
    const by = { userId: admin.id };
    const user = await insertUser(tx, { email, name: name || null, role, passwordHash: null, actorIds }, by, 'Eingeladen');
    const link = await issueLink(tx, { userId: user.id, kind: 'invite', origin: options.origin, by, now: options.now });
    return { userId: user.id, email: user.email, link };
  });
}

export const updateInput = z.object({
  name: z.string().trim().max(200, 'Der Name darf höchstens 200 Zeichen lang sein.').default(''),
  role: roleSchema,
  actorIds: actorIdsField,
}).superRefine(refineStorable);
export interface UpdateInput {
  name?: string;
  role: string;
  actorIds?: string[];
}

const LAST_ADMIN = 'Es muss mindestens eine aktive Administratorin oder ein aktiver Administrator bleiben.';

async function lockUsers(db: Db): Promise<void> {
  // Serialises the last-admin checks of concurrent requests (both engines).
  await db.execute(sql`lock table users in share row exclusive mode`);
}

/** Changes name, role and actor scopes. Role changes are audit-logged. */
export async function updateUser(db: Db, actor: SessionUser | null, userId: string, input: UpdateInput): Promise<UserState> {
  const admin = authorize(actor, 'user.manage');
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  const { name, role } = parsed.data;
  const actorIds = await checkScopes(db, role, parsed.data.actorIds.filter((id) => z.string().uuid().safeParse(id).success));
  return inTransaction(db, async (tx) => {
    await lockUsers(tx);
    const before = await loadUserState(tx, userId);
    if (!before) throw new UserInputError('Unbekanntes Konto.', '');
    if (before.role === 'admin' && role !== 'admin' && before.active && (await countOtherActiveAdmins(tx, userId)) === 0) {
      throw new UserInputError(`${LAST_ADMIN} Die Rolle kann daher nicht geändert werden.`, 'role');
    }
    const scopesChanged = before.actorIds.join(',') !== [...actorIds].sort().join(',');
    if (before.name === (name || null) && before.role === role && !scopesChanged) return before;
    await tx.update(users).set({ name: name || null, role, updatedAt: sql`now()` }).where(eq(users.id, userId));
    if (scopesChanged) await replaceScopes(tx, userId, actorIds);
    const comment = before.role !== role ? `Rolle geändert: ${before.role} → ${role}` : 'Konto bearbeitet';
    const after = await recordUserRevision(tx, userId, { userId: admin.id }, comment);
    if (before.role !== role) {
      await recordAudit(tx, {
        userId: admin.id,
        action: 'user.role.change',
        entityType: 'user',
        entityId: userId,
        details: { email: before.email, from: before.role, to: role },
      });
    }
    if (scopesChanged) {
      await recordAudit(tx, {
        userId: admin.id,
        action: 'user.scopes.change',
        entityType: 'user',
        entityId: userId,
        details: { email: before.email, from: before.actorIds, to: after.actorIds },
      });
    }
    // A changed role or scope takes effect on the next request: sessions read them fresh.
    return after;
  });
}

/** Deactivates (ending all sessions) or reactivates an account. */
export async function setUserActive(db: Db, actor: SessionUser | null, userId: string, active: boolean): Promise<UserState> {
  const admin = authorize(actor, 'user.manage');
  return inTransaction(db, async (tx) => {
    await lockUsers(tx);
    const before = await loadUserState(tx, userId);
    if (!before) throw new UserInputError('Unbekanntes Konto.', '');
    if (before.active === active) return before;
    if (!active && before.role === 'admin' && (await countOtherActiveAdmins(tx, userId)) === 0) {
      throw new UserInputError(`${LAST_ADMIN} Das Konto kann daher nicht deaktiviert werden.`, '');
    }
    await tx
      .update(users)
      .set(active ? { active, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` } : { active, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    if (!active) await deleteUserSessions(tx, userId);
    const after = await recordUserRevision(tx, userId, { userId: admin.id }, active ? 'Konto reaktiviert' : 'Konto deaktiviert');
    await recordAudit(tx, {
      userId: admin.id,
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: userId,
      details: { email: before.email },
    });
    return after;
  });
}

/** A new one-time link to set a password: an invitation again while none is set, else a reset. */
export async function createPasswordLink(
  db: Db,
  actor: SessionUser | null,
  userId: string,
  options: { origin: string; now?: Date },
): Promise<IssuedLink & { kind: 'invite' | 'reset'; email: string }> {
  const admin = authorize(actor, 'user.manage');
  const user = await getUser(db, userId);
  if (!user) throw new UserInputError('Unbekanntes Konto.', '');
  if (!user.active) throw new UserInputError('Das Konto ist deaktiviert. Bitte reaktivieren Sie es zuerst.', '');
  const kind = user.invited ? 'invite' : 'reset';
  return inTransaction(db, async (tx) => {
    const link = await issueLink(tx, { userId, kind, origin: options.origin, by: { userId: admin.id }, now: options.now });
    return { ...link, kind, email: user.email };
  });
}
