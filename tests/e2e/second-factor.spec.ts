/**
 * The second factor as an administrator meets it (issue 18), on a server of its own with the
 * default setting (second factor required for administrators; the shared suite's server turns
 * the requirement off): signed in with the password, the back office sends them to set it up;
 * with the app's code it is in force and the recovery codes are shown once; the next sign-in
 * asks for a code, and a recovery code works exactly once. Codes are computed as an
 * authenticator app does (RFC 6238, otpauth). Runs with and without JavaScript.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from './helpers/servers';
import { Secret, TOTP } from 'otpauth';

const root = path.resolve(import.meta.dirname, '..', '..');
const PASSWORD = 'Zweiter Faktor für Herne 2026';

test.describe.configure({ mode: 'serial' });

let app: ChildProcess | null = null;
let dataDir = '';
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-mfa-'));
  // The default setting: no MFA_REQUIRED_ROLES (the shared server's empty value is not inherited).
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', SEED: '0' };
  delete env.MFA_REQUIRED_ROLES;
  const created = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'vielfalt.js'), 'user', 'create', '--email', 'admin@test.example', '--name', 'Ada Admin', '--role', 'admin', '--password', PASSWORD],
    { cwd: root, env, encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  await expect.poll(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.status ?? 0, { timeout: 120_000, intervals: [500] }).toBe(200);
});

test.afterAll(async () => {
  app?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signInWithPassword(page: Page) {
  await page.goto(`${origin}/anmelden?weiter=/admin`);
  await page.getByLabel('E-Mail-Adresse').fill('admin@test.example');
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

const codeOf = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

test('an administrator sets up the second factor, then signs in with a code and once with a recovery code', async ({ browser }) => {
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const context = await browser.newContext({ javaScriptEnabled, locale: 'de-DE' });
  const page = await context.newPage();

  // Each project starts its own server (beforeAll), so the account has no second factor yet.
  await signInWithPassword(page);
  // Required for administrators: the back office sends them to the setup, for pages and actions alike.
  await page.waitForURL(/\/konto\/zwei-faktor\?pflicht=1$/);
  await expect(page.getByText('Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben.')).toBeVisible();
  const blocked = await context.request.post(`${origin}/admin/benutzer?/invite`, { form: { email: 'x@test.example', role: 'lesend' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
  expect(blocked.status()).toBe(303);
  expect(blocked.headers()['location']).toBe('/konto/zwei-faktor?pflicht=1');

  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!;
  await page.getByLabel('Code', { exact: true }).fill('000000');
  await page.getByRole('button', { name: 'Einrichtung abschließen' }).click();
  await expect(page.getByText('Der Code stimmt nicht.')).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill(codeOf(secret));
  await page.getByRole('button', { name: 'Einrichtung abschließen' }).click();
  await expect(page.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
  const recovery = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
  expect(recovery).toHaveLength(10);

  // Now the back office opens.
  await page.goto(`${origin}/admin`);
  await expect(page).toHaveURL(`${origin}/admin`);

  // Next sign-in: password, then the code.
  await context.clearCookies();
  await signInWithPassword(page);
  await page.waitForURL(/\/anmelden\/zweiter-faktor/);
  await page.getByLabel('Code', { exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByText('Der Code stimmt nicht.')).toBeVisible();
  // The next step's code: the setup already used the current one (no replay).
  await page.getByLabel('Code', { exact: true }).fill(codeOf(secret, 1));
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await page.waitForURL(`${origin}/admin`);

  // And with a recovery code, exactly once.
  for (const expected of ['ok', 'refused'] as const) {
    await context.clearCookies();
    await signInWithPassword(page);
    await page.waitForURL(/\/anmelden\/zweiter-faktor/);
    await page.getByLabel('Code', { exact: true }).fill(recovery[0]!);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    if (expected === 'ok') await page.waitForURL(`${origin}/admin`);
    else await expect(page.getByText('Der Code stimmt nicht.')).toBeVisible();
  }
  await context.close();
});
