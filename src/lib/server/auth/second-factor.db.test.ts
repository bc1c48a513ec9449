/**
 * The second factor (TOTP + recovery codes): enrolment, the login's second step, replay and
 * lockout protection, and the requirement for administrators. Codes are computed with the
 * same RFC 6238 algorithm an authenticator app uses (otpauth), at fixed times.
 */
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { makeUser, PASSWORD } from '../../../../tests/helpers/users';
import { auditLog, loginChallenges, recoveryCodes, users } from '../db/schema';
import { login } from './login';
import { resolveSession } from './sessions';
import {
  beginEnrolment,
  completeSecondFactor,
  confirmEnrolment,
  disableSecondFactor,
  matchingStep,
  requiredRoles,
  SecondFactorError,
  secondFactorRequired,
  secondFactorStatus,
} from './second-factor';
import type { SessionUser } from './policy';

const t0 = new Date('2026-11-23T08:00:10Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: when.getTime() });

it('matches a code within one 30-second step either side, and nothing else', () => {
  const secret = new Secret({ size: 20 }).base32;
  const now = at(0);
  expect(matchingStep(secret, codeAt(secret, now), now)).toBe(Math.floor(now.getTime() / 30_000));
  expect(matchingStep(secret, codeAt(secret, at(-30)), now)).not.toBeNull();
  expect(matchingStep(secret, codeAt(secret, at(90)), now)).toBeNull();
  expect(matchingStep(secret, '12345', now)).toBeNull();
  expect(matchingStep(secret, 'abcdef', now)).toBeNull();
  // Spaces as apps show them ("123 456") are fine.
  const code = codeAt(secret, now);
  expect(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
});

it('is required for administrators by default; MFA_REQUIRED_ROLES decides', () => {
  expect(requiredRoles({})).toEqual(['admin']);
  expect(secondFactorRequired({ role: 'admin' }, {})).toBe(true);
  expect(secondFactorRequired({ role: 'redaktion' }, {})).toBe(false);
  expect(requiredRoles({ MFA_REQUIRED_ROLES: 'admin, redaktion, unsinn' })).toEqual(['admin', 'redaktion']);
  expect(requiredRoles({ MFA_REQUIRED_ROLES: '' })).toEqual([]);
});

describeEachEngine('second factor', (engine) => {
  const database = freshDatabaseEachTest(engine);

  async function enrolled(role: SessionUser['role'] = 'redaktion') {
    const { db } = database;
    const made = await makeUser(db, role, { email: `${role}@herne.de` });
    const user: SessionUser = { id: made.id, email: `${role}@herne.de`, name: null, role, actorIds: [] };
    const { secret, uri } = await beginEnrolment(db, user);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Vielfalt:.*secret=/);
    // A wrong code does not switch it on.
    await expect(confirmEnrolment(db, user, '000000', at(0))).rejects.toBeInstanceOf(SecondFactorError);
    expect((await secondFactorStatus(db, user)).enabled).toBe(false);
    const codes = await confirmEnrolment(db, user, codeAt(secret, at(0)), at(0));
    return { user, secret, codes };
  }

  it('enrolment: the secret is in force after one right code; ten recovery codes, stored only as hashes', async () => {
    const { db } = database;
    const { user, codes } = await enrolled();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace('-', ''));
    expect(await secondFactorStatus(db, user)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'mfa.enable'))).length).toBe(1);
  });

  it('login: the password alone opens no session; the right code does, once', async () => {
    const { db } = database;
    const { user, secret } = await enrolled();
    const first = await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: at(60) });
    expect(first).toMatchObject({ ok: false, reason: 'second_factor' });
    if (first.ok || first.reason !== 'second_factor') return;
    // Wrong code: counted, the challenge stays.
    expect(await completeSecondFactor(db, { challenge: first.challenge, code: '000000', now: at(61) })).toMatchObject({ ok: false, reason: 'invalid' });
    const done = await completeSecondFactor(db, { challenge: first.challenge, code: codeAt(secret, at(62)), now: at(62) });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect((await resolveSession(db, done.session.token, at(62)))?.user).toMatchObject({ id: user.id, secondFactor: true });
    // The challenge is used up; the same code again (replay) is refused on a new challenge.
    expect(await completeSecondFactor(db, { challenge: first.challenge, code: codeAt(secret, at(62)), now: at(63) })).toMatchObject({ reason: 'expired' });
    const second = await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: at(64) });
    if (second.ok || second.reason !== 'second_factor') throw new Error('expected a challenge');
    expect(await completeSecondFactor(db, { challenge: second.challenge, code: codeAt(secret, at(62)), now: at(65) })).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringMatching(/schon verwendet/),
    });
    // A challenge expires after five minutes.
    expect(await completeSecondFactor(db, { challenge: second.challenge, code: codeAt(secret, at(64 + 301)), now: at(64 + 301) })).toMatchObject({ reason: 'expired' });
  });

  it('an account deactivated between the two steps gets no session', async () => {
    const { db } = database;
    const { user, secret } = await enrolled();
    const r = await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: at(60) });
    if (r.ok || r.reason !== 'second_factor') throw new Error('expected a challenge');
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await completeSecondFactor(db, { challenge: r.challenge, code: codeAt(secret, at(61)), now: at(61) })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('a recovery code works exactly once', async () => {
    const { db } = database;
    const { user, codes } = await enrolled();
    const challenge = async (s: number) => {
      const r = await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: at(s) });
      if (r.ok || r.reason !== 'second_factor') throw new Error('expected a challenge');
      return r.challenge;
    };
    const used = await completeSecondFactor(db, { challenge: await challenge(100), code: codes[3]!.toUpperCase(), now: at(100) });
    expect(used).toMatchObject({ ok: true, via: 'recovery' });
    expect(await completeSecondFactor(db, { challenge: await challenge(110), code: codes[3]!, now: at(110) })).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await secondFactorStatus(db, user)).recoveryCodesLeft).toBe(9);
  });

  it('wrong codes lock the account like wrong passwords', async () => {
    const { db } = database;
    const { user } = await enrolled();
    const r = await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: at(200) });
    if (r.ok || r.reason !== 'second_factor') throw new Error('expected a challenge');
    const results = [];
    for (let n = 0; n < 5; n++) results.push(await completeSecondFactor(db, { challenge: r.challenge, code: '999999', now: at(201 + n) }));
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'locked' });
    const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(at(205).getTime());
    // Locked: even the right password and code get nowhere now.
    expect(await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: at(210) })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await db.select().from(loginChallenges)).toEqual([]);
  });

  it('administrators cannot switch it off; others can, with a current code', async () => {
    const { db } = database;
    const admin = await enrolled('admin');
    await expect(disableSecondFactor(db, admin.user, codeAt(admin.secret, at(300)), at(300))).rejects.toThrow(/vorgeschrieben/);
    const editor = await enrolled('redaktion');
    await expect(disableSecondFactor(db, editor.user, '000000', at(300))).rejects.toBeInstanceOf(SecondFactorError);
    await disableSecondFactor(db, editor.user, codeAt(editor.secret, at(300)), at(300));
    expect(await secondFactorStatus(db, editor.user)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await login(db, { email: editor.user.email, password: PASSWORD, ip: '10.0.0.1', now: at(301) })).toMatchObject({ ok: true });
  });
});
