/**
 * Test-only seeding for end-to-end tests; 404 unless testRoutesEnabled() (VIELFALT_E2E=1, never in production).
 *
 *   POST { users: [{ email, password, role, name?, actors?: [slug], active? }], login?: email }
 *        → { users: [{ id, email }] } — creates or resets the users; with `login`, the response
 *          sets the session cookie for that user (no login form, no rate limit).
 *   GET  → { fingerprint } — summary of stored data (authorisation matrix: forbidden requests
 *          must leave it unchanged).
 */
import { error, json } from '@sveltejs/kit';
import { getDb, setSessionCookie } from '$lib/server/web/kit';
import { dataFingerprint, seedUsers, seedUsersInput, sessionFor } from '$lib/server/testing/e2e-setup';
import { testRoutesEnabled } from '$lib/server/testing/e2e-switch';
import type { RequestHandler } from './$types';

function enabled(): void {
  if (!testRoutesEnabled()) error(404, 'Seite nicht gefunden');
}

export const GET: RequestHandler = async () => {
  enabled();
  return json({ fingerprint: await dataFingerprint(await getDb()) });
};

export const POST: RequestHandler = async ({ request, cookies, url }) => {
  enabled();
  const parsed = seedUsersInput.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? 'invalid' }, { status: 400 });
  const db = await getDb();
  const created = await seedUsers(db, parsed.data.users);
  if (parsed.data.login) {
    const session = await sessionFor(db, parsed.data.login);
    if (!session) return json({ error: `unknown user ${parsed.data.login}` }, { status: 400 });
    setSessionCookie(cookies, url, session);
  }
  return json({ users: created });
};
