import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs } from './helpers/users';

// Content translations (issue 14): an editor translates a measure's title into Arabic side by
// side; the public page read in Arabic is laid out right-to-left, shows the translated title and
// the German description with the "not translated yet" note, and the measure is found by an
// Arabic query. Runs with and without JavaScript (the second run finds the translation saved).

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

// Not the measure the layout tests read in Arabic (they expect its German title): this one gets an Arabic title.
const GERMAN_QUERY = 'Herner Demenztag';
const ARABIC_TITLE = 'مركز الاندماج يشارك في يوم الخرف في هيرنه';
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('translate a measure into Arabic and read it right-to-left, with the German fallback note, found by an Arabic query', async ({ page }) => {
  await page.goto(`/suche?q=${encodeURIComponent(GERMAN_QUERY)}`);
  await page.locator('main a[href*="/massnahme/"]', { hasText: GERMAN_QUERY }).first().click();
  await page.waitForURL(/\/massnahme\//);
  const MEASURE = new URL(page.url()).pathname;
  const germanTitle = (await page.locator('h1 [lang="de"]').innerText()).trim();

  await loginAs(page, 'redaktion');
  await page.goto('/admin/uebersetzungen');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersetzungen' })).toBeVisible();
  await page.getByRole('region', { name: /Integrationskonzept/ }).getByRole('link', { name: 'العربية' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Felder nach Status' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Text enthält').fill(germanTitle);
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.getByLabel('Text enthält')).toHaveValue(germanTitle);
  const row = page.locator('tbody tr').filter({ has: page.locator('td[lang="de"]', { hasText: new RegExp(`^${escapeRegex(germanTitle)}$`) }) });
  await row.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('übersetzen');
  // Side by side: the German text next to the field in Arabic, written right-to-left.
  const title = page.getByLabel('Titel: العربية');
  await expect(title).toHaveAttribute('dir', 'rtl');
  await title.fill(ARABIC_TITLE);
  await page.getByLabel('Beschreibung: العربية').fill('');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();

  // The public page in Arabic: the language is in the URL (the /ar/… form redirects to it).
  await page.goto(`/ar${MEASURE}`);
  await expect(page).toHaveURL(new RegExp(`${escapeRegex(MEASURE)}\\?lang=ar$`));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const heading = page.locator('h1 [lang="ar"]');
  await expect(heading).toHaveText(ARABIC_TITLE);
  expect(await heading.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // The untranslated description: German, marked as such, with the note in Arabic.
  const description = page.locator('section[aria-labelledby="beschreibung"]');
  await expect(description.locator('.rich-text[lang="de"]')).toBeVisible();
  await expect(description.getByText('هذا النص لم يُترجم بعد.')).toBeVisible();
  await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveCount(1);
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', new RegExp(`${escapeRegex(MEASURE)}$`));
  // Links keep the language.
  await expect(page.locator('main a[href^="/kataloge/integrationskonzept"]').first()).toHaveAttribute('href', /lang=ar/);
  await expectNoAxeViolations(page);
  // On a 360 px phone: nothing wider than the screen; a screenshot to look at (test-results/).
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath(`measure-ar-360-${test.info().project.name}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Search in Arabic from the page's search form.
  const search = page.getByRole('searchbox').first();
  await search.fill('الخرف');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/suche\?.*lang=ar/);
  await expect(page.getByRole('link', { name: new RegExp(ARABIC_TITLE) })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(page);

  // Back to German: the canonical address without a parameter, and the German title.
  await page.goto(`${MEASURE}?lang=de`);
  await expect(page).toHaveURL(new RegExp(`${escapeRegex(MEASURE)}$`));
  await expect(page.locator('h1 [lang="de"]')).toHaveText(germanTitle);
});
