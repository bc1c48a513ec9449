import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Public layout (issue "Public layout"): a compact header on phones, collapsible catalogue
// sections, a short search landing, print-only hints, translated breadcrumbs, legal pages.

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const MEASURE = '/kataloge/integrationskonzept/massnahme/gesundheit-a1-massnahme-4-das-ki-gewinnt-bedarfsorientiert';

test('the print hint is for paper: hidden on screen, shown in print; the print view link only on screen', async ({ page }) => {
  await page.goto(MEASURE);
  const hint = page.getByText('Diese Seite ist für den Druck aufbereitet');
  await expect(hint).toBeHidden();
  await expect(page.getByRole('link', { name: 'Druckansicht' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(hint).toBeVisible();
  await expect(page.getByRole('link', { name: 'Druckansicht' })).toBeHidden();
});
