/**
 * Test-only seeding for end-to-end tests; 404 unless testRoutesEnabled() (VIELFALT_E2E=1, never in production).
 *
 *   POST { users: [{ email, password, role, name?, actors?: [slug], active? }], login?: email }
 *        → { users: [{ id, email }] } — creates or resets the users; with `login`, the response
 *          sets the session cookie for that user (no login form, no rate limit).
 *        reviews?: { backdate?: { actor: slug, lastReviewedAt }, runReminders?: true }
 *        → also { review: { measure?: { id, title }, reminders? } } — backdates the last review of the
 *          actor's first published measure; runs the reminder job now (review/reminders.ts).
 *   GET  → { fingerprint } — summary of stored data (authorisation matrix: forbidden requests
 *          must leave it unchanged).
 *   GET ?outbox=<email> → { mails: [{ subject, body, createdAt }] } — e-mails queued for that address, newest first.
 */
import { error, json } from '@sveltejs/kit';
import { getDb, setSessionCookie } from '$lib/server/web/kit';
import { backdateReview, dataFingerprint, outboxFor, seedUsers, seedUsersInput, sessionFor } from '$lib/server/testing/e2e-setup';
import { runReviewReminders } from '$lib/server/review/reminders';
import { testRoutesEnabled } from '$lib/server/testing/e2e-switch';
import type { RequestHandler } from './$types';

function enabled(): void {
  if (!testRoutesEnabled()) error(404, 'Seite nicht gefunden');
}

export const GET: RequestHandler = async ({ url }) => {
  enabled();
  const recipient = url.searchParams.get('outbox');
  if (recipient) return json({ mails: await outboxFor(await getDb(), recipient) });
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
  const reviews = parsed.data.reviews;
  const review = reviews
    ? {
        measure: reviews.backdate ? await backdateReview(db, reviews.backdate.actor, reviews.backdate.lastReviewedAt) : undefined,
        reminders: reviews.runReminders ? await runReviewReminders(db, { force: true }) : undefined,
      }
    : undefined;
  return json({ users: created, ...(review ? { review } : {}) });
};
