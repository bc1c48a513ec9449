/**
 * The review cycle (issue 15, must-show b): a contributor receives a reminder in the outbox,
 * follows its personal link (through the login page), confirms "geprüft, unverändert" in one
 * click; the measure leaves the overdue list and its history says so. With and without
 * JavaScript. The test route backdates the measure's last review and runs the reminder job now.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { outbox } from './helpers/mail';
import { CONTRIBUTOR_ACTOR, loginAs, loginWithForm, PASSWORD, seedUsers, uniqueEmail } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function setupReviews(request: APIRequestContext, reviews: Record<string, unknown>) {
  const response = await request.post('/test-setup', { data: { reviews } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).review as { measure?: { id: string; title: string }; reminders?: { ran: boolean; result?: { people: number } } };
}

test('a contributor follows the reminder, confirms "geprüft, unverändert" and the measure leaves the overdue list', async ({ page, request }) => {
  const email = uniqueEmail('pruefung');
  await seedUsers(request, [{ email, password: PASSWORD, role: 'beitragende', name: 'Paula Prüfer', actors: [CONTRIBUTOR_ACTOR] }]);

  // The measure was last reviewed two years ago: overdue. The reminder job runs now.
  const { measure } = await setupReviews(request, { backdate: { actor: CONTRIBUTOR_ACTOR, lastReviewedAt: '2024-11-01' } });
  const run = await setupReviews(request, { runReminders: true });
  expect(run.reminders!.ran).toBe(true);

  // Exactly one e-mail for the new contributor, listing the measure with its personal link.
  const mails = await outbox(request, email);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toMatch(/^\[Vielfalt\] Prüfung fällig: \d+ Maßnahmen?$/);
  expect(mails[0]!.body).toContain('Guten Tag Paula Prüfer,');
  expect(mails[0]!.body).toContain(`„${measure!.title}“`);
  const link = new RegExp(`https?://[^\\s]+(/admin/massnahmen/${measure!.id}\\?pruefen=1)`).exec(mails[0]!.body);
  expect(link, mails[0]!.body).not.toBeNull();
  // Running again sends nothing twice.
  await setupReviews(request, { runReminders: true });
  expect(await outbox(request, email)).toHaveLength(1);

  // The personal link opens the review section after login.
  await page.goto(link![1]!);
  await expect(page).toHaveURL(/\/anmelden\?weiter=/);
  await loginWithForm(page, email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/admin/massnahmen/${measure!.id}\\?pruefen=1$`));
  const section = page.getByRole('region', { name: 'Regelmäßige Prüfung' });
  await expect(section).toContainText('Bitte prüfen Sie, ob die Angaben dieser Maßnahme noch stimmen.');
  await expect(section).toContainText('Zuletzt geprüft: 01.11.2024');
  await expectNoAxeViolations(page);

  // Before: on the contributor's due list, overdue.
  await page.goto('/admin/pruefung-faellig?zeitraum=jetzt');
  await expect(page.getByRole('heading', { level: 1, name: 'Prüfung fällig' })).toBeVisible();
  const row = page.locator(`tr[data-measure="${measure!.id}"]`);
  await expect(row).toContainText('überfällig');
  await expectNoAxeViolations(page);

  // One click on the measure's page.
  await page.goto(link![1]!);
  await page.getByRole('button', { name: 'Geprüft, unverändert' }).click();
  await expect(page.getByText('Als geprüft, unverändert vermerkt.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Regelmäßige Prüfung' })).not.toContainText('Zuletzt geprüft: 01.11.2024');

  // After: off the overdue list (and not due soon either: the next review is a year away).
  await page.goto('/admin/pruefung-faellig?zeitraum=jetzt');
  await expect(page.getByRole('heading', { level: 1, name: 'Prüfung fällig' })).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.goto('/admin/pruefung-faellig');
  await expect(row).toHaveCount(0);

  // The history says so: a revision "Geprüft, unverändert" by the contributor.
  await page.goto(`/admin/verlauf/massnahme/${measure!.id}`);
  await expect(page.getByText('Geprüft, unverändert').first()).toBeVisible();
  await expect(page.getByText('Paula Prüfer').first()).toBeVisible();
});

test('Redaktion sets a catalogue review interval; invalid input is refused in German', async ({ page }) => {
  const email = uniqueEmail('intervall');
  await loginAs(page, { email, password: PASSWORD, role: 'redaktion', name: 'Ina Intervall' });
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'Prüfung fällig', exact: true }).click();
  await page.waitForURL(/\/admin\/pruefung-faellig$/);
  const field = page.getByLabel(/^Prüfintervall „.+“ in Monaten/).first();
  await expect(field).toHaveValue('12');
  await expectNoAxeViolations(page);
  await field.fill('0');
  await field.locator('xpath=ancestor::form').getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Das Prüfintervall muss zwischen 1 und 120 Monaten liegen.')).toBeVisible();
  await field.fill('12');
  await field.locator('xpath=ancestor::form').getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Das Prüfintervall wurde gespeichert.')).toBeVisible();
});
