/** First start: create the first administrator. Only while no account exists (404 afterwards). */
import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, setSessionCookie } from '$lib/server/web/kit';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { setupAvailable, setupFirstAdmin } from '$lib/server/auth/setup';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  if (!(await setupAvailable(await getDb()))) error(404, 'Seite nicht gefunden');
  return { minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, cookies, url } = event;
    const form = await request.formData();
    const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
    // Once set up (SetupClosedError) the page answers 404.
    const result = await runAction(
      event,
      async () =>
        setupFirstAdmin(
          await getDb(),
          { ...values, password: String(form.get('password') ?? ''), confirm: String(form.get('confirm') ?? '') },
          { userAgent: request.headers.get('user-agent') },
        ),
      { data: { values }, notFound: 'page' },
    );
    if (isFailure(result)) return result;
    setSessionCookie(cookies, url, result.session);
    redirect(303, '/admin');
  },
};
