/**
 * Funding (issue 16, must-show b), with and without JavaScript: an applicant submits an
 * application over the cap and gets a German message with everything kept; corrects it and
 * submits; the Projektbüro asks a question; the applicant answers through the private link;
 * the Lenkungsgruppe's decision (a lower amount) is recorded; the budget shows it committed;
 * the public measure page shows the funding. The Verfügungsfonds comes from the seed import.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The form refuses posts faster than 3 s (time check). */
const waitForTimeCheck = (page: Page) => page.waitForTimeout(3_500);
const euros = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));

test('apply over the cap, correct, answer a query through the private link; a lower amount is approved and shown on the measure', async ({ page, browser }) => {
  test.slow();
  // Separate browser contexts: the office (signed in), the applicant and the public (neither).
  const newPage = async () => (await browser.newContext({ javaScriptEnabled: withJs() })).newPage();
  const title = `Tanzprojekt ${test.info().project.name} ${Date.now().toString(36)}`;

  // 1. The public call with its conditions, from the seed import (001).
  await page.goto('/foerderung/verfuegungsfonds', { waitUntil: withJs() ? 'networkidle' : 'load' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verfügungsfonds „Integration von Neuzugewanderten“');
  await expect(page.getByText('160.000,00 €', { exact: true })).toBeVisible();
  await expect(page.getByText('5.000,00 €', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const f = page.locator('form[method="post"]');
  await f.getByLabel('Antragstellende Organisation').fill('Ensemble GbR');
  await f.getByLabel('Ansprechperson').fill('Erika Muster');
  await f.getByLabel('E-Mail-Adresse').fill('erika@example.de');
  await f.getByRole('checkbox', { name: /Kontaktdaten für das Antragsverfahren/ }).check();
  await f.getByLabel('Titel des Vorhabens').fill(title);
  await f.getByLabel('Beschreibung').fill('Ein Tanzprojekt für junge Menschen mit Fluchterfahrung ab 8 Jahren, wöchentlich im Jugendzentrum.');
  await f.getByLabel('Förderbereich').selectOption('Verbesserung der gesellschaftlichen Teilhabe');
  await f.getByLabel('Zielgruppe').fill('Kinder und Jugendliche mit Fluchterfahrung');
  await f.getByLabel(/^Beginn\b/).fill('2027-01-15');
  await f.getByLabel(/^Ende\b/).fill('2027-06-30');
  await page.locator('#antrag-costType0').selectOption('honorare');
  await page.locator('#antrag-costDescription0').fill('Tanzpädagogin, 40 Termine');
  await page.locator('#antrag-costAmount0').fill('6.000,00');
  await f.getByLabel('Beantragter Betrag').fill('6.000,00');
  await waitForTimeCheck(page);
  await page.getByRole('button', { name: 'Antrag absenden' }).click();

  // 2. Over the cap: a German message at the field, everything kept.
  await expect(page.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Angaben' })).toBeVisible();
  const requested = f.getByLabel('Beantragter Betrag');
  await expect(requested).toHaveAttribute('aria-invalid', 'true');
  await expect(requested).toHaveAccessibleDescription(/übersteigt die Förderhöchstgrenze von 5\.000,00 € je Maßnahme/);
  await expect(f.getByLabel('Titel des Vorhabens')).toHaveValue(title);
  await expect(f.getByLabel('Antragstellende Organisation')).toHaveValue('Ensemble GbR');
  await expect(f.getByLabel('Förderbereich')).toHaveValue('Verbesserung der gesellschaftlichen Teilhabe');
  await expect(f.getByLabel(/^Ende\b/)).toHaveValue('2027-06-30');
  await expect(page.locator('#antrag-costDescription0')).toHaveValue('Tanzpädagogin, 40 Termine');
  await expect(f.getByRole('checkbox', { name: /Kontaktdaten für das Antragsverfahren/ })).toBeChecked();
  await expectNoAxeViolations(page);

  // 3. Corrected: a reference number and the private link.
  await page.locator('#antrag-costAmount0').fill('4.500,00');
  await requested.fill('4.500,00');
  await waitForTimeCheck(page);
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await expect(page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen.' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^[A-Z]{2,3}-2027-\d{6}$/);
  const privateLink = (await page.getByTestId('private-link').getAttribute('href'))!;
  expect(privateLink).toMatch(/\/foerderung\/antrag\/[A-Za-z0-9_-]{20,}$/);
  await expectNoAxeViolations(page);

  // 4. The Projektbüro asks a question.
  const office = await newPage();
  await loginAs(office, 'redaktion');
  await office.goto('/admin/foerderung/verfuegungsfonds?jahr=2027');
  await office.getByRole('link', { name: reference }).click();
  await expect(office.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(office.getByText('erika@example.de')).toBeVisible();
  await expectNoAxeViolations(office);
  await office.getByLabel('Rückfrage an die Antragstellenden').fill('Bitte nennen Sie den Honorarsatz je Termin.');
  await office.getByRole('button', { name: 'Rückfrage senden' }).click();
  await expect(office.getByText('Die Rückfrage ist gespeichert.')).toBeVisible();
  await expect(office.getByTestId('state')).toHaveText('Rückfrage offen');

  // 5. The applicant answers through the private link (no account, no session needed).
  const applicant = await newPage();
  await applicant.goto(privateLink);
  await expect(applicant.getByTestId('state')).toHaveText('Rückfrage offen');
  await expect(applicant.getByText('Bitte nennen Sie den Honorarsatz je Termin.')).toBeVisible();
  await applicant.getByLabel('Antwort auf die Rückfrage').fill('112,50 € je Termin, 40 Termine.');
  await applicant.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(applicant.getByRole('heading', { name: 'Ihre Antwort ist eingegangen.' })).toBeVisible();
  await expect(applicant.getByTestId('state')).toHaveText('Eingegangen, in Prüfung');
  await expectNoAxeViolations(applicant);
  // Another token opens nothing.
  expect((await applicant.goto(privateLink.replace(/.{4}$/, 'abcd')))!.status()).toBe(404);

  // 6. Complete; the Lenkungsgruppe approves a lower amount (recorded by the Projektbüro).
  await office.reload();
  await expect(office.getByText('112,50 € je Termin, 40 Termine.')).toBeVisible();
  await office.getByRole('button', { name: 'Als vollständig markieren' }).click();
  await expect(office.getByText('Der Antrag ist als vollständig markiert.')).toBeVisible();
  await office.getByRole('combobox', { name: 'Entscheidung' }).selectOption('bewilligt_abweichend');
  await office.getByLabel(/Bewilligter Betrag/).fill('3.000,00');
  await office.getByLabel('Sitzungsdatum').fill('2026-12-03');
  await office.getByLabel('Begründung').fill('Gefördert wird die Hälfte der Termine im ersten Halbjahr.');
  await office.getByRole('button', { name: 'Entscheidung speichern' }).click();
  await expect(office.getByText('Die Entscheidung ist gespeichert.')).toBeVisible();
  await expect(office.getByTestId('state')).toHaveText('Bewilligt');

  // 7. The budget shows it committed.
  await office.goto('/admin/foerderung/verfuegungsfonds?jahr=2027');
  const row = office.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('3.000,00 €');
  expect(euros((await office.getByTestId('budget-committed').textContent())!)).toBeGreaterThanOrEqual(3000);
  await office.goto('/admin/foerderung?jahr=2027');
  expect(euros((await office.locator('tr[data-programme="verfuegungsfonds"] [data-testid="committed"]').textContent())!)).toBeGreaterThanOrEqual(3000);

  // 8. Linked to a measure: the public measure page shows the funding.
  await office.goto('/admin/foerderung/verfuegungsfonds?jahr=2027');
  await office.getByRole('link', { name: reference }).click();
  const select = office.getByRole('combobox', { name: 'Maßnahme' });
  const firstMeasure = await select.locator('option:not([value=""])').first().getAttribute('value');
  await select.selectOption(firstMeasure!);
  await office.getByRole('button', { name: 'Zuordnen' }).click();
  await expect(office.getByText('Der Antrag ist der Maßnahme zugeordnet.')).toBeVisible();
  const measurePath = (await office.getByTestId('linked-measure').getAttribute('href'))!;
  const publicPage = await newPage();
  await publicPage.goto(measurePath);
  const funding = publicPage.getByTestId('measure-funding');
  await expect(funding.getByRole('heading', { name: 'Förderung' })).toBeVisible();
  await expect(funding).toContainText('Verfügungsfonds „Integration von Neuzugewanderten“');
  await expect(funding).toContainText('3.000,00 €');
  await expect(funding).toContainText('30. Juni 2027');
  await expectNoAxeViolations(publicPage);
  await Promise.all([office.context().close(), applicant.context().close(), publicPage.context().close()]);
});

test('an agreement with a funding caveat shows "Abhängig von Fördermitteln" on its public page', async ({ page }) => {
  await page.goto('/kataloge/vereinbarungen-neuzugewanderte');
  await page.goto((await page.locator('a[href*="/massnahme/"]').filter({ hasText: /Summerschool/ }).first().getAttribute('href'))!);
  await expect(page.getByTestId('measure-funding')).toContainText('Abhängig von Fördermitteln');
});
