/**
 * /anmelden/zweiter-faktor: the second step of signing in for accounts with a second factor.
 * The password step left a challenge in a cookie; a right code (or recovery code) opens the
 * session, a wrong one is counted (lockout like wrong passwords).
 */
import { fail, redirect } from '@sveltejs/kit';
import { createTranslator } from '$lib/i18n';
import { clearChallengeCookie, getDb, setSessionCookie } from '$lib/server/web/kit';
import { safeReturnPath } from '$lib/server/auth/return-path';
import { CHALLENGE_COOKIE, completeSecondFactor } from '$lib/server/auth/second-factor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, locals, url }) => {
  const weiter = safeReturnPath(url.searchParams.get('weiter') ?? '', '');
  if (locals.user) redirect(303, safeReturnPath(weiter));
  return { weiter, pending: Boolean(cookies.get(CHALLENGE_COOKIE)) };
};

export const actions: Actions = {
  default: async ({ request, cookies, locals, url }) => {
    const form = await request.formData();
    const code = String(form.get('code') ?? '').trim().slice(0, 64);
    const weiter = safeReturnPath(String(form.get('weiter') ?? ''), '');
    const t = createTranslator(locals.locale);
    if (!code) return fail(400, { weiter, error: t('auth.secondFactor.codeRequired'), expired: false });
    const result = await completeSecondFactor(await getDb(), {
      challenge: cookies.get(CHALLENGE_COOKIE) ?? '',
      code,
      userAgent: request.headers.get('user-agent'),
      previousSessionId: locals.sessionId,
    });
    if (result.ok) {
      clearChallengeCookie(cookies, url);
      setSessionCookie(cookies, url, result.session);
      redirect(303, safeReturnPath(weiter));
    }
    if (result.reason === 'expired') {
      clearChallengeCookie(cookies, url);
      return fail(400, { weiter, error: t('auth.secondFactor.expired'), expired: true });
    }
    if (result.reason === 'locked') {
      clearChallengeCookie(cookies, url);
      return fail(429, { weiter, error: t('auth.login.locked', { count: result.minutes }), expired: true });
    }
    return fail(400, { weiter, error: result.message, expired: false });
  },
};
