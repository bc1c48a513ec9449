import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { sessions } from '../db/schema';
import { hashToken } from './crypto';
import { createSession, deleteSession, deleteUserSessions, purgeExpiredSessions, resolveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions';
import { setUserActive } from './user-admin';
import { logoutEverywhere } from './account';
import { makeActor, makeUser } from '../../../../tests/helpers/users';

describeEachEngine('sessions', (engine) => {
  const database = freshDatabaseEachTest(engine);

  const t0 = new Date('2026-11-23T08:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('store only the hash of the token and resolve the user with role and actor scopes', async () => {
    const { db } = database;
    const actorId = await makeActor(db);
    const user = await makeUser(db, 'beitragende', { actorIds: [actorId] });
    const s = await createSession(db, user.id, { now: t0, userAgent: 'Vitest' });
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.select().from(sessions);
    expect(rows.map((r) => r.id)).toEqual([hashToken(s.token)]);
    expect(JSON.stringify(rows)).not.toContain(s.token);
    expect(rows[0]!.expiresAt.getTime()).toBe(t0.getTime() + SESSION_ABSOLUTE_MS);

    const resolved = await resolveSession(db, s.token, at(1000));
    expect(resolved?.user).toEqual({ id: user.id, email: user.email, name: null, role: 'beitragende', actorIds: [actorId], secondFactor: false });
    expect(resolved?.sessionId).toBe(s.id);
    expect(await resolveSession(db, 'unbekannt', at(1000))).toBeNull();
  });

  it('rotate on login: the previous session is deleted', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const first = await createSession(db, user.id, { now: t0 });
    const second = await createSession(db, user.id, { now: t0, replaces: first.id });
    expect(await resolveSession(db, first.token, t0)).toBeNull();
    expect((await resolveSession(db, second.token, t0))?.user.id).toBe(user.id);
  });

  it('expire after the idle timeout; activity (written at most once a minute) keeps them alive', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const s = await createSession(db, user.id, { now: t0 });
    // 30 s later: valid, last_seen_at not written (saves writes).
    expect(await resolveSession(db, s.token, at(30_000))).not.toBeNull();
    let [row] = await db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(row!.lastSeenAt.getTime()).toBe(t0.getTime());
    // Just before the idle limit: valid and touched.
    expect(await resolveSession(db, s.token, at(SESSION_IDLE_MS - 1000))).not.toBeNull();
    [row] = await db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(row!.lastSeenAt.getTime()).toBe(t0.getTime() + SESSION_IDLE_MS - 1000);
    // Still alive 2 h after the last activity minus a second; gone after 2 h of silence.
    expect(await resolveSession(db, s.token, at(2 * SESSION_IDLE_MS - 2000))).not.toBeNull();
    expect(await resolveSession(db, s.token, at(3 * SESSION_IDLE_MS))).toBeNull();
    expect(await db.select().from(sessions)).toEqual([]);
  });

  it('expire at the absolute timeout even when active', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const s = await createSession(db, user.id, { now: t0 });
    for (let h = 1; h < 12; h++) expect(await resolveSession(db, s.token, at(h * 3_600_000)), `hour ${h}`).not.toBeNull();
    expect(await resolveSession(db, s.token, at(SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it('logout ends one session, logout everywhere all of them', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const other = await makeUser(db, 'lesend');
    const a = await createSession(db, user.id);
    const b = await createSession(db, user.id);
    const c = await createSession(db, other.id);
    await deleteSession(db, a.id);
    expect(await resolveSession(db, a.token)).toBeNull();
    expect(await resolveSession(db, b.token)).not.toBeNull();
    const d = await createSession(db, user.id);
    expect(await logoutEverywhere(db, user)).toBe(2);
    expect(await resolveSession(db, b.token)).toBeNull();
    expect(await resolveSession(db, d.token)).toBeNull();
    expect(await resolveSession(db, c.token)).not.toBeNull();
    expect(await deleteUserSessions(db, other.id, { except: c.id })).toBe(0);
  });

  it('end when the user is deactivated', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const user = await makeUser(db, 'redaktion');
    const s = await createSession(db, user.id);
    await setUserActive(db, admin, user.id, false);
    expect(await resolveSession(db, s.token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });

  it('purge expired sessions', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const other = await makeUser(db, 'lesend');
    await createSession(db, other.id, { now: t0 });
    const fresh = await createSession(db, user.id, { now: at(SESSION_IDLE_MS + 60_000) });
    expect(await purgeExpiredSessions(db, at(SESSION_IDLE_MS + 120_000))).toBe(1);
    expect((await db.select().from(sessions)).map((r) => r.id)).toEqual([fresh.id]);
  });
});
