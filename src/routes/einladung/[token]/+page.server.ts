/** /einladung/<token>: set a password through an invitation or reset link (one-time, 7 days). */
import { error, fail, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, setSessionCookie } from '$lib/server/web/kit';
import { inspectLink, redeemLink } from '$lib/server/auth/links';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import type { Actions, PageServerLoad } from './$types';

const INVALID = 'Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet.';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
  // The token is in the URL: keep the page out of caches.
  setHeaders({ 'cache-control': 'no-store' });
  const link = await inspectLink(await getDb(), params.token);
  if (!link) error(404, INVALID);
  return { kind: link.kind, email: link.email, name: link.name, expiresAt: link.expiresAt.toISOString(), minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
  default: async (event) => {
    const { params, request, cookies, url, locals } = event;
    const form = await request.formData();
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirm') ?? '');
    if (password !== confirm && password) {
      return fail(400, { errors: { confirm: 'Die beiden Passwörter stimmen nicht überein.' } as Record<string, string> });
    }
    // An invalid or used link answers the 404 page with its message (LinkInvalidError).
    const result = await runAction(
      event,
      async () =>
        redeemLink(await getDb(), {
          token: params.token,
          password,
          userAgent: request.headers.get('user-agent'),
          previousSessionId: locals.sessionId,
        }),
      { field: 'password', notFound: 'page' },
    );
    if (isFailure(result)) return result;
    setSessionCookie(cookies, url, result.session);
    redirect(303, '/admin');
  },
};
