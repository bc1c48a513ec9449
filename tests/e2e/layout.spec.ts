import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs } from './helpers/users';

// Public layout (issue "Public layout"): a compact header on phones, collapsible catalogue
// sections, a short search landing, print-only hints, translated breadcrumbs, legal pages.

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const MEASURE = '/kataloge/integrationskonzept/massnahme/gesundheit-a1-massnahme-4-das-ki-gewinnt-bedarfsorientiert';

test.describe('on a 360 × 740 phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the header leaves the screen to the content; languages fold into a disclosure', async ({ page }) => {
    for (const url of ['/akteure', '/kataloge/integrationskonzept', MEASURE]) {
      await page.goto(url);
      const header = await page.locator('.site-header').boundingBox();
      expect(header, url).not.toBeNull();
      expect(header!.y + header!.height, url).toBeLessThanOrEqual(250);
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    }
    // The search still works from the header: field and button on one line.
    const search = page.getByRole('search', { name: 'Suche', exact: true });
    const field = search.getByRole('searchbox', { name: 'Suchbegriff' });
    const button = search.getByRole('button', { name: 'Suchen' });
    await expect(field).toBeVisible();
    const [f, b] = [await field.boundingBox(), await button.boundingBox()];
    expect(Math.abs(f!.y - b!.y)).toBeLessThan(8);

    // Languages: closed disclosure that names the current language; opening it (no JS needed) shows the links.
    const languages = page.getByRole('navigation', { name: 'Sprache' });
    await expect(languages.getByRole('link', { name: 'English' })).toBeHidden();
    await languages.locator('summary', { hasText: 'Sprache: Deutsch' }).click();
    await languages.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('on a wide screen the languages are listed openly', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/akteure');
  const languages = page.getByRole('navigation', { name: 'Sprache' });
  await expect(languages.getByRole('link', { name: 'English' })).toBeVisible();
  await expect(languages.locator('summary', { hasText: 'Sprache: Deutsch' })).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Suchbegriff' })).toBeVisible();
});

test('the print hint is for paper: hidden on screen, shown in print; the print view link only on screen', async ({ page }) => {
  await page.goto(MEASURE);
  const hint = page.getByText('Diese Seite ist für den Druck aufbereitet');
  await expect(hint).toBeHidden();
  await expect(page.getByRole('link', { name: 'Druckansicht' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(hint).toBeVisible();
  await expect(page.getByRole('link', { name: 'Druckansicht' })).toBeHidden();
});

test('catalogue sections are collapsed <details>: open one, open all, reach a nested node, print everything', async ({ page }) => {
  await page.goto('/kataloge/integrationskonzept');
  const sections = page.locator('details.tree-section__details');
  const count = await sections.count();
  expect(count).toBeGreaterThan(4);
  await expect(page.locator('details.tree-section__details[open]')).toHaveCount(0);
  // Headings of every Handlungsfeld stay visible (heading navigation, Ctrl+F on the titles).
  await expect(page.locator('section#bildung > h2')).toBeVisible();
  const bildung = page.locator('section#bildung');
  const firstMeasure = bildung.locator('a[href*="/massnahme/"]').first();
  await expect(firstMeasure).toBeHidden();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(12_000);

  // On paper, closed sections print in full and the toggles are left out.
  await page.emulateMedia({ media: 'print' });
  await expect(firstMeasure).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alle Abschnitte aufklappen' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // One section: its summary names the section for screen readers and counts its measures.
  const summary = bildung.locator('summary');
  await expect(summary).toContainText(/Inhalt anzeigen.*Bildung.*\(\d+ Maßnahmen\)/);
  await summary.click();
  await expect(firstMeasure).toBeVisible();
  await expect(summary).toContainText('Inhalt ausblenden');
  await expectNoAxeViolations(page);

  // A nested entry of the table of contents opens its section through the URL.
  const toc = page.getByRole('navigation', { name: 'Inhaltsverzeichnis' });
  const nested = toc.locator('a[href^="?offen=gesundheit#"]').first();
  const target = (await nested.getAttribute('href'))!.split('#')[1]!;
  await nested.click();
  await expect(page).toHaveURL(new RegExp(`\\?offen=gesundheit#${target}$`));
  await expect(page.locator('section#gesundheit details')).toHaveAttribute('open', '');
  await expect(page.locator(`[id="${target}"] >> nth=0`).getByRole('heading').first()).toBeInViewport();

  // "Alle aufklappen" renders every section open; the link then closes them again.
  await page.getByRole('link', { name: 'Alle Abschnitte aufklappen' }).click();
  await expect(page).toHaveURL(/\?alle=1#abschnitte$/);
  await expect(page.locator('details.tree-section__details[open]')).toHaveCount(count);
  await page.getByRole('link', { name: 'Alle Abschnitte zuklappen' }).click();
  await expect(page.locator('details.tree-section__details[open]')).toHaveCount(0);
});

test('a measure\'s breadcrumbs open the section of the node they link to', async ({ page }) => {
  await page.goto(MEASURE);
  const crumbs = page.getByRole('navigation', { name: 'Sie sind hier' });
  const leitziel = crumbs.getByRole('link', { name: /^Leitziel/ });
  await expect(leitziel).toHaveAttribute('href', /^\/kataloge\/integrationskonzept\?offen=gesundheit#/);
  await expect(crumbs.getByRole('link', { name: 'Handlungsfeld Gesundheit' })).toHaveAttribute('href', '/kataloge/integrationskonzept#gesundheit');
  await leitziel.click();
  await expect(page.locator('section#gesundheit details')).toHaveAttribute('open', '');
});

test('Arabic: breadcrumbs name node types in Arabic, German titles and wordings are isolated as German', async ({ page }) => {
  await page.goto(`${MEASURE}?lang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const crumbs = page.locator('nav.breadcrumbs');
  const links = crumbs.getByRole('link');
  await expect(links.nth(0)).toHaveText('الصفحة الرئيسية');
  await expect(links.nth(2)).toHaveText('مجال العمل Gesundheit');
  await expect(links.nth(2).locator('bdi[lang="de"]')).toHaveText('Gesundheit');
  await expect(links.nth(3)).toHaveText('الهدف الرئيسي A');
  await expect(links.nth(4)).toHaveText('الهدف التنفيذي A1');
  await expect(crumbs).not.toContainText(/Handlungsfeld|Leitziel|Handlungsziel|Startseite/);
  // Catalogue and measure titles are German content: marked and isolated.
  await expect(links.nth(1).locator('bdi[lang="de"]')).toHaveText(/Integrationskonzept/);
  await expect(crumbs.locator('[aria-current="page"] bdi[lang="de"]')).toHaveText(/Das KI gewinnt/);

  // The wording lines: Arabic label, German wording in its own <bdi lang="de">.
  const asPrinted = page.locator('p.measure-meta', { hasText: 'الصياغة في الوثيقة' });
  await expect(asPrinted.locator('bdi[lang="de"]')).toContainText('Kommunales Integrationszentrum');
  const wording = page.locator('.measure-meta', { hasText: 'في الوثيقة: «' }).first();
  await expect(wording.locator('bdi[lang="de"]').last()).toContainText('Es handelt sich um die gleiche Maßnahme');
  await expect(page.locator('dt:text-is("تاريخ الإصدار") + dd bdi[lang="de"]').first()).toHaveText('Oktober 2019');
  await expectNoAxeViolations(page);
});

test('/suche without a query is a short landing; the full list is one link away', async ({ page }) => {
  const response = await page.goto('/suche');
  const html = await response!.text();
  expect(html.length).toBeLessThan(120_000);
  await expect(page.getByRole('searchbox', { name: 'Suchbegriff' })).toBeVisible();
  await expect(page.locator('.search-result-list')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Akteur' })).toHaveCount(0);
  const landing = page.getByRole('region', { name: 'Einstieg' });
  await expect(landing.getByRole('status')).toContainText(/^\d+ Maßnahmen in allen Katalogen$/);
  await expect(landing.getByRole('region', { name: 'Häufige Zielgruppen' }).getByRole('link')).toHaveCount(8);
  await expectNoAxeViolations(page);

  await landing.getByRole('region', { name: 'Nach Katalog' }).getByRole('link', { name: /Integrationskonzept/ }).click();
  await expect(page).toHaveURL(/\/suche\?katalog=integrationskonzept$/);
  await expect(page.locator('.search-result-list > li')).toHaveCount(10);

  await page.goto('/suche');
  await page.getByRole('link', { name: /^Alle \d+ Maßnahmen anzeigen und filtern$/ }).click();
  await expect(page).toHaveURL(/\/suche\?sort=nummer$/);
  await expect(page.locator('.search-result-list > li')).toHaveCount(10);
  await expect(page.getByRole('group', { name: 'Katalog' })).toBeVisible();
});

test('Impressum and Datenschutz: linked in the footer in every language, placeholder until written, edited by the administration', async ({ page, browser }) => {
  await page.goto('/');
  const footer = page.locator('footer.site-footer');
  await footer.getByRole('link', { name: 'Impressum' }).click();
  await expect(page).toHaveURL(/\/impressum$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impressum');
  await expect(page.getByText('Dieser Text wurde noch nicht hinterlegt.', { exact: false })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Vertretungsberechtigte Person' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('footer.site-footer').getByRole('link', { name: 'Datenschutz' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datenschutzerklärung');
  await expect(page.getByRole('listitem').filter({ hasText: 'Vorschlagsformular' })).toBeVisible();

  for (const [lang, imprint, privacy] of [
    ['en', 'Legal notice', 'Privacy'],
    ['tr', 'Künye', 'Veri koruma'],
    ['uk', 'Вихідні дані', 'Захист даних'],
    ['ar', 'بيانات الناشر', 'حماية البيانات'],
  ] as const) {
    await page.goto(`/akteure?lang=${lang}`);
    const links = page.locator('footer.site-footer');
    // Links keep the page's language (issue 14: the language is in the URL).
    await expect(links.getByRole('link', { name: imprint, exact: true })).toHaveAttribute('href', `/impressum?lang=${lang}`);
    await expect(links.getByRole('link', { name: privacy, exact: true })).toHaveAttribute('href', `/datenschutz?lang=${lang}`);
  }

  // The administration writes the text; visitors (no session, cached pages) see it at once.
  const text = `Stadt Herne, Friedrich-Ebert-Platz 2, 44623 Herne ${Date.now()}`;
  await loginAs(page, 'admin');
  await page.goto('/admin/rechtliches?lang=de');
  const section = page.getByRole('region', { name: 'Impressum' });
  await section.getByLabel('Text').fill(`${text}\n\n- Vertreten durch den Oberbürgermeister`);
  await section.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert' })).toBeVisible();
  await expectNoAxeViolations(page);

  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto('/impressum');
  await expect(anonymous.getByText(text)).toBeVisible();
  await expect(anonymous.locator('.rich-text[lang="de"] li')).toHaveText('Vertreten durch den Oberbürgermeister');
  await expect(anonymous.getByText('Dieser Text wurde noch nicht hinterlegt.', { exact: false })).toHaveCount(0);

  // Saving it empty brings the placeholder back.
  await section.getByLabel('Text').fill('');
  await section.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert' })).toBeVisible();
  await anonymous.goto('/impressum');
  await expect(anonymous.getByText('Dieser Text wurde noch nicht hinterlegt.', { exact: false })).toBeVisible();
  await visitor.close();
});

test('only administrators reach the legal texts in the back office', async ({ page }) => {
  await loginAs(page, 'redaktion');
  const response = await page.goto('/admin/rechtliches');
  expect(response?.status()).toBe(403);
});
