/** POST /abmelden: ends this session (GET is refused with 405: logging out changes state). */
import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/auth/account';
import { clearSessionCookie, getDb } from '$lib/server/web/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
  if (!locals.user) redirect(303, '/anmelden');
  await logout(await getDb(), locals.user, locals.sessionId);
  clearSessionCookie(cookies, url);
  redirect(303, '/anmelden?abgemeldet');
};
