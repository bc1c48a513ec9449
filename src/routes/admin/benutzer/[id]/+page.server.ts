/** /admin/benutzer/<id>: change name, role and actor scopes; deactivate/reactivate; password link. */
import { error, fail } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { createPasswordLink, getUser, listActorOptions, setUserActive, updateUser } from '$lib/server/auth/user-admin';
import { UserInputError } from '$lib/server/auth/users';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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

type Section = 'update' | 'status' | 'link';

function failWith(section: Section, e: unknown, values?: Record<string, unknown>) {
  if (e instanceof UserInputError) return fail(400, { section, values, errors: { [e.field || 'form']: e.message } as Record<string, string> });
  throw e;
}

async function run<T>(event: RequestEvent, section: Section, fn: () => Promise<T>, values?: Record<string, unknown>) {
  try {
    return { ok: true as const, result: await guard(event, fn) };
  } catch (e) {
    return { ok: false as const, failure: failWith(section, e, values) };
  }
}

export const actions: Actions = {
  update: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const form = await event.request.formData();
    const values = { name: String(form.get('name') ?? ''), role: String(form.get('role') ?? ''), actorIds: form.getAll('actorIds').map(String) };
    const r = await run(event, 'update', async () => updateUser(await getDb(), admin, event.params.id, values), values);
    return r.ok ? { section: 'update' as const, saved: true } : r.failure;
  },
  deactivate: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const r = await run(event, 'status', async () => setUserActive(await getDb(), admin, event.params.id, false));
    return r.ok ? { section: 'status' as const, saved: true } : r.failure;
  },
  reactivate: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const r = await run(event, 'status', async () => setUserActive(await getDb(), admin, event.params.id, true));
    return r.ok ? { section: 'status' as const, saved: true } : r.failure;
  },
  link: async (event) => {
    const admin = requirePermission(event, 'user.manage');
    const r = await run(event, 'link', async () => createPasswordLink(await getDb(), admin, event.params.id, { origin: event.url.origin }));
    return r.ok
      ? { section: 'link' as const, link: { kind: r.result.kind, email: r.result.email, url: r.result.url, expiresAt: r.result.expiresAt.toISOString() } }
      : r.failure;
  },
};
