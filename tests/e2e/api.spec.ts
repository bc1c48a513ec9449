/**
 * REST API v1 in the running app: the readable API page, a personal token created in the back
 * office (shown once), scoped by role (a Lesend token cannot write → 403), revoked → 401;
 * ETag → 304 and CORS on reads. Runs with and without JavaScript.
 */
import { expect, test } from '@playwright/test';
import { loginAs } from './helpers/users';

test('the API page describes every endpoint, rendered on the server', async ({ page }) => {
  await page.goto('/api');
  await expect(page.getByRole('heading', { level: 1, name: 'Schnittstelle (REST API v1)' })).toBeVisible();
  for (const op of ['GET /catalogues', 'GET /measures', 'POST /measures', 'PUT /measures/{id}', 'GET /catalogues/{catalogue}/editions/{edition}'])
    await expect(page.getByRole('heading', { level: 3, name: op, exact: true })).toBeVisible();
  const document = await page.request.get('/api/v1/openapi.json');
  expect(document.status()).toBe(200);
  expect((await document.json()).openapi).toBe('3.1.0');
});

test('reads: ETag → 304, CORS, problem details for unknown paths', async ({ request }) => {
  const first = await request.get('/api/v1/catalogues');
  expect(first.status()).toBe(200);
  expect(first.headers()['access-control-allow-origin']).toBe('*');
  const etag = first.headers()['etag']!;
  const again = await request.get('/api/v1/catalogues', { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);
  const missing = await request.get('/api/v1/gibt-es-nicht');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/problem+json');
});

test('a token is shown once, acts with its owner role and stops working when revoked', async ({ page, playwright, baseURL }) => {
  await loginAs(page, 'lesend');
  await page.goto('/admin/api-schluessel');
  await expect(page.getByRole('heading', { level: 1, name: 'API-Schlüssel' })).toBeVisible();
  if (test.info().project.use.javaScriptEnabled !== false) await page.locator('form[data-ready]').first().waitFor({ state: 'attached' });
  const name = `E2E ${Date.now().toString(36)}`;
  await page.getByLabel('Name des Schlüssels').fill(name);
  await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
  const token = (await page.getByTestId('new-token').innerText()).trim();
  expect(token).toMatch(/^vf_[\w-]{43}$/);
  await expect(page.getByRole('rowheader', { name })).toBeVisible();

  // A fresh client without cookies: only the bearer token counts.
  const api = await playwright.request.newContext({ baseURL });
  try {
    const attempt = await api.post('/api/v1/measures', {
      headers: { authorization: `Bearer ${token}` },
      data: { measure: { title: 'Nicht erlaubt' } },
    });
    expect(attempt.status()).toBe(403);
    expect(attempt.headers()['content-type']).toContain('application/problem+json');

    // Reloading the page never shows the secret again.
    await page.goto('/admin/api-schluessel');
    await expect(page.getByTestId('new-token')).toHaveCount(0);
    await page.getByRole('button', { name: `Widerrufen (${name})` }).click();
    await expect(page.getByText('Der Schlüssel wurde widerrufen.')).toBeVisible();

    const revoked = await api.post('/api/v1/measures', { headers: { authorization: `Bearer ${token}` }, data: { measure: { title: 'Nicht erlaubt' } } });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).detail).toContain('widerrufen');
  } finally {
    await api.dispose();
  }
});
