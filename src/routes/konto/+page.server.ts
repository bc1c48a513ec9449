/** /konto: own account — change password (ends other sessions), log out everywhere. */
import { redirect } from '@sveltejs/kit';
import { changeOwnPassword, logoutEverywhere } from '$lib/server/auth/account';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { clearSessionCookie, getDb, requireUser } from '$lib/server/web/kit';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  return { account: { email: user.email, name: user.name, role: user.role }, minLength: PASSWORD_MIN_LENGTH, secondFactor: Boolean(user.secondFactor) };
};

export const actions: Actions = {
  password: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const result = await runAction(
      event,
      async () =>
        changeOwnPassword(await getDb(), user, event.locals.sessionId, {
          current: String(form.get('current') ?? ''),
          password: String(form.get('password') ?? ''),
          confirm: String(form.get('confirm') ?? ''),
        }),
      { data: { action: 'password' as const }, field: 'password' },
    );
    if (isFailure(result)) return result;
    return { action: 'password' as const, changed: true };
  },
  everywhere: async (event) => {
    const user = requireUser(event);
    await logoutEverywhere(await getDb(), user);
    clearSessionCookie(event.cookies, event.url);
    redirect(303, '/anmelden?abgemeldet');
  },
};
