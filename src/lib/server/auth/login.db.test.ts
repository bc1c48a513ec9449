import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { createTranslator } from '../../../lib/i18n';
import { auditLog, rateLimits, users } from '../db/schema';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, login } from './login';
import { resolveSession } from './sessions';
import { createSession } from './sessions';
import { makeUser, PASSWORD } from '../../../../tests/helpers/users';

describeEachEngine('login', (engine) => {
  const database = freshDatabaseEachTest(engine);

  const t0 = new Date('2026-11-23T08:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const de = createTranslator('de');

  it('signs in with the right password (e-mail case-insensitive), rotates the session and logs it', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    const old = await createSession(db, user.id, { now: t0 });
    const result = await login(db, { email: ' Anna@Herne.DE ', password: PASSWORD, ip: '10.0.0.1', previousSessionId: old.id, now: t0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ id: user.id, role: 'redaktion' });
    expect(await resolveSession(db, old.token, t0)).toBeNull();
    expect((await resolveSession(db, result.session.token, t0))?.user.id).toBe(user.id);
    const log = await db.select().from(auditLog).where(eq(auditLog.action, 'login.success'));
    expect(log).toHaveLength(1);
    expect(log[0]!.userId).toBe(user.id);
  });

  it('gives the same answer for an unknown e-mail and a wrong password, and never logs the password', async () => {
    const { db } = database;
    await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    const wrong = await login(db, { email: 'anna@herne.de', password: 'Falsches Passwort 123', ip: '10.0.0.1', now: t0 });
    const unknown = await login(db, { email: 'niemand@herne.de', password: 'Falsches Passwort 123', ip: '10.0.0.1', now: t0 });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(de('auth.login.invalid')).toBe('E-Mail-Adresse oder Passwort ist nicht richtig.');
    const log = await db.select().from(auditLog).where(eq(auditLog.action, 'login.failure'));
    expect(log).toHaveLength(2);
    expect(JSON.stringify(log)).not.toContain('Falsches Passwort');
  });

  it('refuses deactivated accounts and invitations not yet accepted with the same answer', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.0.0.1', now: t0 })).toEqual({ ok: false, reason: 'invalid' });
    await db.update(users).set({ active: true, passwordHash: null }).where(eq(users.id, user.id));
    expect(await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.0.0.1', now: t0 })).toEqual({ ok: false, reason: 'invalid' });
  });

  it(`locks the account after ${LOCKOUT_THRESHOLD} failures for ${LOCKOUT_MINUTES} minutes, with a German message`, async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const r = await login(db, { email: 'anna@herne.de', password: `falsch-${i}`, ip: '10.0.0.1', now: at(i * 1000) });
      expect(r, `attempt ${i + 1}`).toEqual({ ok: false, reason: 'invalid' });
    }
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil?.getTime()).toBe(at((LOCKOUT_THRESHOLD - 1) * 1000).getTime() + LOCKOUT_MINUTES * 60_000);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'lockout'))).toHaveLength(1);

    // Even the right password is refused while locked.
    const locked = await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.0.0.1', now: at(60_000) });
    expect(locked).toEqual({ ok: false, reason: 'locked', minutes: 15 });
    if (locked.ok || locked.reason !== 'locked') return;
    expect(de('auth.login.locked', { count: locked.minutes })).toBe('Zu viele Fehlversuche. Bitte versuchen Sie es in 15 Minuten erneut.');
    expect(de('auth.login.locked', { count: 1 })).toBe('Zu viele Fehlversuche. Bitte versuchen Sie es in 1 Minute erneut.');

    // After the lock: signing in works and resets the counter.
    const later = await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.0.0.1', now: at(LOCKOUT_MINUTES * 60_000 + 5000) });
    expect(later.ok).toBe(true);
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedLogins).toBe(0);
    expect(after!.lockedUntil).toBeNull();
  });

  it('answers an unknown e-mail like a real one: locked after the same number of attempts (no enumeration)', async () => {
    const { db } = database;
    await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    const run = async (email: string) => {
      const out = [];
      for (let i = 0; i <= LOCKOUT_THRESHOLD; i++) {
        const r = await login(db, { email, password: 'falsch', ip: `10.0.1.${email.length}`, now: at(i * 1000) });
        out.push(r.ok ? 'ok' : r.reason);
      }
      return out;
    };
    const real = await run('anna@herne.de');
    const unknown = await run('niemand@herne.de');
    expect(real).toEqual([...Array(LOCKOUT_THRESHOLD).fill('invalid'), 'locked']);
    expect(unknown).toEqual(real);
  });

  it('rate-limits per client address', async () => {
    const { db } = database;
    process.env.LOGIN_RATE_LIMIT_PER_IP = '3';
    try {
      const results = [];
      for (let i = 0; i < 4; i++) {
        const r = await login(db, { email: `x${i}@herne.de`, password: 'falsch', ip: '10.9.9.9', now: at(i) });
        results.push(r.ok ? 'ok' : r.reason);
      }
      expect(results).toEqual(['invalid', 'invalid', 'invalid', 'locked']);
      const other = await login(db, { email: 'y@herne.de', password: 'falsch', ip: '10.9.9.10', now: at(10) });
      expect(other).toEqual({ ok: false, reason: 'invalid' });
    } finally {
      delete process.env.LOGIN_RATE_LIMIT_PER_IP;
    }
  });
  it('refuses an e-mail with a NUL byte with its own reason, and still counts and audits the attempt', async () => {
    const { db } = database;
    for (const email of ['a\u0000b@x.de', 'anna\ud800@herne.de']) {
      const r = await login(db, { email, password: 'falsch', ip: '10.7.7.7', now: t0 });
      expect(r).toEqual({ ok: false, reason: 'invalid_input' });
    }
    const limits = await db.select().from(rateLimits);
    expect(limits.find((l) => l.key === 'login:ip:10.7.7.7')?.count).toBe(2);
    // Per-address keys are hashed: no e-mail address (and no NUL) is stored in the limits table.
    expect(limits.filter((l) => /^login:email:[0-9a-f]{64}$/.test(l.key))).toHaveLength(2);
    expect(limits.some((l) => l.key.includes('@'))).toBe(false);
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'login.failure'));
    expect(audited.map((a) => (a.details as { reason: string }).reason)).toEqual(['invalid_input', 'invalid_input']);
    expect(audited.map((a) => (a.details as { email: string }).email)).toEqual(['a\ufffdb@x.de', 'anna\ufffd@herne.de']);
  });

  it('locks the account by itself, with the per-address limits out of the way', async () => {
    const { db } = database;
    await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    // Every attempt from another client address, and the per-e-mail counter cleared after each
    // one: only the account's own failure count can lock it.
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const r = await login(db, { email: 'anna@herne.de', password: `falsch-${i}`, ip: `10.8.0.${i}`, now: at(i * 60_000) });
      expect(r, `attempt ${i + 1}`).toEqual({ ok: false, reason: 'invalid' });
      await db.delete(rateLimits);
    }
    const lockedAt = at((LOCKOUT_THRESHOLD - 1) * 60_000);
    const right = await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.8.1.1', now: new Date(lockedAt.getTime() + 1000) });
    expect(right).toEqual({ ok: false, reason: 'locked', minutes: LOCKOUT_MINUTES });
    await db.delete(rateLimits);
    const stillLocked = await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.8.1.2', now: new Date(lockedAt.getTime() + (LOCKOUT_MINUTES * 60 - 30) * 1000) });
    expect(stillLocked).toEqual({ ok: false, reason: 'locked', minutes: 1 });
    const after = await login(db, { email: 'anna@herne.de', password: PASSWORD, ip: '10.8.1.3', now: new Date(lockedAt.getTime() + LOCKOUT_MINUTES * 60_000 + 1000) });
    expect(after.ok).toBe(true);
  });

  it('names the same waiting time for the per-e-mail limit as for the account lockout', async () => {
    const { db } = database;
    await makeUser(db, 'redaktion', { email: 'anna@herne.de' });
    // Five failures spread over ten minutes, then one more: both a known and an unknown address
    // are refused for the whole lockout time counted from the fifth failure.
    const answers: unknown[] = [];
    for (const email of ['anna@herne.de', 'niemand@herne.de']) {
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await login(db, { email, password: 'falsch', ip: `10.6.${email.length}.${i}`, now: at(i * 150_000) });
      answers.push(await login(db, { email, password: 'falsch', ip: '10.6.9.9', now: at((LOCKOUT_THRESHOLD - 1) * 150_000 + 30_000) }));
    }
    expect(answers).toEqual([
      { ok: false, reason: 'locked', minutes: LOCKOUT_MINUTES },
      { ok: false, reason: 'locked', minutes: LOCKOUT_MINUTES },
    ]);
  });
});
