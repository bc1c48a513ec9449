import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs } from './helpers/users';

// "Maßnahme vorschlagen" → moderation queue. Runs in both projects: in "ohne-js" the form is a
// plain POST, in "mit-js" it is enhanced. The form refuses posts faster than 3 s (time check),
// so every submission waits first.

async function expectNoAxeViolations(page: Page) {
  // axe runs as a script in the page: it checks the mit-js project (the server-rendered markup is the same).
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const waitForTimeCheck = (page: Page) => page.waitForTimeout(3_500);
const unique = (label: string) => `${label} ${test.info().project.name} ${Date.now().toString(36)}`;

test('a suggestion sent from the public form lands in the moderation queue', async ({ page }) => {
  const title = unique('Sprachcafé im Stadtteilzentrum');
  await page.goto('/vorschlagen');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahme vorschlagen' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Titel der Maßnahme').fill(title);
  await page.getByLabel('Beschreibung').fill('Jeden Dienstag treffen sich Menschen im Stadtteilzentrum zum Deutschsprechen.');
  await page.getByLabel('Passender Katalog').selectOption({ index: 1 });
  await page.getByLabel('Verantwortlich').fill('Stadtteilzentrum Pluto');
  await page.getByLabel('Zielgruppe').fill('Neu Zugewanderte');
  await waitForTimeCheck(page);
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();

  await expect(page).toHaveURL(/\/vorschlagen\/danke$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Vielen Dank/);
  await expect(page.getByText('Wie es weitergeht')).toBeVisible();
  await expectNoAxeViolations(page);

  await loginAs(page, 'redaktion');
  await page.goto('/admin/vorschlaege');
  await expect(page.getByRole('heading', { level: 1, name: /Vorschläge aus der Öffentlichkeit/ })).toBeVisible();
  const link = page.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await expectNoAxeViolations(page);

  // Take it over as a draft.
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByText('Stadtteilzentrum Pluto')).toBeVisible();
  await expectNoAxeViolations(page);
  const select = page.getByLabel('Einordnen unter');
  const firstOption = await select.locator('option:not([value=""])').first().getAttribute('value');
  await select.selectOption(firstOption!);
  await page.getByRole('button', { name: 'In Entwurf übernehmen' }).click();
  await expect(page.getByText('Der Vorschlag wurde als Entwurf übernommen.')).toBeVisible();
  await expect(page.getByText('In Entwurf übernommen').first()).toBeVisible();
});

test('errors appear next to the fields in German and keep what was typed', async ({ page }) => {
  await page.goto('/vorschlagen');
  const title = unique('Elterncafé');
  await page.getByLabel('Titel der Maßnahme').fill(title);
  await page.getByLabel('Beschreibung').fill('kurz');
  await page.getByLabel('Ihre E-Mail-Adresse').fill('erika@example.de');
  await waitForTimeCheck(page);
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();

  await expect(page.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Angaben' })).toBeVisible();
  const description = page.getByLabel('Beschreibung');
  await expect(description).toHaveAttribute('aria-invalid', 'true');
  await expect(description).toHaveAccessibleDescription(/mindestens 10 Zeichen/);
  const consent = page.getByRole('checkbox', { name: /Ich willige ein/ });
  await expect(consent).toHaveAccessibleDescription(/stimmen Sie der Verarbeitung/);
  await expect(page.getByLabel('Titel der Maßnahme')).toHaveValue(title);
  await expect(page.getByLabel('Ihre E-Mail-Adresse')).toHaveValue('erika@example.de');
  await expectNoAxeViolations(page);
});

test('a form sent within seconds is refused, with the input kept', async ({ page }) => {
  // With JavaScript, wait for hydration first: typing before it would be reset by Svelte.
  await page.goto('/vorschlagen', { waitUntil: test.info().project.use.javaScriptEnabled === false ? 'load' : 'networkidle' });
  const title = unique('Zu schnell');
  await page.getByLabel('Titel der Maßnahme').fill(title);
  await page.getByLabel('Beschreibung').fill('Eine Beschreibung, die lang genug ist.');
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();
  await expect(page.getByText(/Das ging sehr schnell/)).toBeVisible();
  await expect(page.getByLabel('Titel der Maßnahme')).toHaveValue(title);
  await expect(page).toHaveURL(/\/vorschlagen$/);
});

test('the moderation queue needs a signed-in editor', async ({ page }) => {
  await page.goto('/admin/vorschlaege');
  await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fadmin%2Fvorschlaege/);
  await loginAs(page, 'beitragende');
  const response = await page.goto('/admin/vorschlaege');
  expect(response?.status()).toBe(403);
});

test('dashboard and notifications: the new suggestion is announced to the Redaktion', async ({ page }) => {
  await loginAs(page, 'redaktion');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Vorschläge aus der Öffentlichkeit' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Zur Prüfung fällig' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/admin/benachrichtigungen');
  await expect(page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();
  await expectNoAxeViolations(page);
  const markAll = page.getByRole('button', { name: 'Alle als gelesen markieren' });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(page.getByText(/als gelesen markiert/)).toBeVisible();
    await expect(page.getByText('0 ungelesene Benachrichtigungen')).toBeVisible();
  }
});
