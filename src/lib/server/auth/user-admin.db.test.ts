import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { auditLog, authTokens, outbox, revisions, userActorScopes } from '../db/schema';
import { inspectLink, redeemLink } from './links';
import { ForbiddenError, UnauthenticatedError } from './policy';
import { createSession, resolveSession } from './sessions';
import { makeActor, makeUser } from '../../../../tests/helpers/users';
import { createPasswordLink, getUser, inviteUser, listUsers, setUserActive, updateUser } from './user-admin';
import { UserInputError } from './users';

describeEachEngine('user administration', (engine) => {
  const database = freshDatabaseEachTest(engine);

  const origin = 'https://vielfalt.herne.de';

  it('invites a contributor bound to an actor; the link sets the password; revision without hash', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const actorId = await makeActor(db, 'Volkshochschule');
    const invited = await inviteUser(db, admin, { email: 'Bea@Herne.de', name: 'Bea', role: 'beitragende', actorIds: [actorId] }, { origin });
    expect(invited.email).toBe('bea@herne.de');
    expect(invited.link.url).toMatch(/^https:\/\/vielfalt\.herne\.de\/einladung\/[\w-]{43}$/);
    expect((await inspectLink(db, invited.link.token))?.kind).toBe('invite');
    expect(await db.select().from(outbox)).toHaveLength(1);

    const list = await listUsers(db);
    const bea = list.find((u) => u.email === 'bea@herne.de')!;
    expect(bea).toMatchObject({ role: 'beitragende', invited: true, active: true, actors: [{ id: actorId, name: 'Volkshochschule' }], lastLoginAt: null });

    const { session } = await redeemLink(db, { token: invited.link.token, password: 'Lange Passphrase für Bea 1' });
    expect((await resolveSession(db, session.token))?.user).toMatchObject({ role: 'beitragende', actorIds: [actorId] });
    expect((await listUsers(db)).find((u) => u.email === 'bea@herne.de')).toMatchObject({ invited: false });

    const revs = await db.select().from(revisions).where(eq(revisions.entityId, invited.userId));
    expect(revs.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(revs);
    expect(text).not.toMatch(/argon2|password/i);
    expect(revs[0]!.state).toMatchObject({ email: 'bea@herne.de', role: 'beitragende', actorIds: [actorId] });
  });

  it('validates invitations: e-mail, duplicates, contributors need an actor', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin', { email: 'admin@herne.de' });
    await expect(inviteUser(db, admin, { email: 'keine', role: 'redaktion' }, { origin })).rejects.toThrow(/gültige E-Mail-Adresse/);
    await expect(inviteUser(db, admin, { email: 'ADMIN@herne.de', role: 'redaktion' }, { origin })).rejects.toThrow(/bereits ein Konto/);
    await expect(inviteUser(db, admin, { email: 'b@herne.de', role: 'beitragende' }, { origin })).rejects.toThrow(/mindestens einem Akteur/);
    await expect(inviteUser(db, admin, { email: 'b@herne.de', role: 'chef' }, { origin })).rejects.toThrow(UserInputError);
  });

  it('only administrators may manage users', async () => {
    const { db } = database;
    const editor = await makeUser(db, 'redaktion');
    await expect(inviteUser(db, editor, { email: 'x@herne.de', role: 'lesend' }, { origin })).rejects.toThrow(ForbiddenError);
    await expect(inviteUser(db, null, { email: 'x@herne.de', role: 'lesend' }, { origin })).rejects.toThrow(UnauthenticatedError);
    await expect(setUserActive(db, editor, editor.id, false)).rejects.toThrow(ForbiddenError);
    await expect(updateUser(db, editor, editor.id, { role: 'admin' })).rejects.toThrow(ForbiddenError);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'user.role.change'))).toEqual([]);
  });

  it('changes role and scopes with revision and audit entries', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const user = await makeUser(db, 'lesend');
    const a1 = await makeActor(db);
    const a2 = await makeActor(db);
    await updateUser(db, admin, user.id, { name: 'Carla', role: 'beitragende', actorIds: [a1, a2] });
    expect(await getUser(db, user.id)).toMatchObject({ name: 'Carla', role: 'beitragende', actorIds: [a1, a2].sort() });
    const [change] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.role.change'));
    expect(change).toMatchObject({ userId: admin.id, entityId: user.id, details: { from: 'lesend', to: 'beitragende' } });
    // Back to a role without scopes: scopes are removed.
    await updateUser(db, admin, user.id, { name: 'Carla', role: 'redaktion', actorIds: [a1] });
    expect(await db.select().from(userActorScopes).where(eq(userActorScopes.userId, user.id))).toEqual([]);
    const revs = await db.select().from(revisions).where(and(eq(revisions.entityType, 'user'), eq(revisions.entityId, user.id)));
    expect(revs.map((r) => r.comment)).toEqual(['Konto angelegt', 'Rolle geändert: lesend → beitragende', 'Rolle geändert: beitragende → redaktion']);
    expect(JSON.stringify(revs)).not.toMatch(/argon2|passwordHash/);
  });

  it('protects the last active administrator from demotion and deactivation', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    await expect(updateUser(db, admin, admin.id, { role: 'redaktion' })).rejects.toThrow(/mindestens eine aktive Administratorin/);
    await expect(setUserActive(db, admin, admin.id, false)).rejects.toThrow(/mindestens eine aktive Administratorin/);
    // With a second active admin it is allowed.
    const second = await makeUser(db, 'admin');
    await setUserActive(db, admin, second.id, false);
    await expect(setUserActive(db, admin, admin.id, false)).rejects.toThrow(/mindestens eine aktive/);
    await setUserActive(db, admin, second.id, true);
    await updateUser(db, admin, admin.id, { role: 'redaktion' });
    expect((await getUser(db, admin.id))?.role).toBe('redaktion');
  });

  it('deactivation ends sessions and is audit-logged; reactivation allows login again', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const user = await makeUser(db, 'redaktion');
    const s = await createSession(db, user.id);
    await setUserActive(db, admin, user.id, false);
    expect(await resolveSession(db, s.token)).toBeNull();
    await setUserActive(db, admin, user.id, true);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('creates a reset link for accounts with a password, an invitation otherwise', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const user = await makeUser(db, 'redaktion');
    const reset = await createPasswordLink(db, admin, user.id, { origin });
    expect(reset.kind).toBe('reset');
    const invited = await inviteUser(db, admin, { email: 'neu@herne.de', role: 'lesend' }, { origin });
    const again = await createPasswordLink(db, admin, invited.userId, { origin });
    expect(again.kind).toBe('invite');
    expect(await inspectLink(db, invited.link.token)).toBeNull();
    expect((await db.select().from(authTokens)).length).toBe(3);
  });
});
