/**
 * One-time links set by administrators: invitations (`kind='invite'`) and password resets
 * (`kind='reset'`), both opened under /einladung/<token>. Only sha256(token) is stored; a link
 * works once and for LINK_VALID_DAYS days; a new link for the same user and kind invalidates
 * the older ones. The link is queued in `outbox` as an e-mail and shown once to the admin.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { authTokens, outbox, users } from '../db/schema';
import { recordAudit } from './audit';
import { hashToken, randomToken } from './crypto';
import { hashPassword, passwordProblem } from './password';
import { createSession, deleteUserSessions, type NewSession } from './sessions';
import { recordUserRevision, UserInputError, type ChangedBy } from './users';
import { inTransaction } from '../db/transaction';

export const LINK_VALID_DAYS = 7;
export type LinkKind = 'invite' | 'reset';

export const LINK_PATH = '/einladung/';

export interface IssuedLink {
  token: string;
  /** Absolute URL: origin + /einladung/<token>. */
  url: string;
  expiresAt: Date;
}

function mailFor(kind: LinkKind, url: string, name: string | null, expiresAt: Date): { subject: string; body: string } {
  const greeting = name ? `Guten Tag ${name},` : 'Guten Tag,';
  const until = expiresAt.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' });
  if (kind === 'invite') {
    return {
      subject: '[Vielfalt] Einladung zur Redaktion der Maßnahmenkataloge',
      body: `${greeting}\n\nfür Sie wurde ein Konto für die Maßnahmenkataloge der Stadt Herne angelegt. Bitte legen Sie über diesen Link Ihr Passwort fest:\n\n${url}\n\nDer Link kann einmal verwendet werden und gilt bis ${until}.`,
    };
  }
  return {
    subject: '[Vielfalt] Passwort neu festlegen',
    body: `${greeting}\n\nfür Ihr Konto wurde ein Link zum Festlegen eines neuen Passworts erstellt:\n\n${url}\n\nDer Link kann einmal verwendet werden und gilt bis ${until}. Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte an die Administration.`,
  };
}

/**
 * Creates a link for a user (older unused links of the same kind stop working) and queues the
 * e-mail. The token is returned once and never stored.
 */
export async function issueLink(
  db: Db,
  input: { userId: string; kind: LinkKind; origin: string; by: ChangedBy; now?: Date },
): Promise<IssuedLink> {
  const now = input.now ?? new Date();
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new UserInputError('Unbekanntes Konto.', '');
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_VALID_DAYS * 24 * 60 * 60 * 1000);
  await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.userId, input.userId), eq(authTokens.kind, input.kind), isNull(authTokens.usedAt)));
  await db.insert(authTokens).values({
    userId: input.userId,
    kind: input.kind,
    tokenHash: hashToken(token),
    expiresAt,
    createdBy: input.by.userId ?? null,
    createdAt: now,
  });
  const url = `${input.origin.replace(/\/$/, '')}${LINK_PATH}${token}`;
  const mail = mailFor(input.kind, url, user.name, expiresAt);
  await db.insert(outbox).values({ recipient: user.email, subject: mail.subject, body: mail.body, createdAt: now });
  await recordAudit(db, {
    userId: input.by.userId ?? null,
    actorLabel: input.by.label ?? null,
    action: input.kind === 'invite' ? 'user.invite' : 'user.reset_link',
    entityType: 'user',
    entityId: input.userId,
    details: { email: user.email, expiresAt: expiresAt.toISOString() },
    at: now,
  });
  return { token, url, expiresAt };
}

export interface LinkInfo {
  kind: LinkKind;
  userId: string;
  email: string;
  name: string | null;
  expiresAt: Date;
}

/** What a link is for, if it is still usable (unused, not expired, active account). */
export async function inspectLink(db: Db, token: string, now = new Date()): Promise<LinkInfo | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ kind: authTokens.kind, userId: authTokens.userId, expiresAt: authTokens.expiresAt, email: users.email, name: users.name, active: users.active })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, hashToken(token)), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
  if (!row || !row.active) return null;
  return { kind: row.kind, userId: row.userId, email: row.email, name: row.name, expiresAt: row.expiresAt };
}

export class LinkInvalidError extends Error {
  constructor() {
    super('Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet.');
    this.name = 'LinkInvalidError';
  }
}

/**
 * Sets the password through a link: checks the password rules, uses the link up (atomically:
 * a second use fails), clears a lockout, ends all the user's sessions and signs the user in.
 */
export async function redeemLink(
  db: Db,
  input: { token: string; password: string; userAgent?: string | null; previousSessionId?: string | null; now?: Date },
): Promise<{ userId: string; kind: LinkKind; session: NewSession }> {
  const now = input.now ?? new Date();
  const info = await inspectLink(db, input.token, now);
  if (!info) throw new LinkInvalidError();
  const problem = passwordProblem(input.password, { email: info.email });
  if (problem) throw new UserInputError(problem, 'password');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const used = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.tokenHash, hashToken(input.token)), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
      .returning({ userId: authTokens.userId, kind: authTokens.kind });
    if (!used.length) throw new LinkInvalidError();
    const { userId, kind } = used[0]!;
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await recordUserRevision(tx, userId, { userId }, kind === 'invite' ? 'Einladung angenommen' : 'Passwort über Link neu festgelegt');
    await recordAudit(tx, {
      userId,
      action: kind === 'invite' ? 'user.invite.accept' : 'user.password.reset',
      entityType: 'user',
      entityId: userId,
      at: now,
    });
    const session = await createSession(tx, userId, { userAgent: input.userAgent, replaces: input.previousSessionId, now });
    await recordAudit(tx, { action: 'login.success', userId, details: { email: info.email, via: kind }, at: now });
    return { userId, kind, session };
  });
}
