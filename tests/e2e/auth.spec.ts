import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  CONTRIBUTOR_ACTOR_NAME,
  loginAs,
  loginWithForm,
  PASSWORD,
  roleUser,
  seedUsers,
  uniqueEmail,
} from './helpers/users';

async function expectNoAxeViolations(page: Page) {
  // axe runs as a script in the page: it checks the mit-js project (the server-rendered markup is the same).
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.beforeEach(async ({ request }) => {
  // With no account at all, /anmelden sends to /einrichtung: make sure accounts exist.
  await seedUsers(request, [roleUser('admin')]);
});

test('the login page is accessible and a wrong password gives one generic German message', async ({ page, request }) => {
  const email = uniqueEmail('wrong');
  await seedUsers(request, [{ email, password: PASSWORD, role: 'redaktion' }]);
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expectNoAxeViolations(page);

  await loginWithForm(page, email, 'Das ist falsch 12345');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('E-Mail-Adresse oder Passwort ist nicht richtig.');
  // What was typed stays (except the password); the field points to the message.
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(email);
  await expect(page.getByLabel('Passwort', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-describedby', /login-error/);
  await expectNoAxeViolations(page);

  // An unknown address gets exactly the same answer.
  await loginWithForm(page, uniqueEmail('niemand'), 'Das ist falsch 12345');
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist nicht richtig.');
});

test('repeated failures lock the account with a German message naming the minutes', async ({ page, request }) => {
  const email = uniqueEmail('lock');
  await seedUsers(request, [{ email, password: PASSWORD, role: 'redaktion' }]);
  await page.goto('/anmelden');
  for (let i = 0; i < 5; i++) {
    await loginWithForm(page, email, `falsch-${i}-abcdefgh`);
    await expect(page.getByRole('alert')).toContainText('nicht richtig');
  }
  // Locked now: even the right password is refused.
  await loginWithForm(page, email, PASSWORD);
  await expect(page.getByRole('alert')).toContainText(/Zu viele Fehlversuche\. Bitte versuchen Sie es in 1[45] Minuten erneut\./);
  await expect(page).toHaveURL(/\/anmelden/);
});

test('signing in returns to the requested page; logging out ends the session', async ({ page, request }) => {
  const email = uniqueEmail('return');
  await seedUsers(request, [{ email, password: PASSWORD, role: 'admin', name: 'Rita Rückweg' }]);
  await page.goto('/admin/benutzer');
  await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fadmin%2Fbenutzer/);
  await loginWithForm(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/admin\/benutzer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible();
  await expect(page.getByText('Angemeldet als')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Redaktion' });
  for (const name of ['Meine Aufgaben', 'Maßnahmen', 'Prüfung', 'Vorschläge', 'Akteure', 'Benutzer', 'Protokoll']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Benutzer', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/anmelden\?abgemeldet/);
  await expect(page.getByText('Sie haben sich abgemeldet.')).toBeVisible();
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fadmin/);
});

test('an admin invites a contributor bound to an actor; the invitation link works once', async ({ page, browser, baseURL }) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/benutzer');
  await expectNoAxeViolations(page);
  const email = uniqueEmail('beitrag');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel(/^Name/).fill('Bea Beitrag');
  await page.getByLabel('Rolle').selectOption({ label: 'Beitragende' });
  await page.getByLabel('Akteure (nur für Beitragende)').selectOption({ label: CONTRIBUTOR_ACTOR_NAME });
  await page.getByRole('button', { name: 'Einladen' }).click();
  await expect(page.getByText(`Einladung für ${email} erstellt`)).toBeVisible();
  const link = await page.getByTestId('one-time-link').inputValue();
  expect(link).toMatch(/\/einladung\/[\w-]{43}$/);
  const row = page.getByRole('row', { name: new RegExp(email.replace(/[.]/g, '\\.')) });
  await expect(row).toContainText('Beitragende');
  await expect(row).toContainText(CONTRIBUTOR_ACTOR_NAME);
  await expect(row).toContainText('eingeladen');

  // The invitee, in another browser context.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  const invitee = await context.newPage();
  const path = new URL(link).pathname;
  await invitee.goto(path);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Einladung annehmen' })).toBeVisible();
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel('Neues Passwort', { exact: true }).fill('Kurz');
  await invitee.getByLabel('Neues Passwort wiederholen').fill('Kurz');
  await invitee.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
  await expect(invitee.getByText(/mindestens 12 Zeichen/)).toBeVisible();
  await invitee.getByLabel('Neues Passwort', { exact: true }).fill('Bea schreibt für die VHS 2026');
  await invitee.getByLabel('Neues Passwort wiederholen').fill('Bea schreibt für die VHS 2026');
  await invitee.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
  await expect(invitee).toHaveURL(/\/admin$/);
  const nav = invitee.getByRole('navigation', { name: 'Redaktion' });
  await expect(nav.getByRole('link', { name: 'Maßnahmen', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Benutzer', exact: true })).toHaveCount(0);
  await expect(invitee.getByText('Bea Beitrag')).toBeVisible();
  // Not allowed into the user administration.
  const forbidden = await invitee.goto('/admin/benutzer');
  expect(forbidden?.status()).toBe(403);
  // The link worked once.
  const again = await invitee.goto(path);
  expect(again?.status()).toBe(404);
  await context.close();
});

test('own account: change password, then the old one no longer works', async ({ page }) => {
  const user = await loginAs(page, { email: uniqueEmail('konto'), password: PASSWORD, role: 'lesend' });
  await page.goto('/konto');
  await expectNoAxeViolations(page);
  await page.getByLabel('Aktuelles Passwort').fill('nicht das richtige');
  await page.getByLabel('Neues Passwort', { exact: true }).fill('Ein neues Passwort für Herne');
  await page.getByLabel('Neues Passwort wiederholen').fill('Ein neues Passwort für Herne');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByText('Das aktuelle Passwort ist nicht richtig.')).toBeVisible();
  await expect(page.getByLabel('Aktuelles Passwort')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Aktuelles Passwort').fill(PASSWORD);
  await page.getByLabel('Neues Passwort', { exact: true }).fill('Ein neues Passwort für Herne');
  await page.getByLabel('Neues Passwort wiederholen').fill('Ein neues Passwort für Herne');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByText('Ihr Passwort wurde geändert.')).toBeVisible();

  await page.getByRole('button', { name: 'Überall abmelden' }).click();
  await expect(page).toHaveURL(/\/anmelden/);
  await loginWithForm(page, user.email, PASSWORD);
  await expect(page.getByRole('alert')).toContainText('nicht richtig');
  await loginWithForm(page, user.email, 'Ein neues Passwort für Herne');
  await expect(page).toHaveURL(/\/admin$/);
});

test('the audit log lists logins and exports CSV', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/protokoll?aktion=user.create');
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await expect(page.getByText(/\d+ Eintr(ag|äge)\b/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  const response = await page.request.get('/admin/protokoll.csv?aktion=user.create');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toContain('"Zeitpunkt";"Aktion"');
  await page.goto('/admin/protokoll?aktion=audit.export');
  // German labels for the stored codes (issue 19): the code stays visible beside the label.
  await expect(page.getByRole('cell', { name: 'Protokoll exportiert audit.export' }).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Aktion' }).locator('option:checked')).toHaveText('Protokoll exportiert');
});

test('cross-site form posts are refused (CSRF)', async ({ request }) => {
  const response = await request.post('/anmelden', {
    headers: { origin: 'https://evil.example' },
    form: { email: 'x@test.example', password: 'egal' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const admin = await request.post('/admin/benutzer?/invite', {
    headers: { origin: 'https://evil.example' },
    form: { email: uniqueEmail('csrf'), role: 'admin' },
    maxRedirects: 0,
  });
  expect(admin.status()).toBe(403);
});

test('/einrichtung is gone once accounts exist', async ({ page }) => {
  const response = await page.goto('/einrichtung');
  expect(response?.status()).toBe(404);
});
