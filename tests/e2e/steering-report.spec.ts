/**
 * The report for the steering group (issue 15, point 5) on the e2e server's Herne catalogues:
 * Redaktion opens it from the back-office navigation, chooses the integration concept with the
 * plain GET form and sees every section, the five gap records (IKÖ A1, B1, B2, E1 and Kultur B3;
 * counted in the source text, see src/lib/server/gaps/analysis.db.test.ts) and the charts with
 * their data tables. Runs with and without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs, roleUser } from './helpers/users';
import { pdfText } from '../helpers/pdf';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;
const IKOE = 'Interkulturelle Öffnung der Stadtverwaltung Herne';
const IK_TITLE = /Integrationskonzept/;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('Redaktion opens the report for the integration concept and sees its sections and the five gaps', async ({ page }) => {
  await loginAs(page, roleUser('redaktion', 'steering'));
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'Lenkungsgruppe', exact: true }).click();
  await page.waitForURL(/\/admin\/berichte\/lenkungsgruppe$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bericht für die Lenkungsgruppe' })).toBeVisible();
  await expect(page.getByText('Bitte einen Katalog wählen.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Katalog').selectOption({ value: 'integrationskonzept' });
  await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
  await page.waitForURL(/\?katalog=integrationskonzept&seit=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('heading', { level: 2, name: IK_TITLE })).toBeVisible();
  for (const name of ['Überblick', 'Stand der Umsetzung', /^Änderungen seit /, 'Lücken', /^Überfällige Prüfungen \(\d+\)$/])
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();

  const gaps = page.locator('#bericht-luecken');
  await expect(gaps.getByRole('heading', { level: 4, name: 'Lücken (5)' })).toBeVisible();
  const rows = gaps.getByRole('table').first().getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(5);
  await expect(rows.getByRole('cell', { name: /›/ })).toHaveText([`${IKOE} › A1`, `${IKOE} › B1`, `${IKOE} › B2`, `${IKOE} › E1`, 'Kultur › B3']);
  // Other specs on the shared server add empty structure nodes of their own: of Herne's documents,
  // exactly A1, B1 and E1 of Interkulturelle Öffnung have no measure.
  await expect(gaps.getByRole('heading', { level: 4, name: /^Handlungsziele ohne Maßnahme \(\d+\)$/ })).toBeVisible();
  const goalRows = gaps.getByRole('region', { name: /^Handlungsziele ohne Maßnahme/ }).getByRole('row').filter({ has: page.getByRole('cell', { name: IKOE, exact: true }) });
  await expect(goalRows.getByRole('cell', { name: /^[A-E]\d$/ })).toHaveText(['A1', 'B1', 'E1']);

  // Charts: server-rendered SVG with a data table, readable without JavaScript.
  await expect(page.locator('#bericht-status svg[role="img"]')).toBeVisible();
  await expect(page.locator('#bericht-status').getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);

  // The same report as PDF, through the editions' Typst path.
  const title = (await page.getByRole('heading', { level: 2, name: IK_TITLE }).innerText()).trim();
  const pdfHref = await page.getByRole('link', { name: 'Als PDF herunterladen' }).getAttribute('href');
  expect(pdfHref).toMatch(/^\/admin\/berichte\/lenkungsgruppe\.pdf\?katalog=integrationskonzept&seit=\d{4}-\d{2}-\d{2}$/);
  const pdfResponse = await page.request.get(pdfHref!);
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pdfResponse.body()).replace(/\s+/g, ' ');
  expect(text).toContain(title);
  expect(text).toContain('Lücken (5)');

  // One Handlungsfeld: the gaps shrink to that field's four.
  await page.getByLabel('Handlungsfeld').selectOption({ label: IKOE });
  await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
  await page.waitForURL(/feld=/);
  await expect(page.getByText(`Bereich: ${IKOE}`)).toBeVisible();
  await expect(page.locator('#bericht-luecken').getByRole('heading', { level: 4, name: 'Lücken (4)' })).toBeVisible();

  // A bad date is refused with a German message (a typed URL: the date field sends ISO dates).
  await page.goto('/admin/berichte/lenkungsgruppe?katalog=integrationskonzept&seit=2026-02-30');
  await expect(page.getByRole('link', { name: 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the steering group reads the report; contributors may not', async ({ page }) => {
  await loginAs(page, roleUser('lesend', 'steering'));
  await page.goto('/admin/berichte/lenkungsgruppe?katalog=integrationskonzept');
  await expect(page.locator('#bericht-luecken').getByRole('heading', { level: 4, name: 'Lücken (5)' })).toBeVisible();

  await loginAs(page, roleUser('beitragende', 'steering'));
  const response = await page.goto('/admin/berichte/lenkungsgruppe?katalog=integrationskonzept');
  expect(response?.status()).toBe(403);
});
