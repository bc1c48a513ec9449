/** /admin/benutzer/<id>: change name, role and actor scopes; deactivate/reactivate; password link. */
import { error } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { createPasswordLink, getUser, listActorOptions, setUserActive, updateUser } from '$lib/server/auth/user-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'user.manage');
  const db = await getDb();
  const account = await getUser(db, event.params.id);
  if (!account) error(404, 'Konto nicht gefunden');
  const actors = await listActorOptions(db);
  return {
    account: { ...account, lockedUntil: account.lockedUntil && account.lockedUntil.getTime() > Date.now() ? account.lockedUntil.toISOString() : null },
    actors: actors.map(({ id, name }) => ({ id, name })),
  };
};


export const actions: Actions = {
  update: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const form = await event.request.formData();
    const values = { name: String(form.get('name') ?? ''), role: String(form.get('role') ?? ''), actorIds: form.getAll('actorIds').map(String) };
    const r = await runAction(event, async () => updateUser(await getDb(), admin, event.params.id, values), { data: { section: 'update' as const, values } });
    return isFailure(r) ? r : { section: 'update' as const, saved: true };
  },
  deactivate: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const r = await runAction(event, async () => setUserActive(await getDb(), admin, event.params.id, false), { data: { section: 'status' as const } });
    return isFailure(r) ? r : { section: 'status' as const, saved: true };
  },
  reactivate: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const r = await runAction(event, async () => setUserActive(await getDb(), admin, event.params.id, true), { data: { section: 'status' as const } });
    return isFailure(r) ? r : { section: 'status' as const, saved: true };
  },
  link: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const r = await runAction(event, async () => createPasswordLink(await getDb(), admin, event.params.id, { origin: event.url.origin }), {
      data: { section: 'link' as const },
    });
    if (isFailure(r)) return r;
    return { section: 'link' as const, link: { kind: r.kind, email: r.email, url: r.url, expiresAt: r.expiresAt.toISOString() } };
  },
};
