import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Browsing the public catalogue on Herne's data: entry points, actors, target groups, the
// diversity catalogue by organisation, cross-references, print view, reflow and RTL.

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  // axe runs as a script in the page: it checks the mit-js project (the server-rendered markup is the same).
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing wider than the viewport (WCAG 1.4.10 reflow). Needs page scripts: mit-js only. */
async function expectNoHorizontalScroll(page: Page) {
  if (!withJs()) return;
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(clientWidth);
}

const CROSS_REFERENCED = '/kataloge/integrationskonzept/massnahme/gesundheit-a1-massnahme-4-das-ki-gewinnt-bedarfsorientiert';

test('home entry points → actor page → one of its measures', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search', { name: 'Maßnahmen durchsuchen' });
  await expect(search.getByRole('searchbox', { name: 'Was suchen Sie?' })).toBeVisible();
  for (const name of ['Handlungsfelder des Integrationskonzepts', 'Dimensionen der Vielfalt', 'Zielgruppen', 'Verantwortliche Akteure']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /^Bildung\s+\d+ Maßnahmen$/ })).toHaveAttribute('href', '/kataloge/integrationskonzept#bildung');
  await expect(page.getByRole('link', { name: /^Geschlecht\s+\d+ Maßnahmen$/ })).toHaveAttribute('href', /\/kataloge\/diversity-massnahmenkatalog#/);
  await expect(page.getByRole('link', { name: 'Maßnahme vorschlagen' })).toHaveAttribute('href', '/vorschlagen');
  await expectNoAxeViolations(page);

  // The search box sends its query to the search page.
  await search.getByRole('searchbox').fill('Sprachkurs');
  await search.getByRole('button', { name: 'Suchen' }).click();
  await expect(page).toHaveURL(/\/suche\?q=Sprachkurs$/);

  await page.goto('/');
  const actors = page.getByRole('region', { name: 'Verantwortliche Akteure' });
  await actors.getByRole('link', { name: 'Kommunales Integrationszentrum' }).click();
  await expect(page).toHaveURL(/\/akteure\/kommunales-integrationszentrum$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kommunales Integrationszentrum');
  await expect(page.getByText(/^auch: /)).toContainText('Kommunales Integrationszentrum (KI)');
  await expect(page.getByText('Rolle: verantwortlich').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Integrationskonzept/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.locator('.measure-list a[href*="/massnahme/"]').first().click();
  await expect(page).toHaveURL(/\/massnahme\//);
  // Actor names on the measure lead back to the actor page.
  await expect(page.locator('dd a[href="/akteure/kommunales-integrationszentrum"]')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('actors: alphabetical groups, a filter that works as a plain GET form', async ({ page }) => {
  await page.goto('/akteure');
  await expect(page.getByRole('heading', { level: 1, name: 'Akteure' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Anfangsbuchstaben' }).getByRole('link', { name: 'A', exact: true })).toHaveAttribute(
    'href',
    '#akteure-A',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'V', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const filter = page.getByRole('search', { name: 'Akteure filtern' });
  await filter.getByRole('searchbox', { name: 'Name oder Abkürzung' }).fill('VHS');
  await filter.getByRole('button', { name: 'Filtern' }).click();
  await expect(page).toHaveURL(/\/akteure\?q=VHS$/);
  await expect(page.getByRole('status')).toContainText('zu „VHS“');
  await expect(page.getByRole('link', { name: 'Volkshochschule Herne' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jobcenter', exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Filter aufheben' }).click();
  await expect(page).toHaveURL(/\/akteure$/);

  // Keyboard: the submit button shows a visible focus ring.
  if (withJs()) {
    await page.getByRole('searchbox', { name: 'Name oder Abkürzung' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Filtern' })).toBeFocused();
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
    expect(ring).toBe(true);
  }
});

test('diversity catalogue by dimension and by Dezernat/office', async ({ page }) => {
  // Sections are collapsed by default; ?alle=1 renders them open.
  await page.goto('/kataloge/diversity-massnahmenkatalog?alle=1');
  const views = page.getByRole('navigation', { name: 'Ansicht des Katalogs' });
  await expect(views.getByRole('link', { name: 'Nach Dimension' })).toHaveAttribute('aria-current', 'page');
  // A measure under two dimensions is listed under each of them.
  const flyer = page.getByRole('link', { name: /Flyer Vielfalt der Geschlechter/ });
  await expect(flyer).toHaveCount(2);
  await expectNoAxeViolations(page);

  await views.getByRole('link', { name: 'Nach Dezernat und Dienststelle' }).click();
  await expect(page).toHaveURL(/\?ansicht=organisation$/);
  await expect(views.getByRole('link', { name: 'Nach Dezernat und Dienststelle' })).toHaveAttribute('aria-current', 'page');
  await expect(views.getByRole('link', { name: 'Nach Dimension' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Dezernat I', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Büro für Gleichstellung und Vielfalt', exact: true })).toBeVisible();
  // Here it appears once, with both its dimensions; markers stay visible.
  await expect(flyer).toHaveCount(1);
  const item = page.locator('.measure-item', { has: flyer });
  await expect(item.getByRole('link', { name: 'Geschlecht', exact: true })).toBeVisible();
  await expect(item.getByRole('link', { name: 'Sexuelle Identität' })).toBeVisible();
  await expect(page.locator('.kern-badge', { hasText: /^neu$/ }).first()).toBeVisible();
  await expect(page.getByText('Wirkrichtung: nach innen').first()).toBeVisible();
  await expect(page.getByText('Wirkrichtung: nach außen').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The unit links to its actor page.
  await page.getByRole('link', { name: 'Akteursseite von Büro für Gleichstellung und Vielfalt' }).click();
  await expect(page).toHaveURL(/\/akteure\/buero-fuer-gleichstellung-und-vielfalt$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Büro für Gleichstellung und Vielfalt');
  await expectNoAxeViolations(page);
});

test('target groups: list and one group across catalogues', async ({ page }) => {
  await page.goto('/zielgruppen');
  await expect(page.getByRole('heading', { level: 1, name: 'Zielgruppen' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Kinder', exact: true }).click();
  await expect(page).toHaveURL(/\/zielgruppen\/kinder$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kinder');
  await expect(page.getByRole('heading', { level: 2, name: 'Maßnahmen für diese Zielgruppe' })).toBeVisible();
  const measures = page.locator('.measure-list a[href*="/massnahme/"]');
  expect(await measures.count()).toBeGreaterThan(1);
  await expectNoAxeViolations(page);

  // And back from a measure to the group.
  await measures.first().click();
  await page.locator('dd a[href="/zielgruppen/kinder"]').click();
  await expect(page).toHaveURL(/\/zielgruppen\/kinder$/);
});

test('a cross-reference leads to the other place and back', async ({ page }) => {
  await page.goto(CROSS_REFERENCED);
  const references = page.getByRole('region', { name: 'Querverweise' });
  const out = references.locator('ul').first().getByRole('link').first();
  await out.click();
  await expect(page).not.toHaveURL(new RegExp(`${CROSS_REFERENCED}$`));
  await expect(page).toHaveURL(/\/massnahme\/gesundheit-a2-/);
  await page.getByRole('region', { name: 'Querverweise' }).locator(`a[href="${CROSS_REFERENCED}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${CROSS_REFERENCED}$`));
});

test('measure detail: related measures, linked actors and groups, source, print view', async ({ page }) => {
  await page.goto(CROSS_REFERENCED);
  const related = page.getByRole('region', { name: 'Verwandte Maßnahmen' });
  await expect(related.getByRole('link')).toHaveCount(5);
  await expect(related).toContainText('gleiches Handlungsziel');
  await expect(page.locator('dd a[href^="/akteure/"]').first()).toBeVisible();
  await expect(page.locator('dd a[href^="/zielgruppen/"]').first()).toBeVisible();
  await expect(page.getByText('Stand Oktober 2019', { exact: true })).toBeVisible();
  // Imported text is as current as its document, not as the day of the import.
  await expect(page.locator('dt:text-is("Stand") + dd')).toHaveText('Oktober 2019 (Wortlaut des Quelldokuments)');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Druckansicht' }).click();
  await expect(page).toHaveURL(/\?druck=1$/);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Das KI gewinnt');
  await expect(page.getByRole('region', { name: 'Verwandte Maßnahmen' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Zurück zur Maßnahme' }).click();
  await expect(page).toHaveURL(new RegExp(`${CROSS_REFERENCED}$`));
});

test('counts agree: catalogue page, search facets; task areas listed under their measure (issue 19)', async ({ page }) => {
  await page.goto('/kataloge/vereinbarungen-neuzugewanderte');
  await expect(page.getByText('50 Maßnahmen').first()).toBeVisible();
  const schnittstellen = page.locator('.measure-item', { has: page.locator('a', { hasText: 'Maßnahme 4.1.2:' }) }).first();
  await expect(schnittstellen.locator('.measure-list--nested > li')).toHaveCount(7);
  // Other specs on this shared server add measures to the integration concept (the imported 165
  // are counted in tests/integration/import.db.test.ts): its page and the facet must agree.
  await page.goto('/kataloge/integrationskonzept');
  const onPage = Number((await page.getByText(/^\d+ Maßnahmen/).first().innerText()).match(/\d+/)![0]);
  expect(onPage).toBeGreaterThanOrEqual(165);
  await page.goto('/suche?sort=nummer');
  const facet = page.getByRole('group', { name: 'Katalog' });
  await expect(facet.locator('label', { hasText: 'Integration von Neuzugewanderten' })).toContainText('50');
  await expect(facet.locator('label', { hasText: 'Gesamtstädtisches Integrationskonzept' })).toContainText(String(onPage));
});

test('unknown actors and target groups get the 404 page', async ({ page }) => {
  for (const url of ['/akteure/gibt-es-nicht', '/zielgruppen/gibt-es-nicht']) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Seite nicht gefunden/);
  }
  await expectNoAxeViolations(page);
});

test('every page type reflows at 320 px and lays out right-to-left', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const pages = [
    '/',
    '/kataloge/integrationskonzept',
    '/kataloge/diversity-massnahmenkatalog?ansicht=organisation',
    CROSS_REFERENCED,
    '/akteure',
    '/akteure/kommunales-integrationszentrum',
    '/zielgruppen',
    '/zielgruppen/kinder',
  ];
  for (const url of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
  await page.goto('/akteure/kommunales-integrationszentrum?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
