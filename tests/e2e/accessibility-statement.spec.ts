/**
 * BITV NRW obligations (issue 14, point 6), with and without JavaScript: every page's footer
 * links the accessibility statement and the barrier report form; the statement names the NRW
 * enforcement body; a report keeps what was typed on a mistake, is stored, and Redaktion deals
 * with it in the back office.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs, PASSWORD, uniqueEmail } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the footer leads to the statement and the report form; a report reaches the back office', async ({ page, browser }) => {
  const tag = `${test.info().project.name}-${Date.now()}`;
  await page.goto('/kataloge/integrationskonzept');
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Durchsetzungsverfahren' })).toBeVisible();
  await expect(page.getByText('Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // From a catalogue page, the report form knows the page.
  await page.goto('/kataloge/integrationskonzept');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Barriere melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Barriere melden' })).toBeVisible();
  await expect(page.getByLabel(/^Seite/)).toHaveValue('/kataloge/integrationskonzept');
  await expectNoAxeViolations(page);
  // Too short, and an e-mail without consent: German messages, everything kept.
  await page.getByLabel(/^Was ist die Barriere/).fill('kaputt');
  await page.getByLabel(/^E-Mail-Adresse/).fill('leser@example.de');
  // The form refuses what is sent faster than a person types.
  await page.waitForTimeout(3_100);
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByText(/Bitte beschreiben Sie die Barriere \(mindestens 10 Zeichen\)/).first()).toBeVisible();
  await expect(page.getByText(/stimmen Sie der Verarbeitung/).first()).toBeVisible();
  await expect(page.getByLabel(/^E-Mail-Adresse/)).toHaveValue('leser@example.de');
  await expect(page.getByLabel(/^Seite/)).toHaveValue('/kataloge/integrationskonzept');
  await page.getByLabel(/^Was ist die Barriere/).fill(`Der Baum der Handlungsfelder lässt sich nicht mit der Tastatur öffnen (${tag}).`);
  await page.getByLabel(/^Ich bin einverstanden/).check();
  await page.waitForTimeout(3_100);
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vielen Dank für Ihre Meldung' })).toBeVisible();

  // Redaktion sees it, with the page and the contact, and marks it dealt with.
  const context = await browser.newContext({ javaScriptEnabled: withJs() });
  const editor = await context.newPage();
  await loginAs(editor, { email: uniqueEmail('barrieren'), password: PASSWORD, role: 'redaktion', name: 'Bea Barriere' });
  await editor.goto('/admin');
  await editor.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'Barrieren', exact: true }).click();
  const item = editor.locator('li.barrier-report', { hasText: tag });
  await expect(item).toContainText('Seite: /kataloge/integrationskonzept');
  await expect(item).toContainText('leser@example.de');
  await expectNoAxeViolations(editor);
  await item.getByLabel('Was wurde getan?').fill('Tastaturbedienung ergänzt, Antwort per E-Mail');
  await item.getByRole('button', { name: 'Als erledigt vermerken' }).click();
  await expect(editor.getByText('Die Meldung ist als erledigt vermerkt.')).toBeVisible();
  await expect(editor.locator('li.barrier-report', { hasText: tag })).toContainText('Erledigt am');
  await context.close();
});
