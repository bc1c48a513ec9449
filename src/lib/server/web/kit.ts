/**
 * Route glue for authentication and the database: part of the web adapter (`$lib/server/web`,
 * the only place in `$lib/server` that imports SvelteKit; the domain stays framework-free for the
 * CLI and Vitest). Use it from `+page.server.ts`, `+layout.server.ts`, `+server.ts` and hooks —
 * never from the domain modules.
 *
 *   const user = requireUser(event);                        // signed in, else 303 → /anmelden?weiter=…
 *   const user = requirePermission(event, 'measure.publish'); // also 403 when not allowed
 *   await guard(event, () => someUseCase(db, locals.user, …)); // policy errors → 303 / 403
 *
 * Form actions must check on their own: a layout's load does not protect actions.
 */
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '../app/instance';
import { ForbiddenError, UnauthenticatedError, authorize, type Action, type ResourceScope, type SessionUser } from '../auth/policy';
import { loginPath, returnPathOf } from '../auth/return-path';
import { SESSION_COOKIE, sessionCookieOptions, type NewSession } from '../auth/sessions';
import type { Db } from '../db/connection';
import { CHALLENGE_COOKIE, CHALLENGE_MINUTES } from '../auth/second-factor';

export type AuthEvent = Pick<RequestEvent, 'locals' | 'url'>;

function toLogin(event: AuthEvent): never {
  redirect(303, loginPath(returnPathOf(event.url)));
}

/** The signed-in user, or a redirect (303) to the login page that returns here afterwards. */
export function requireUser(event: AuthEvent): SessionUser {
  if (!event.locals.user) toLogin(event);
  return event.locals.user;
}

/** The signed-in user if allowed to do `action`; redirect to login when anonymous, 403 otherwise. */
export function requirePermission(event: AuthEvent, action: Action, resource: ResourceScope = {}): SessionUser {
  try {
    return authorize(event.locals.user, action, resource);
  } catch (e) {
    rethrowAuthError(event, e);
  }
}

/** Turns the policy's errors into HTTP answers (redirect to login / 403); rethrows anything else. */
export function rethrowAuthError(event: AuthEvent, e: unknown): never {
  if (e instanceof UnauthenticatedError) toLogin(event);
  if (e instanceof ForbiddenError) error(403, e.message);
  throw e;
}

/** Runs a use case and maps UnauthenticatedError/ForbiddenError to redirect/403. */
export async function guard<T>(event: AuthEvent, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    rethrowAuthError(event, e);
  }
}

/** Secure cookies when the site is served over https (the request's URL follows ORIGIN / PROTOCOL_HEADER). */
export function isSecure(url: URL): boolean {
  return url.protocol === 'https:';
}

export function setSessionCookie(cookies: Cookies, url: URL, session: NewSession): void {
  cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(isSecure(url), session.expiresAt));
}

/** The pending second-factor challenge: HttpOnly, only sent to /anmelden, gone after five minutes. */
export function setChallengeCookie(cookies: Cookies, url: URL, token: string): void {
  cookies.set(CHALLENGE_COOKIE, token, { path: '/anmelden', httpOnly: true, sameSite: 'lax', secure: isSecure(url), maxAge: CHALLENGE_MINUTES * 60 });
}

export function clearChallengeCookie(cookies: Cookies, url: URL): void {
  cookies.delete(CHALLENGE_COOKIE, { path: '/anmelden', httpOnly: true, sameSite: 'lax', secure: isSecure(url) });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, sessionCookieOptions(isSecure(url)));
}

/** The web server's database (started by hooks' init). */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
