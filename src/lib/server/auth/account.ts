/** The signed-in user's own account (/konto): change password, log out everywhere. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { users } from '../db/schema';
import { recordAudit } from './audit';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { SessionUser } from './policy';
import { deleteSession, deleteUserSessions } from './sessions';
import { recordUserRevision, UserInputError } from './users';
import { inTransaction } from '../db/transaction';

export interface ChangePasswordInput {
  current: string;
  password: string;
  confirm: string;
}

/**
 * Checks the current password, the rules and the repetition; sets the new one and ends all
 * other sessions of the user (the current one stays signed in).
 */
export async function changeOwnPassword(db: Db, user: SessionUser, sessionId: string | null, input: ChangePasswordInput): Promise<void> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.current))) {
    throw new UserInputError('Das aktuelle Passwort ist nicht richtig.', 'current');
  }
  const problem = passwordProblem(input.password, { email: user.email });
  if (problem) throw new UserInputError(problem, 'password');
  if (input.password !== input.confirm) throw new UserInputError('Die beiden Passwörter stimmen nicht überein.', 'confirm');
  if (input.password === input.current) throw new UserInputError('Das neue Passwort muss sich vom bisherigen unterscheiden.', 'password');
  const passwordHash = await hashPassword(input.password);
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    const ended = await deleteUserSessions(tx, user.id, { except: sessionId });
    await recordUserRevision(tx, user.id, { userId: user.id }, 'Passwort geändert');
    await recordAudit(tx, { userId: user.id, action: 'user.password.change', entityType: 'user', entityId: user.id, details: { endedSessions: ended } });
  });
}

/** Ends every session of the user, this one included. */
export async function logoutEverywhere(db: Db, user: SessionUser): Promise<number> {
  const ended = await deleteUserSessions(db, user.id);
  await recordAudit(db, { userId: user.id, action: 'logout', details: { everywhere: true, sessions: ended } });
  return ended;
}

/** Ends this session. */
export async function logout(db: Db, user: SessionUser | null, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await deleteSession(db, sessionId);
  if (user) await recordAudit(db, { userId: user.id, action: 'logout' });
}
