/** /konto: own account — change password (ends other sessions), log out everywhere. */
import { fail, redirect } from '@sveltejs/kit';
import { changeOwnPassword, logoutEverywhere } from '$lib/server/auth/account';
import { clearSessionCookie, getDb, requireUser } from '$lib/server/web/kit';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { UserInputError } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  return { account: { email: user.email, name: user.name, role: user.role }, minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
  password: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    try {
      await changeOwnPassword(await getDb(), user, event.locals.sessionId, {
        current: String(form.get('current') ?? ''),
        password: String(form.get('password') ?? ''),
        confirm: String(form.get('confirm') ?? ''),
      });
    } catch (e) {
      if (e instanceof UserInputError) return fail(400, { action: 'password' as const, errors: { [e.field || 'password']: e.message } as Record<string, string> });
      throw e;
    }
    return { action: 'password' as const, changed: true };
  },
  everywhere: async (event) => {
    const user = requireUser(event);
    await logoutEverywhere(await getDb(), user);
    clearSessionCookie(event.cookies, event.url);
    redirect(303, '/anmelden?abgemeldet');
  },
};
