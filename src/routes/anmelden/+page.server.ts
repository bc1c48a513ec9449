import { fail, redirect } from '@sveltejs/kit';
import { createTranslator } from '$lib/i18n';
import { getDb, setChallengeCookie, setSessionCookie } from '$lib/server/web/kit';
import { login } from '$lib/server/auth/login';
import { safeReturnPath } from '$lib/server/auth/return-path';
import { setupAvailable } from '$lib/server/auth/setup';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const weiter = url.searchParams.get('weiter') ?? '';
  if (locals.user) redirect(303, safeReturnPath(weiter));
  if (await setupAvailable(await getDb())) redirect(303, '/einrichtung');
  return { weiter: safeReturnPath(weiter, ''), loggedOut: url.searchParams.has('abgemeldet') };
};

export const actions: Actions = {
  default: async ({ request, locals, url, cookies, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').slice(0, 320);
    const password = String(form.get('password') ?? '');
    const weiter = safeReturnPath(String(form.get('weiter') ?? ''), '');
    const t = createTranslator(locals.locale);
    const values = { email, weiter };

    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t('auth.login.emailRequired');
    if (!password) errors.password = t('auth.login.passwordRequired');
    if (Object.keys(errors).length) return fail(400, { values, errors, message: null });

    const result = await login(await getDb(), {
      email,
      password: password.slice(0, 1024),
      ip: getClientAddress(),
      userAgent: request.headers.get('user-agent'),
      previousSessionId: locals.sessionId,
    });
    if (!result.ok) {
      if (result.reason === 'second_factor') {
        // The password was right; the session waits for the code (second step, its own page).
        setChallengeCookie(cookies, url, result.challenge);
        redirect(303, `/anmelden/zweiter-faktor${weiter ? `?weiter=${encodeURIComponent(safeReturnPath(weiter))}` : ''}`);
      }
      if (result.reason === 'invalid_input') {
        // What was typed cannot be shown back either (it holds e.g. a NUL): the field starts empty.
        return fail(400, { values: { email: '', weiter }, errors: { email: t('error.invalidInputText') }, message: null });
      }
      const message = result.reason === 'locked' ? t('auth.login.locked', { count: result.minutes }) : t('auth.login.invalid');
      return fail(result.reason === 'locked' ? 429 : 400, { values, errors: {}, message });
    }
    setSessionCookie(cookies, url, result.session);
    redirect(303, safeReturnPath(weiter));
  },
};
