/**
 * User accounts: creation (CLI, first administrator, invitations), the state recorded in
 * revisions (never the password hash) and the signed-in user's view (`SessionUser`).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { actors, ROLES, userActorScopes, users, type Role } from '../db/schema';
import { refineStorable } from '../text/storable';
import { recordRevisions } from '../revisions/record';
import { recordAudit } from './audit';
import { hashPassword, passwordProblem } from './password';
import type { SessionUser } from './policy';
import { inTransaction } from '../db/transaction';

export const emailSchema = z.string().trim().toLowerCase().max(320, 'Die E-Mail-Adresse ist zu lang.').email('Bitte geben Sie eine gültige E-Mail-Adresse an.');
export const roleSchema = z.enum(ROLES, { message: `Rolle muss eine von ${ROLES.join(', ')} sein.` });

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().max(200, 'Der Name darf höchstens 200 Zeichen lang sein.').optional(),
  role: roleSchema,
  password: z.string(),
  /** Actors a contributor (Beitragende) is bound to; ignored for other roles. */
  actorIds: z.array(z.string().uuid('Unbekannter Akteur.')).optional(),
}).superRefine(refineStorable);
export type CreateUserInput = z.input<typeof createUserInput>;

export class UserInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** Who made a change: a signed-in user or a label ("CLI", "Einrichtung"). */
export interface ChangedBy {
  userId?: string | null;
  label?: string;
}

export function firstIssue(error: z.ZodError): UserInputError {
  const issue = error.issues[0]!;
  return new UserInputError(issue.message, String(issue.path[0] ?? ''));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row?.id ?? null;
}

/**
 * Contributors must be bound to at least one existing actor; other roles have no scopes.
 * Returns the actor ids to store.
 */
export async function checkScopes(db: Db, role: Role, actorIds: readonly string[] | undefined): Promise<string[]> {
  if (role !== 'beitragende') return [];
  const unique = [...new Set(actorIds ?? [])];
  if (!unique.length) throw new UserInputError('Beitragende müssen mindestens einem Akteur zugeordnet sein.', 'actorIds');
  const found = await db.select({ id: actors.id }).from(actors).where(inArray(actors.id, unique));
  if (found.length !== unique.length) throw new UserInputError('Unbekannter Akteur.', 'actorIds');
  return unique;
}

/** The state a revision records for a user: profile, role, scopes — never the password hash. */
export interface UserState {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  actorIds: string[];
}

export async function loadUserState(db: Db, userId: string): Promise<UserState | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const scopes = await db
    .select({ actorId: userActorScopes.actorId })
    .from(userActorScopes)
    .where(eq(userActorScopes.userId, userId))
    .orderBy(asc(userActorScopes.actorId));
  return { ...row, actorIds: scopes.map((s) => s.actorId) };
}

/** The signed-in user's view of an account (as in `locals.user`), or null if unknown or inactive. */
export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const state = await loadUserState(db, userId);
  if (!state || !state.active) return null;
  return {
    id: state.id,
    email: state.email,
    name: state.name,
    role: state.role,
    actorIds: state.role === 'beitragende' ? state.actorIds : [],
  };
}

export async function recordUserRevision(db: Db, userId: string, by: ChangedBy, comment: string): Promise<UserState> {
  const state = (await loadUserState(db, userId))!;
  await recordRevisions(db, [
    { entityType: 'user', entityId: userId, state, authorId: by.userId ?? null, authorLabel: by.label ?? null, comment },
  ]);
  return state;
}

export async function replaceScopes(db: Db, userId: string, actorIds: readonly string[]): Promise<void> {
  await db.delete(userActorScopes).where(eq(userActorScopes.userId, userId));
  if (actorIds.length) await db.insert(userActorScopes).values(actorIds.map((actorId) => ({ userId, actorId })));
}

interface InsertUser {
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string | null;
  actorIds: string[];
}

/** Inserts a user with scopes, a revision and an audit entry (`user.create`). */
export async function insertUser(db: Db, input: InsertUser, by: ChangedBy, comment: string): Promise<{ id: string; email: string; role: Role }> {
  if (await findUserIdByEmail(db, input.email)) throw new UserInputError('Es gibt bereits ein Konto mit dieser E-Mail-Adresse.', 'email');
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash: input.passwordHash })
    .returning({ id: users.id, email: users.email, role: users.role });
  await replaceScopes(db, row!.id, input.actorIds);
  await recordUserRevision(db, row!.id, by, comment);
  await recordAudit(db, {
    userId: by.userId ?? null,
    actorLabel: by.label ?? null,
    action: 'user.create',
    entityType: 'user',
    entityId: row!.id,
    details: { email: input.email, role: input.role, ...(input.actorIds.length ? { actorIds: input.actorIds } : {}) },
  });
  return row!;
}

export async function createUser(db: Db, input: CreateUserInput, by: ChangedBy = {}): Promise<{ id: string; email: string; role: Role }> {
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  const { email, name, role, password } = parsed.data;
  const problem = passwordProblem(password, { email });
  if (problem) throw new UserInputError(problem, 'password');
  const actorIds = await checkScopes(db, role, parsed.data.actorIds);
  if (await findUserIdByEmail(db, email)) throw new UserInputError('Es gibt bereits ein Konto mit dieser E-Mail-Adresse.', 'email');
  const passwordHash = await hashPassword(password);
  return inTransaction(db, (tx) =>
    insertUser(tx, { email, name: name || null, role, passwordHash, actorIds }, by, 'Konto angelegt'),
  );
}

/** Actors by slug or name (case-insensitive), for the CLI's `--actor`. Unknown ones are returned separately. */
export async function resolveActors(db: Db, namesOrSlugs: readonly string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const raw of namesOrSlugs) {
    const value = raw.trim().toLowerCase();
    const [row] = await db
      .select({ id: actors.id })
      .from(actors)
      .where(sql`lower(${actors.slug}) = ${value} or lower(${actors.name}) = ${value}`)
      .limit(1);
    if (row) ids.push(row.id);
    else unknown.push(raw);
  }
  return { ids, unknown };
}

/** Active administrators other than `exceptUserId`. */
export async function countOtherActiveAdmins(db: Db, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), sql`${users.id} <> ${exceptUserId}`));
  return row?.n ?? 0;
}
