/** First start: create the first administrator. Only while no account exists (404 afterwards). */
import { error, fail, redirect } from '@sveltejs/kit';
import { getDb, setSessionCookie } from '$lib/server/web/kit';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { setupAvailable, setupFirstAdmin, SetupClosedError } from '$lib/server/auth/setup';
import { UserInputError } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  if (!(await setupAvailable(await getDb()))) error(404, 'Seite nicht gefunden');
  return { minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
    try {
      const { session } = await setupFirstAdmin(
        await getDb(),
        { ...values, password: String(form.get('password') ?? ''), confirm: String(form.get('confirm') ?? '') },
        { userAgent: request.headers.get('user-agent') },
      );
      setSessionCookie(cookies, url, session);
    } catch (e) {
      if (e instanceof SetupClosedError) error(404, 'Seite nicht gefunden');
      if (e instanceof UserInputError) return fail(400, { values, errors: { [e.field || 'form']: e.message } as Record<string, string> });
      throw e;
    }
    redirect(303, '/admin');
  },
};
