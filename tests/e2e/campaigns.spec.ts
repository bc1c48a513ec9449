/**
 * The yearly call for updates (issue 15, point 2), with and without JavaScript: Redaktion starts
 * a campaign for the integration concept (a German message keeps what was typed), the
 * contributor of the Volkshochschule gets the request by e-mail, follows the personal link,
 * answers (an incomplete answer is refused in place, nothing lost), reports a new measure; the
 * campaign page shows who answered, the answers wait in the review queue until dealt with.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { outbox } from './helpers/mail';
import { CONTRIBUTOR_ACTOR, CONTRIBUTOR_ACTOR_NAME, loginAs, loginWithForm, PASSWORD, seedUsers, uniqueEmail } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;
const CATALOGUE = 'Vielfalt in Herne – Gesamtstädtisches Integrationskonzept';

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('Redaktion starts a call for updates, the contributor answers through the personal link, the answers reach the review queue', async ({ browser, request }) => {
  // Answers of the other project's run stay in the queue: this run's texts carry its name.
  const tag = test.info().project.name;
  const contributor = uniqueEmail('abfrage');
  await seedUsers(request, [{ email: contributor, password: PASSWORD, role: 'beitragende', name: 'Anton Antwort', actors: [CONTRIBUTOR_ACTOR] }]);
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await loginAs(editor, { email: uniqueEmail('abfrage-red'), password: PASSWORD, role: 'redaktion', name: 'Rita Abfrage' });

  // Start: the title forgotten → a German message, the catalogue and the message kept.
  await editor.goto('/admin');
  await editor.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'Abfragen', exact: true }).click();
  await editor.waitForURL(/\/admin\/abfragen$/);
  await expectNoAxeViolations(editor);
  await editor.getByLabel('Katalog').selectOption({ label: CATALOGUE });
  await editor.getByLabel(/^Anschreiben/).fill('Bitte prüfen Sie Ihre Maßnahmen bis Ende des Monats.');
  await editor.getByRole('button', { name: 'Abfrage starten' }).click();
  await expect(editor.getByText('Bitte geben Sie einen Titel an (mindestens 3 Zeichen).').first()).toBeVisible();
  await expect(editor.getByLabel('Katalog')).toHaveValue(/.+/);
  await expect(editor.getByLabel(/^Anschreiben/)).toHaveValue('Bitte prüfen Sie Ihre Maßnahmen bis Ende des Monats.');
  await editor.getByLabel(/^Titel/).fill('Jährliche Abfrage (E2E)');
  await editor.getByRole('button', { name: 'Abfrage starten' }).click();
  await expect(editor.getByText(/Die Abfrage wurde gestartet: \d+ Akteure wurden angefragt\./)).toBeVisible();
  const campaignUrl = editor.url().replace(/\?.*$/, '');
  const vhsRow = editor.locator('tr', { has: editor.getByRole('link', { name: CONTRIBUTOR_ACTOR_NAME, exact: true }) });
  await expect(vhsRow).toContainText('offen');
  await expectNoAxeViolations(editor);

  // One e-mail for the contributor, with the personal link to the Volkshochschule's request.
  const mails = await outbox(request, contributor);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe(`[Vielfalt] Abfrage „Jährliche Abfrage (E2E)“: Bitte prüfen Sie Ihre Maßnahmen im Katalog „${CATALOGUE}“`);
  expect(mails[0]!.body).toContain('Bitte prüfen Sie Ihre Maßnahmen bis Ende des Monats.');
  const link = /https?:\/\/\S+(\/admin\/abfragen\/[0-9a-f-]{36}\/[0-9a-f-]{36})/.exec(mails[0]!.body);
  expect(link, mails[0]!.body).not.toBeNull();

  // The link, through the login, opens the answer page.
  const context = await browser.newContext({ javaScriptEnabled: withJs() });
  const page = await context.newPage();
  await page.goto(link![1]!);
  await expect(page).toHaveURL(/\/anmelden\?weiter=/);
  await loginWithForm(page, contributor, PASSWORD);
  await expect(page).toHaveURL(new RegExp(`${link![1]!}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(CONTRIBUTOR_ACTOR_NAME);
  await expectNoAxeViolations(page);

  // "geändert" without saying what: refused at that measure, the choices and the new measure kept.
  const groups = page.locator('.answer-measure');
  expect(await groups.count()).toBeGreaterThanOrEqual(2);
  const first = groups.nth(0);
  const second = groups.nth(1);
  await first.getByLabel('geändert', { exact: true }).check();
  await second.getByLabel('unverändert', { exact: true }).check();
  await page.getByLabel('Titel').first().fill(`Sprachcafé für Eltern (${tag})`);
  await page.getByLabel('Beschreibung').first().fill('Jeden Dienstag im Stadtteilzentrum Wanne.');
  await page.getByRole('button', { name: 'Antworten senden' }).click();
  await expect(page.getByText('Bitte beschreiben Sie kurz, was sich geändert hat.').first()).toBeVisible();
  await expect(first.getByLabel('geändert', { exact: true })).toBeChecked();
  await expect(second.getByLabel('unverändert', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Titel').first()).toHaveValue(`Sprachcafé für Eltern (${tag})`);
  await first.getByLabel(/^Was hat sich geändert/).fill(`Der Kurs findet jetzt zweimal im Jahr statt (${tag}).`);
  await page.getByRole('button', { name: 'Antworten senden' }).click();
  await expect(page.getByText('Vielen Dank! 3 Antworten wurden gespeichert.')).toBeVisible();
  await expect(first).toContainText('Ihre Antwort: geändert');
  await expect(first).toContainText('Wartet auf die Redaktion.');
  await expect(second).toContainText('Ihre Antwort: unverändert');
  await expectNoAxeViolations(page);

  // The campaign shows the answers; the review queue lists the change and the new measure.
  await editor.goto(campaignUrl);
  await expect(vhsRow).toContainText(/1 unverändert, 1 geändert, 0 eingestellt, 1 neu/);
  await editor.goto('/admin/pruefung');
  const queue = editor.getByRole('region', { name: 'Antworten aus Abfragen' });
  const changed = queue.locator('li', { hasText: `Der Kurs findet jetzt zweimal im Jahr statt (${tag}).` });
  const added = queue.locator('li', { hasText: `Sprachcafé für Eltern (${tag})` });
  await expect(changed).toHaveCount(1);
  await expect(added).toHaveCount(1);
  await expectNoAxeViolations(editor);
  await changed.getByLabel(/^Was wurde getan/).fill('Maßnahme angepasst');
  await changed.getByRole('button', { name: 'Als erledigt vermerken' }).click();
  await expect(editor.getByText('Die Antwort ist als erledigt vermerkt.')).toBeVisible();
  await expect(changed).toHaveCount(0);
  await expect(added).toHaveCount(1);

  // Closed at the end: the next run (without JavaScript) starts its own.
  await editor.goto(campaignUrl);
  await editor.getByRole('button', { name: 'Abfrage abschließen' }).click();
  await expect(editor.getByText('Die Abfrage ist abgeschlossen. Offene Antworten bleiben in der Prüfung.')).toBeVisible();
  await page.goto(link![1]!);
  await expect(page.getByText('Diese Abfrage ist abgeschlossen; Antworten sind nicht mehr möglich.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Antworten senden' })).toHaveCount(0);
  await context.close();
  await editorContext.close();
});
