/** /admin/benutzer: accounts (admin only) — list and invite. */
import { fail } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { inviteUser, listActorOptions, listUsers } from '$lib/server/auth/user-admin';
import { UserInputError } from '$lib/server/auth/users';
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
    try {
      const result = await guard(event, async () =>
        inviteUser(await getDb(), admin, values, { origin: event.url.origin }),
      );
      return { invited: { email: result.email, url: result.link.url, expiresAt: result.link.expiresAt.toISOString() } };
    } catch (e) {
      if (e instanceof UserInputError) return fail(400, { values, errors: { [e.field || 'form']: e.message } as Record<string, string> });
      throw e;
    }
  },
};
