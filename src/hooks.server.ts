import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import crypto from 'node:crypto';
import { getDatabase, INSTANCE_MUNICIPALITY, startDatabase, stopDatabase } from '$lib/server/app/instance';
import { errorFields, log } from '$lib/server/log/log';
import { clearSessionCookie } from '$lib/server/web/kit';
import { resolveSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { setupAvailable } from '$lib/server/auth/setup';
import { findUnstorableInput, unstorableInputResponse } from '$lib/server/web/unstorable-input';
import { withPublicCache } from '$lib/server/web/public-cache';
import { plainPageResponse } from '$lib/server/web/plain-page';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { secondFactorRequired } from '$lib/server/auth/second-factor';
import { databaseUnavailableResponse } from '$lib/server/web/unavailable-response';
import { securityHeaders } from '$lib/server/web/security-headers';
import { createTranslator, dirOf, resolveLocale, type Locale } from '$lib/i18n';
import { decidePublicLanguage, isPublicPagePath, localizeLinks } from '$lib/server/web/language-url';

export const init: ServerInit = async () => {
  await startDatabase();
  // adapter-node emits this on SIGINT/SIGTERM after in-flight requests finished.
  process.once('sveltekit:shutdown' as never, () => {
    void stopDatabase();
  });
};

const SETUP_PATH = '/einrichtung';

function notFoundResponse(locale: Locale): Response {
  const t = createTranslator(locale);
  return plainPageResponse({
    status: 404,
    lang: locale,
    dir: dirOf(locale),
    title: t('error.notFoundTitle'),
    paragraphs: [t('error.notFoundPlain')],
    links: [[t('error.backHome'), '/']],
  });
}

export const handle: Handle = async ({ event, resolve }) => {
  try {
    return await handleRequest({ event, resolve });
  } catch (error) {
    // The session lookup and the like run before the route: a database that is down is a 503 here too.
    if (!isDatabaseUnavailable(error)) throw error;
    log.warn('database.unavailable', { method: event.request.method, route: event.route.id });
    return withSecurityHeaders(databaseUnavailableResponse(event.url, event.locals.locale ?? 'de'), event.url);
  }
};

const handleRequest: Handle = async ({ event, resolve }) => {
  const languageCookie = { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true } as const;
  const rememberLanguage = (code: string) => event.cookies.set('lang', code, languageCookie);
  // Public pages: the language is the URL's (?lang=xx; German without), see web/language-url.ts.
  const publicPage = ['GET', 'HEAD'].includes(event.request.method) && isPublicPagePath(event.url.pathname);
  let locale: Locale;
  if (publicPage) {
    const decision = decidePublicLanguage(event.url, event.cookies.get('lang'));
    if (decision.kind === 'redirect') {
      const headers = new Headers({ location: decision.location, 'cache-control': 'no-store', vary: 'Cookie' });
      // A Response of our own: the cookie goes into its headers (cookies.set applies to resolve()'s answers).
      if (decision.remember) headers.append('set-cookie', event.cookies.serialize('lang', decision.remember, languageCookie));
      return withSecurityHeaders(new Response(null, { status: decision.status, headers }), event.url);
    }
    locale = decision.locale;
    if (decision.remember) rememberLanguage(locale);
  } else {
    const query = event.url.searchParams.get('lang');
    locale = resolveLocale({
      query,
      cookie: event.cookies.get('lang'),
      // A German city's site stays German when a browser says en-US: the language is chosen on
      // the page (?lang, remembered in a cookie), never taken from Accept-Language.
      acceptLanguage: null,
    });
    if (query && query === locale) rememberLanguage(locale);
  }
  event.locals.locale = locale;
  event.locals.user = null;
  event.locals.sessionId = null;
  event.locals.municipality = INSTANCE_MUNICIPALITY;

  // The first-start form exists only while there is no account: once closed, every method gets a
  // 404 before anything of the request is read (GET/HEAD get the site's 404 page from the load).
  const { pathname } = event.url;
  if ((pathname === SETUP_PATH || pathname.startsWith(`${SETUP_PATH}/`)) && !['GET', 'HEAD'].includes(event.request.method)) {
    if (!(await setupAvailable((await getDatabase()).db))) return withSecurityHeaders(notFoundResponse(locale), event.url);
  }

  // Text PostgreSQL cannot store never reaches a route (see web/unstorable-input.ts).
  const unstorable = await findUnstorableInput(event.request, event.url);
  if (unstorable.length) {
    log.info('request.unstorableInput', { method: event.request.method, route: event.route.id, fields: unstorable.length });
    return withSecurityHeaders(unstorableInputResponse(event.request, event.url, unstorable, locale), event.url);
  }

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

  // Roles that require a second factor reach the back office only once it is set up: every
  // request below /admin (pages and form actions alike) goes to the enrolment page until then.
  const user = event.locals.user;
  if (user && (pathname === '/admin' || pathname.startsWith('/admin/')) && !user.secondFactor && secondFactorRequired(user)) {
    return withSecurityHeaders(new Response(null, { status: 303, headers: { location: '/konto/zwei-faktor?pflicht=1', 'cache-control': 'no-store' } }), event.url);
  }

  // Keyed by the URL as requested: for a client-side navigation's `…/__data.json` SvelteKit
  // hands the page's URL to hooks as `event.url`, and the two answers must never be confused.
  const requested = new URL(event.request.url);
  const response = await withPublicCache({ request: event.request, url: requested, locale, hasSession: Boolean(token) }, async () => {
    const rendered = await resolve(event, {
      transformPageChunk: ({ html }) => {
        const page = html.replace('%lang%', locale).replace('%dir%', dirOf(locale));
        return publicPage ? localizeLinks(page, locale) : page;
      },
    });
    // A load or action failed because the database is unreachable (see handleError): 503, not 500.
    if (event.locals.databaseUnavailable) return databaseUnavailableResponse(event.url, locale);
    // The UI language follows ?lang or the lang cookie: caches must keep them apart.
    if (rendered.headers.get('content-type')?.startsWith('text/html')) rendered.headers.append('vary', 'Cookie');
    return rendered;
  });
  return withSecurityHeaders(response, event.url);
};

function withSecurityHeaders(response: Response, url: URL): Response {
  for (const [name, value] of Object.entries(securityHeaders(url))) response.headers.set(name, value);
  return response;
}

/**
 * Errors SvelteKit did not expect. Client errors (404, 405, 415 …) are the client's: one info line,
 * no stack. Server errors get an id shown to the user and an error line with the route and the
 * error's class, SQLSTATE and stack frames — never its message, the path (it may hold a token) or
 * any request value (see log.ts).
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status === 404) return { message: 'Seite nicht gefunden' };
  const where = { status, method: event.request.method, route: event.route.id };
  if (status >= 400 && status < 500) {
    log.info('request.rejected', where);
    return { message: status === 405 ? 'Methode nicht erlaubt' : 'Ungültige Anfrage' };
  }
  if (isDatabaseUnavailable(error)) {
    event.locals.databaseUnavailable = true;
    log.warn('database.unavailable', where);
    return { message: 'Vorübergehend nicht erreichbar' };
  }
  const errorId = crypto.randomUUID();
  log.error('request.failed', { errorId, ...where, ...errorFields(error) });
  return { message: 'Interner Fehler', errorId };
};
