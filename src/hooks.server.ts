import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import crypto from 'node:crypto';
import { getDatabase, INSTANCE_MUNICIPALITY, startDatabase, stopDatabase } from '$lib/server/app/instance';
import { log } from '$lib/server/app/log';
import { clearSessionCookie } from '$lib/server/auth/kit';
import { resolveSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { dirOf, resolveLocale } from '$lib/i18n';

export const init: ServerInit = async () => {
  await startDatabase();
  // adapter-node emits this on SIGINT/SIGTERM after in-flight requests finished.
  process.once('sveltekit:shutdown' as never, () => {
    void stopDatabase();
  });
};

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

export const handle: Handle = async ({ event, resolve }) => {
  const query = event.url.searchParams.get('lang');
  const locale = resolveLocale({
    query,
    cookie: event.cookies.get('lang'),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  if (query && query === locale) {
    event.cookies.set('lang', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true });
  }
  event.locals.locale = locale;
  event.locals.user = null;
  event.locals.sessionId = null;
  event.locals.municipality = INSTANCE_MUNICIPALITY;

  // Session: one query (session, user, actor scopes) when a session cookie came along; none for
  // anonymous visitors and for build assets (adapter-node serves static files before hooks).
  const token = event.cookies.get(SESSION_COOKIE);
  if (token && !event.url.pathname.startsWith('/_app/')) {
    const session = await resolveSession((await getDatabase()).db, token);
    if (session) {
      event.locals.user = session.user;
      event.locals.sessionId = session.sessionId;
    } else {
      clearSessionCookie(event.cookies, event.url);
    }
  }

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', dirOf(locale)),
  });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // The UI language follows ?lang, the lang cookie or Accept-Language: caches must keep them apart.
  if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.append('vary', 'Accept-Language, Cookie');
  return response;
};

/** Unexpected errors: logged with an id, shown to the user as a fixed German text and the id only. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status === 404) return { message: 'Seite nicht gefunden' };
  const errorId = crypto.randomUUID();
  log.error('request.failed', {
    errorId,
    status,
    method: event.request.method,
    path: event.url.pathname,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return { message: 'Interner Fehler', errorId };
};
