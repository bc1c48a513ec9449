/**
 * The gap analysis (issue 15, point 3) on the e2e server's Herne catalogues: Redaktion opens
 * /admin/luecken from the back-office navigation, sees the five gap records of the integration
 * concept (IKÖ A1, B1, B2, E1 and Kultur B3; see src/lib/server/gaps/analysis.db.test.ts for how
 * they were counted in the source text), filters by catalogue with the plain GET form and
 * downloads a list as CSV. Runs with and without JavaScript.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs, roleUser } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;
const IKOE = 'Interkulturelle Öffnung der Stadtverwaltung Herne';

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Fields of a CSV line as util/csv.ts writes them (every field quoted, `;`). */
const fields = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"(?:;|$)/g)].map((m) => m[1]!.replace(/""/g, '"'));

test('Redaktion sees the five gap records, filters by catalogue and downloads the list as CSV', async ({ page }) => {
  await loginAs(page, roleUser('redaktion', 'gaps'));
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'Lücken', exact: true }).click();
  await page.waitForURL(/\/admin\/luecken$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lückenanalyse' })).toBeVisible();

  const gaps = page.locator('#liste-luecken');
  await expect(gaps.getByRole('heading', { level: 2 })).toHaveText('Festgehaltene Lücken (5)');
  const rows = gaps.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(5);
  await expect(rows.getByRole('cell', { name: /›/ })).toHaveText([`${IKOE} › A1`, `${IKOE} › B1`, `${IKOE} › B2`, `${IKOE} › E1`, 'Kultur › B3']);
  // Each gap links to its entry in the back office.
  await expect(rows.first().getByRole('link', { name: '1: Es wurde keine explizite Maßnahme formuliert.' })).toHaveAttribute('href', /^\/admin\/massnahmen\/[0-9a-f-]{36}$/);

  const goals = page.locator('#liste-handlungsziele');
  // Other specs on the shared server add empty structure nodes of their own: Herne's documents
  // leave exactly A1, B1 and E1 of Interkulturelle Öffnung without a measure.
  await expect(goals.getByRole('heading', { level: 2 })).toHaveText(/^Handlungsziele ohne Maßnahmen \((\d+)\)$/);
  const documentGoals = goals.getByRole('row').filter({ has: page.getByRole('cell', { name: IKOE, exact: true }) });
  await expect(documentGoals.getByRole('link', { name: /^[A-E]\d$/ })).toHaveText(['A1', 'B1', 'E1']);
  await expect(page.locator('#liste-dimensionen-innen').getByRole('cell', { name: '5. Alter' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The catalogue filter is a GET form: the same without JavaScript.
  await page.getByLabel('Katalog').selectOption({ label: 'DIVERSITY bei der Stadtverwaltung Herne – Maßnahmen-Katalog' });
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await page.waitForURL(/\?katalog=diversity-massnahmenkatalog$/);
  await expect(page.locator('#liste-luecken').getByRole('heading', { level: 2 })).toHaveText('Festgehaltene Lücken (0)');
  await expect(page.locator('#liste-dimensionen-innen').getByRole('heading', { level: 2 })).toHaveText('Dimensionen ohne Maßnahmen nach innen (1)');
  await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
  await page.waitForURL(/\/admin\/luecken$/);

  // CSV of the gap records, through the link on the page.
  const link = page.locator('#liste-luecken').getByRole('link', { name: /Als CSV herunterladen/ });
  await expect(link).toHaveAttribute('href', '/admin/luecken.csv?liste=luecken');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^lueckenanalyse-luecken-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map(fields);
  expect(header!.slice(0, 4)).toEqual(['Katalog', 'Ort', 'Handlungsziel', 'Nummer']);
  expect(lines.map((l) => l[2])).toEqual(['A1', 'B1', 'B2', 'E1', 'B3']);
});

test('the steering group reads the analysis; contributors may not', async ({ page }) => {
  await loginAs(page, roleUser('lesend', 'gaps'));
  await page.goto('/admin/luecken?katalog=integrationskonzept');
  await expect(page.locator('#liste-luecken').getByRole('heading', { level: 2 })).toHaveText('Festgehaltene Lücken (5)');
  // Readers cannot edit the structure: the Handlungsziel is named, not linked.
  await expect(page.locator('#liste-handlungsziele').getByRole('link', { name: 'A1', exact: true })).toHaveCount(0);
  await expect(page.locator('#liste-handlungsziele').getByRole('cell', { name: 'A1', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await loginAs(page, roleUser('beitragende', 'gaps'));
  const response = await page.goto('/admin/luecken');
  expect(response?.status()).toBe(403);
});
