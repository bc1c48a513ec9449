/**
 * Authorisation matrix: every mutating route (helpers/mutating-routes.ts) × every role.
 * Allowed roles must get through (not 403, no redirect to the login page); every other role
 * must be refused — 403, or 303 to /anmelden when anonymous — and the stored data must stay
 * exactly as it was. Runs at HTTP level, so only in one browser project.
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { MATRIX_ROLES, MUTATING_ROUTES, type MatrixContext, type MatrixRole, type MutatingRoute, type Values } from './helpers/mutating-routes';
import { fingerprint, roleUser, seedUsers, uniqueEmail } from './helpers/users';

// Runs only in the mit-js project (playwright.config.ts): HTTP-level, the same in both projects.

const resolve = <T>(value: T | ((v: Values) => T) | undefined, values: Values): T | undefined =>
  typeof value === 'function' ? (value as (v: Values) => T)(values) : value;

async function send(request: APIRequestContext, route: MutatingRoute, values: Values): Promise<APIResponse> {
  const path = resolve(route.path, values)!;
  const url = route.action ? `${path}${path.includes('?') ? '&' : '?'}/${route.action}` : path;
  const form = resolve(route.form, values);
  const json = resolve(route.json, values);
  const body = json !== undefined ? { data: json } : route.method === 'GET' ? {} : { form: toForm(form ?? {}) };
  return request.fetch(url, { method: route.method, maxRedirects: 0, ...body });
}

function toForm(fields: Record<string, string | string[]>): Record<string, string> | FormData {
  if (!Object.values(fields).some(Array.isArray)) return fields as Record<string, string>;
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

/** A redirect to the login page (`/anmelden` or `/anmelden?weiter=…`; not `?abgemeldet` after a logout). */
function isLoginRedirect(response: APIResponse): boolean {
  if (![301, 302, 303, 307, 308].includes(response.status())) return false;
  const location = new URL(response.headers()['location'] ?? '', 'http://x');
  return location.pathname === '/anmelden' && !location.searchParams.has('abgemeldet');
}

for (const role of MATRIX_ROLES) {
  test.describe(`as ${role}`, () => {
    let request: APIRequestContext;

    test.beforeEach(async ({ playwright, baseURL }) => {
      // Like a browser's form post without JavaScript: same-origin Origin header (SvelteKit's
      // CSRF check) and Accept text/html (else form actions answer with JSON and status 200).
      request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' } });
      if (role !== 'anonymous') {
        const user = roleUser(role, 'matrix');
        await seedUsers(request, [user], user.email);
      }
    });
    test.afterEach(async () => {
      await request?.dispose();
    });

    for (const route of MUTATING_ROUTES) {
      const allowed = route.allowed.includes(role as MatrixRole);
      test(`${allowed ? 'may' : 'may not'}: ${route.name} (${route.method} ${typeof route.path === 'string' ? route.path : '…'}${route.action ? ` ?/${route.action}` : ''})`, async () => {
        const ctx: MatrixContext = { request, unique: (p = 'matrix') => uniqueEmail(p) };
        const values = route.setup ? await route.setup(ctx) : {};
        const before = allowed ? null : await fingerprint(request);
        const response = await send(request, route, values);
        const status = response.status();
        if (allowed) {
          expect(status, `allowed ${role} got ${status}`).not.toBe(403);
          expect(isLoginRedirect(response), `allowed ${role} was sent to the login page`).toBe(false);
          expect(status).toBeLessThan(500);
        } else {
          const refused = status === 403 || (role === 'anonymous' && isLoginRedirect(response)) || (route.refusedStatuses ?? []).includes(status);
          expect(refused, `${role} should be refused, got ${status} ${response.headers()['location'] ?? ''}`).toBe(true);
          expect(await fingerprint(request), 'a refused request changed data').toEqual(before);
        }
      });
    }
  });
}
