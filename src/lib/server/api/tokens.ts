/**
 * Personal API tokens for the write endpoints of /api/v1.
 *
 * - Created by a signed-in user for themselves and shown once: `vf_` + 32 random bytes
 *   (base64url); only the sha256 is stored (like session tokens), plus a short prefix so the
 *   owner can tell tokens apart.
 * - A token acts with its owner's *current* role and actor scopes (a demoted user's tokens lose
 *   rights at once); deactivated users' tokens stop working.
 * - Revoked tokens answer 401. Creation, revocation and every use are audited.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../db/connection';
import { apiTokens, type Role } from '../db/schema';
import { hashToken, randomToken } from '../auth/crypto';
import { recordAudit } from '../auth/audit';
import { parseIds } from '../auth/sessions';
import type { SessionUser } from '../auth/policy';
import { fieldErrors } from '../validation/fields';
import { NotFoundError, ValidationError } from '../editing/errors';

export const TOKEN_PREFIX = 'vf_';
/** Tokens per user that are not revoked (a sanity limit, not a security boundary). */
export const MAX_ACTIVE_TOKENS = 20;

export const tokenNameInput = z.object({
  name: z.string().trim().min(2, 'Bitte geben Sie einen Namen an (mindestens 2 Zeichen), z. B. „Import Fachbereich 51“.').max(100, 'Höchstens 100 Zeichen.'),
});

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiTokens(db: Db, user: SessionUser): Promise<ApiTokenSummary[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id)).orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Creates a token for the user; the returned `token` is the only time the secret exists outside the client. */
export async function createApiToken(db: Db, user: SessionUser, input: { name: string }): Promise<{ token: string; summary: ApiTokenSummary }> {
  const parsed = tokenNameInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const active = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)));
  if (active.length >= MAX_ACTIVE_TOKENS)
    throw new ValidationError({ name: `Sie haben bereits ${MAX_ACTIVE_TOKENS} aktive Schlüssel. Bitte widerrufen Sie zuerst einen.` });
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: user.id, name: parsed.data.name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
    .returning();
  await recordAudit(db, { action: 'api.token.create', userId: user.id, entityType: 'api_token', entityId: row!.id, details: { name: row!.name } });
  return {
    token,
    summary: { id: row!.id, name: row!.name, prefix: row!.prefix, createdAt: row!.createdAt.toISOString(), lastUsedAt: null, revokedAt: null },
  };
}

/** Revokes one of the user's own tokens (administrators may revoke anyone's). */
export async function revokeApiToken(db: Db, user: SessionUser, tokenId: string): Promise<void> {
  if (!z.string().uuid().safeParse(tokenId).success) throw new NotFoundError('Der Schlüssel');
  const owner = user.role === 'admin' ? undefined : eq(apiTokens.userId, user.id);
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt), owner))
    .returning();
  if (!row) throw new NotFoundError('Der Schlüssel');
  await recordAudit(db, { action: 'api.token.revoke', userId: user.id, entityType: 'api_token', entityId: row.id, details: { name: row.name } });
}

interface TokenRow {
  id: string;
  revoked_at: Date | string | null;
  user_id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  actor_ids: string[] | string | null;
}

export type TokenResolution = { ok: true; user: SessionUser; tokenId: string } | { ok: false; reason: 'unknown' | 'revoked' | 'inactive' };

/**
 * The user behind a bearer token, with its use recorded (audit `api.token.use` with method and
 * path, and `last_used_at`). Unknown, revoked and deactivated users' tokens resolve to a reason.
 */
export async function resolveApiToken(db: Db, token: string, use: { method: string; path: string }): Promise<TokenResolution> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { ok: false, reason: 'unknown' };
  const [row] = await queryRows<TokenRow>(
    db,
    sql`select t.id, t.revoked_at, u.id as user_id, u.email, u.name, u.role, u.active,
          coalesce((select json_agg(a.actor_id::text order by a.actor_id) from user_actor_scopes a where a.user_id = u.id), '[]'::json) as actor_ids
        from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = ${hashToken(token)}`,
  );
  if (!row) return { ok: false, reason: 'unknown' };
  const details = { tokenId: row.id, method: use.method, path: use.path.slice(0, 300) };
  if (row.revoked_at || !row.active) {
    await recordAudit(db, { action: 'api.token.refused', userId: row.user_id, entityType: 'api_token', entityId: row.id, details });
    return { ok: false, reason: row.revoked_at ? 'revoked' : 'inactive' };
  }
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  await recordAudit(db, { action: 'api.token.use', userId: row.user_id, entityType: 'api_token', entityId: row.id, details });
  return {
    ok: true,
    tokenId: row.id,
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role, actorIds: row.role === 'beitragende' ? parseIds(row.actor_ids) : [] },
  };
}
