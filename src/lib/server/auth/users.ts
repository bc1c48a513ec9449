/** User accounts: creation (CLI and, later, the back office). */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { auditLog, ROLES, users, type Role } from '../db/schema';
import { recordRevisions } from '../revisions/record';
import { hashPassword, passwordProblem } from './password';

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email('Bitte geben Sie eine gültige E-Mail-Adresse an.'),
  name: z.string().trim().max(200).optional(),
  role: z.enum(ROLES, { message: `Rolle muss eine von ${ROLES.join(', ')} sein.` }),
  password: z.string(),
});
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

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function createUser(
  db: Db,
  input: CreateUserInput,
  by: { userId?: string | null; label?: string } = {},
): Promise<{ id: string; email: string; role: Role }> {
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserInputError(issue.message, String(issue.path[0] ?? ''));
  }
  const { email, name, role, password } = parsed.data;
  const problem = passwordProblem(password, { email });
  if (problem) throw new UserInputError(problem, 'password');
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
  if (existing) throw new UserInputError('Es gibt bereits ein Konto mit dieser E-Mail-Adresse.', 'email');
  const passwordHash = await hashPassword(password);
  const [row] = await db.insert(users).values({ email, name: name || null, role, passwordHash }).returning();
  const { passwordHash: _omit, ...state } = row!;
  await recordRevisions(db, [
    { entityType: 'user', entityId: row!.id, state, authorId: by.userId ?? null, authorLabel: by.label ?? null, comment: 'Konto angelegt' },
  ]);
  await db.insert(auditLog).values({
    userId: by.userId ?? null,
    actorLabel: by.label ?? null,
    action: 'user.create',
    entityType: 'user',
    entityId: row!.id,
    details: { role },
  });
  return { id: row!.id, email: row!.email, role: row!.role };
}
