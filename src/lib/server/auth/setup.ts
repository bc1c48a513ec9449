/**
 * First start: while no account exists, /einrichtung creates the first administrator, and the
 * server logs where to do that. Afterwards the page is gone (404).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { log } from '../log/log';
import { hashPassword, passwordProblem } from './password';
import { createSession, type NewSession } from './sessions';
import { countUsers, createUserInput, firstIssue, insertUser, UserInputError } from './users';
import { recordAudit } from './audit';
import { inTransaction } from '../db/transaction';

export const SETUP_PATH = '/einrichtung';

/** Whether /einrichtung is open: no account exists yet. */
export async function setupAvailable(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

export class SetupClosedError extends Error {
  constructor() {
    super('Die Einrichtung ist bereits abgeschlossen.');
    this.name = 'SetupClosedError';
  }
}

export interface SetupInput {
  email: string;
  name?: string;
  password: string;
  confirm: string;
}

/** Creates the first administrator and signs them in; refused once any account exists. */
export async function setupFirstAdmin(
  db: Db,
  input: SetupInput,
  options: { userAgent?: string | null; now?: Date } = {},
): Promise<{ userId: string; session: NewSession }> {
  const parsed = createUserInput.safeParse({ email: input.email, name: input.name, role: 'admin', password: input.password });
  if (!parsed.success) throw firstIssue(parsed.error);
  const { email, name, password } = parsed.data;
  const problem = passwordProblem(password, { email });
  if (problem) throw new UserInputError(problem, 'password');
  if (password !== input.confirm) throw new UserInputError('Die beiden Passwörter stimmen nicht überein.', 'confirm');
  if (!(await setupAvailable(db))) throw new SetupClosedError();
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    // Two browsers submitting at once: the second waits here and then finds an account.
    await tx.execute(sql`lock table users in share row exclusive mode`);
    if (!(await setupAvailable(tx))) throw new SetupClosedError();
    const by = { label: 'Einrichtung' };
    const user = await insertUser(tx, { email, name: name || null, role: 'admin', passwordHash, actorIds: [] }, by, 'Erster Administrator angelegt');
    const session = await createSession(tx, user.id, { userAgent: options.userAgent, now: options.now });
    await recordAudit(tx, { action: 'login.success', userId: user.id, details: { email, via: 'setup' } });
    return { userId: user.id, session };
  });
}

/** The URL of the set-up page for the start-up hint: ORIGIN, else http://localhost:PORT. */
export function setupUrl(env: NodeJS.ProcessEnv = process.env): string {
  const origin = env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${env.PORT || 3000}`;
  return `${origin}${SETUP_PATH}`;
}

/**
 * Call once at server start (after migrations): with no account, logs one line pointing to
 * /einrichtung and returns that URL; otherwise returns null and logs nothing.
 */
export async function firstStartHint(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (!(await setupAvailable(db))) return null;
  const url = setupUrl(env);
  log.info('setup.required', { message: `Noch kein Benutzerkonto: ersten Administrator anlegen unter ${url}`, url });
  return url;
}
