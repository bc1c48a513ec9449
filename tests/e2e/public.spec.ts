import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function expectNoAxeViolations(page: Page) {
  // axe runs as a script in the page: it checks the mit-js project (the server-rendered markup is the same).
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('home → catalogue → measure, accessible on every step', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const catalogueLink = page.getByRole('link', { name: /Integrationskonzept/ }).first();
  await expect(catalogueLink).toBeVisible();
  await expectNoAxeViolations(page);

  await catalogueLink.click();
  await expect(page).toHaveURL(/\/kataloge\/integrationskonzept/);
  await expect(page.getByRole('heading', { level: 2, name: /Ausbildung und Arbeit/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Sections are collapsed: open the first one (a <details>, no JavaScript needed).
  await page.getByText('Inhalt anzeigen').first().click();
  const measureLink = page.locator('a[href*="/massnahme/"]').first();
  const title = (await measureLink.innerText()).trim().replace(/^Maßnahme \S+?:?\s+/, '');
  await measureLink.click();
  await expect(page).toHaveURL(/\/massnahme\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title.slice(0, 20));
  await expect(page.getByRole('navigation', { name: /Brotkrumen|Sie sind hier/i })).toBeVisible();
  await expect(page.getByText(/Verantwortlich/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('shows all three catalogues with counts on the home page', async ({ page }) => {
  await page.goto('/');
  for (const name of [/Integrationskonzept/, /Diversity/i, /Neuzugewanderte|Vereinbarungen/]) {
    await expect(page.getByRole('link', { name }).first()).toBeVisible();
  }
  await expect(page.getByText(/\d+ Maßnahmen/).first()).toBeVisible();
});

test('unknown URLs get a German 404 page', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Seite nicht gefunden/);
  await expect(page.getByRole('link', { name: /Startseite/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a server error shows no internals', async ({ page }) => {
  const response = await page.goto('/test-fehler');
  expect(response?.status()).toBe(500);
  const text = await page.locator('body').innerText();
  expect(text).toMatch(/Fehler/);
  expect(text).not.toMatch(/geheime Interna|secret\.ts|at .*\(|Error:/);
  const html = await page.content();
  expect(html).not.toMatch(/geheime Interna|secret\.ts/);
});

test('no request leaves the site', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') foreign.push(r.url());
  });
  await page.goto('/');
  await page.goto('/kataloge/integrationskonzept');
  expect(foreign).toEqual([]);
});

test.describe('a browser that prefers English', () => {
  test.use({ locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });

  test('still gets the German site; English only when chosen on the page', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await page.goto('/?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
