import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { authTokens, outbox, users } from '../db/schema';
import { hashToken } from './crypto';
import { inspectLink, issueLink, LINK_VALID_DAYS, LinkInvalidError, redeemLink } from './links';
import { login } from './login';
import { createSession, resolveSession } from './sessions';
import { makeUser, PASSWORD } from '../../../../tests/helpers/users';
import { UserInputError } from './users';

describeEachEngine('one-time links (invitation, password reset)', (engine) => {
  const database = freshDatabaseEachTest(engine);

  const t0 = new Date('2026-11-23T08:00:00Z');
  const day = 24 * 60 * 60 * 1000;
  const NEW = 'Ein ganz neues Passwort 2027';

  it('store only the hash, queue an e-mail with the link and work exactly once', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const user = await makeUser(db, 'redaktion');
    const link = await issueLink(db, { userId: user.id, kind: 'reset', origin: 'https://vielfalt.herne.de/', by: { userId: admin.id }, now: t0 });
    expect(link.url).toBe(`https://vielfalt.herne.de/einladung/${link.token}`);
    const [row] = await db.select().from(authTokens);
    expect(row!.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const mails = await db.select().from(outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe(user.email);
    expect(mails[0]!.body).toContain(link.url);

    expect((await inspectLink(db, link.token, t0))?.kind).toBe('reset');
    const other = await createSession(db, user.id, { now: t0 });
    const redeemed = await redeemLink(db, { token: link.token, password: NEW, now: t0 });
    expect(redeemed.userId).toBe(user.id);
    // All earlier sessions ended; the new one works; the new password works, the old one not.
    expect(await resolveSession(db, other.token, t0)).toBeNull();
    expect(await resolveSession(db, redeemed.session.token, t0)).not.toBeNull();
    expect((await login(db, { email: user.email, password: NEW, ip: '1', now: t0 })).ok).toBe(true);
    expect((await login(db, { email: user.email, password: PASSWORD, ip: '1', now: t0 })).ok).toBe(false);

    // Second use fails.
    expect(await inspectLink(db, link.token, t0)).toBeNull();
    await expect(redeemLink(db, { token: link.token, password: 'Noch ein anderes Passwort', now: t0 })).rejects.toThrow(LinkInvalidError);
  });

  it(`expire after ${LINK_VALID_DAYS} days`, async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const link = await issueLink(db, { userId: user.id, kind: 'reset', origin: 'http://x', by: {}, now: t0 });
    expect(await inspectLink(db, link.token, new Date(t0.getTime() + LINK_VALID_DAYS * day - 1000))).not.toBeNull();
    const late = new Date(t0.getTime() + LINK_VALID_DAYS * day + 1000);
    expect(await inspectLink(db, link.token, late)).toBeNull();
    await expect(redeemLink(db, { token: link.token, password: NEW, now: late })).rejects.toThrow(LinkInvalidError);
  });

  it('a new link makes older ones of the same kind invalid; bad passwords leave the link usable', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    const first = await issueLink(db, { userId: user.id, kind: 'reset', origin: 'http://x', by: {}, now: t0 });
    const second = await issueLink(db, { userId: user.id, kind: 'reset', origin: 'http://x', by: {}, now: t0 });
    expect(await inspectLink(db, first.token, t0)).toBeNull();
    await expect(redeemLink(db, { token: second.token, password: 'kurz', now: t0 })).rejects.toThrow(UserInputError);
    expect(await inspectLink(db, second.token, t0)).not.toBeNull();
  });

  it('an accepted reset clears a lockout; links of deactivated accounts do not work', async () => {
    const { db } = database;
    const user = await makeUser(db, 'redaktion');
    await db.update(users).set({ lockedUntil: new Date(t0.getTime() + 600_000), failedLogins: 3 }).where(eq(users.id, user.id));
    const link = await issueLink(db, { userId: user.id, kind: 'reset', origin: 'http://x', by: {}, now: t0 });
    await redeemLink(db, { token: link.token, password: NEW, now: t0 });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil).toBeNull();
    expect(row!.failedLogins).toBe(0);

    const again = await issueLink(db, { userId: user.id, kind: 'reset', origin: 'http://x', by: {}, now: t0 });
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await inspectLink(db, again.token, t0)).toBeNull();
  });
});
