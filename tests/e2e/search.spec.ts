import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** axe-core runs inside the page, so only with JavaScript; the markup is the same without. */
async function expectNoAxeViolations(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** With JavaScript, wait until the search form is hydrated (`data-ready`): text typed earlier can be reset by hydration. */
async function searchFormReady(page: Page, javaScriptEnabled: boolean | undefined) {
  if (javaScriptEnabled !== false) await page.locator('form#suche-form[data-ready]').waitFor({ state: 'attached' });
}

const results = (page: Page) => page.locator('.search-result-list > li');

test('typo → suggestion → two filters → detail page, accessible', async ({ page, javaScriptEnabled }) => {
  await page.goto('/suche');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen suchen' })).toBeVisible();
  await expect(page.locator('p.search-status')).toContainText(/Maßnahmen in allen Katalogen/);

  // A typo'd query, typed into the page's own search box and submitted.
  await searchFormReady(page, javaScriptEnabled);
  const box = page.locator('#suche-q');
  await box.fill('Integratinskurs');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]q=Integratinskurs/);
  await expect(page.locator('p.search-status')).toContainText(/Maßnahmen? für „Integratinskurs“ gefunden/);
  await expect(page.getByRole('link', { name: /Integrationskurse \/ Jugendintegrationskurse/ })).toBeVisible();
  await expect(page.getByText('Meinten Sie')).toBeVisible();
  await expect(page.locator('.search-result-list mark').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Two facets: catalogue and Handlungsfeld.
  await page.getByRole('checkbox', { name: /Gesamtstädtisches Integrationskonzept/ }).check();
  if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/katalog=integrationskonzept/);
  await page.getByRole('group', { name: 'Handlungsfeld' }).getByRole('checkbox', { name: /^Bildung/ }).check();
  if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/handlungsfeld=bildung/);
  await expect(page).toHaveURL(/katalog=integrationskonzept/);
  const active = page.getByRole('list', { name: 'Aktive Filter' });
  await expect(active.getByRole('link', { name: /Filter entfernen: Katalog/ })).toBeVisible();
  await expect(active.getByRole('link', { name: /Filter entfernen: Handlungsfeld Bildung/ })).toBeVisible();
  for (const text of await results(page).locator('.search-result__where').allInnerTexts()) expect(text).toMatch(/Integrationskonzept.*Bildung/);
  await expectNoAxeViolations(page);

  // The measure's own page.
  await page.getByRole('link', { name: /Integrationskurse \/ Jugendintegrationskurse/ }).click();
  await expect(page).toHaveURL(/\/kataloge\/integrationskonzept\/massnahme\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integrationskurse');
});

test('"Lücke" lists the gaps; "Sprachkurs" also finds the Integrationskurse (issue 19)', async ({ page }) => {
  await page.goto('/suche?q=L%C3%BCcke');
  await expect(page.locator('p.search-status')).toContainText(/5 Maßnahmen? für „Lücke“ gefunden/);
  await expect(page.getByText('Meinten Sie')).toHaveCount(0);
  await page.goto('/suche?q=Sprachkurs');
  await expect(page.getByRole('link', { name: /Integrationskurse \/ Jugendintegrationskurse/ })).toBeVisible();
});

test('removing a filter and paging are plain links', async ({ page }) => {
  await page.goto('/suche?q=Beratung&katalog=diversity-massnahmenkatalog');
  await expect(page.locator('p.search-status')).toContainText(/Maßnahmen für „Beratung“ gefunden/);
  const before = Number((await page.locator('p.search-status').innerText()).match(/\d+/)![0]);
  await page.getByRole('link', { name: /Filter entfernen: Katalog/ }).click();
  await expect(page).not.toHaveURL(/katalog=/);
  const after = Number((await page.locator('p.search-status').innerText()).match(/\d+/)![0]);
  expect(after).toBeGreaterThan(before);
  const pages = page.getByRole('navigation', { name: 'Seiten der Ergebnisliste' });
  await pages.getByRole('link', { name: 'Nächste Seite' }).click();
  await expect(page).toHaveURL(/seite=2/);
  await expect(pages.getByRole('link', { name: 'Seite 2' })).toHaveAttribute('aria-current', 'page');
});

test('invalid parameters get a German message on the page and problem details from the API', async ({ page, request }) => {
  await page.goto('/suche?q=Kita&seite=null&richtung=oben');
  await expect(page.getByRole('alert')).toContainText('Ungültiger Wert „null“ für „seite“');
  await expect(page.getByRole('alert')).toContainText('„richtung“');
  await expect(page.locator('p.search-status')).toContainText(/für „Kita“ gefunden/);

  const bad = await request.get('/api/v1/measures?seite=null');
  expect(bad.status()).toBe(400);
  expect(bad.headers()['content-type']).toContain('application/problem+json');
  expect(await bad.json()).toMatchObject({ status: 400, title: 'Ungültige Suchanfrage', errors: [{ param: 'seite' }] });

  const ok = await request.get('/api/v1/measures?q=Sprachf%C3%B6rdrung&limit=3');
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control']).toContain('max-age');
  const body = await ok.json();
  expect(body.total).toBeGreaterThan(0);
  expect(body.items[0]).toMatchObject({ title: expect.stringContaining('Sprachförderung'), url: expect.stringContaining('/massnahme/') });
  expect(body.items[0].snippet.some((s: { hit: boolean }) => s.hit)).toBe(true);
  expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(['katalog', 'handlungsfeld', 'zielgruppe', 'akteur']));
});

// Progressive enhancement: runs only in the project with JavaScript (playwright.config.ts).
test('with JavaScript, results follow the typing and the focus stays in the box', { tag: '@enhancement' }, async ({ page }) => {
  await page.goto('/suche');
  await searchFormReady(page, true);
  const box = page.locator('#suche-q');
  await box.click();
  await box.pressSequentially('Summerschoo', { delay: 30 });
  await expect(page).toHaveURL(/q=Summerschoo/);
  await expect(page.getByRole('link', { name: /Summerschool/ })).toBeVisible();
  await expect(box).toBeFocused();
  await expect(page.locator('p.search-status')).toHaveAttribute('aria-live', 'polite');
});

test('reflows to 320 CSS pixels without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/suche?q=Kinder&katalog=integrationskonzept');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test('the search page has one search box, reached from the main navigation', async ({ page }) => {
  await page.goto('/akteure');
  await expect(page.locator('#site-search')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Suche' }).click();
  await expect(page).toHaveURL(/\/suche$/);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Suche' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#site-search')).toHaveCount(0);
  await expect(page.getByRole('searchbox')).toHaveCount(1);
});

test('typo → two filters → the measure → its cross-reference in the other Handlungsziel', async ({ page, javaScriptEnabled }) => {
  await page.goto('/suche');
  await searchFormReady(page, javaScriptEnabled);
  const box = page.locator('#suche-q');
  await box.fill('Multiplikatoren Demens');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]q=Multiplikatoren/);
  await page.getByRole('checkbox', { name: /Gesamtstädtisches Integrationskonzept/ }).check();
  if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/katalog=integrationskonzept/);
  await page.getByRole('group', { name: 'Handlungsfeld' }).getByRole('checkbox', { name: /^Gesundheit/ }).check();
  if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/handlungsfeld=gesundheit/);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /Das KI gewinnt bedarfsorientiert/ }).click();
  await expect(page).toHaveURL(/\/massnahme\/gesundheit-a1-massnahme-4-/);
  const references = page.getByRole('region', { name: 'Querverweise' });
  await references.locator('a[href*="/massnahme/gesundheit-a2-"]').first().click();
  await expect(page).toHaveURL(/\/massnahme\/gesundheit-a2-/);
  // The other place points back.
  await expect(page.getByRole('region', { name: 'Querverweise' }).locator('a[href*="/massnahme/gesundheit-a1-massnahme-4-"]').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
