/** /admin/benutzer: accounts (admin only) — list and invite. */
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { inviteUser, listActorOptions, listUsers } from '$lib/server/auth/user-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'user.manage');
  const db = await getDb();
  const [users, actors] = await Promise.all([listUsers(db), listActorOptions(db)]);
  return {
    users: users.map((u) => ({
      ...u,
      lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    })),
    actors: actors.map(({ id, name }) => ({ id, name })),
  };
};

export const actions: Actions = {
  invite: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const form = await event.request.formData();
    const values = {
      email: String(form.get('email') ?? ''),
      name: String(form.get('name') ?? ''),
      role: String(form.get('role') ?? ''),
      actorIds: form.getAll('actorIds').map(String),
    };
    const result = await runAction(event, async () => inviteUser(await getDb(), admin, values, { origin: event.url.origin }), { data: { values } });
    if (isFailure(result)) return result;
    return { invited: { email: result.email, url: result.link.url, expiresAt: result.link.expiresAt.toISOString() } };
  },
};
