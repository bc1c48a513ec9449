/**
 * E2E user fixtures and sign-in helpers. All specs share one server (and database), so use
 * `uniqueEmail()` for accounts a test changes; the role fixtures are reset by every `loginAs`.
 *
 *   await loginAs(page, 'redaktion');            // signed in (cookie in the page's context)
 *   await loginAs(page, { email, password, role, actors: ['volkshochschule-herne'] });
 *   await loginWithForm(page, email, password);  // through /anmelden, like a person
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export type RoleName = 'admin' | 'redaktion' | 'beitragende' | 'lesend';
export const ROLE_NAMES: readonly RoleName[] = ['admin', 'redaktion', 'beitragende', 'lesend'];

export const PASSWORD = 'Testpasswort für Herne 2026';
/** An actor of Herne's catalogues (seeded on the e2e server) that contributors are bound to. */
export const CONTRIBUTOR_ACTOR = 'volkshochschule-herne';
export const CONTRIBUTOR_ACTOR_NAME = 'Volkshochschule Herne';

export interface SeedUser {
  email: string;
  password: string;
  role: RoleName;
  name?: string;
  /** Actor slugs (contributors). */
  actors?: string[];
  active?: boolean;
}

export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@test.example`;
}

/** The shared account of a role (reset to these values on every seed). */
export function roleUser(role: RoleName, prefix = 'e2e'): SeedUser {
  return {
    email: `${prefix}-${role}@test.example`,
    password: PASSWORD,
    role,
    name: `Test ${role}`,
    ...(role === 'beitragende' ? { actors: [CONTRIBUTOR_ACTOR] } : {}),
  };
}

/** Creates or resets users through /test-setup (VIELFALT_E2E only); optionally signs in as `login`. */
export async function seedUsers(request: APIRequestContext, users: SeedUser[], login?: string): Promise<{ id: string; email: string }[]> {
  const response = await request.post('/test-setup', { data: { users, ...(login ? { login } : {}) } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).users;
}

/** Signs the page's browser context in (cookie set by /test-setup: no form, no rate limit). */
export async function loginAs(page: Page, who: RoleName | SeedUser): Promise<SeedUser> {
  const user = typeof who === 'string' ? roleUser(who) : who;
  await seedUsers(page.request, [user], user.email);
  return user;
}

/** Signs in through the login form (works with and without JavaScript). */
export async function loginWithForm(page: Page, email: string, password: string, path = '/anmelden'): Promise<void> {
  if (!page.url().includes('/anmelden')) await page.goto(path);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  // Wait for the answer: with JavaScript the page stays and a late answer would clear the next try.
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/anmelden');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await answered;
  await page.waitForLoadState();
}

/** Summary of the stored data (for "a forbidden request changes nothing"). */
export async function fingerprint(request: APIRequestContext): Promise<Record<string, unknown>> {
  const response = await request.get('/test-setup');
  expect(response.status()).toBe(200);
  return (await response.json()).fingerprint;
}
