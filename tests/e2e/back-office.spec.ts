/**
 * The back office on day one (issue 19): the measure list says where a measure stands, the
 * actor and target-group pickers are searchable (plain controls without JavaScript), a draft's
 * comment survives publication, an administrator is not told to wait for Redaktion, and the
 * last import's report is there to read. Runs with and without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs, roleUser } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function settled(page: Page) {
  if (!withJs()) return;
  await page.locator('form[data-ready]').first().waitFor({ state: 'attached' });
}

test.describe.configure({ mode: 'serial' });

test('list with Handlungsziel, searchable pickers, draft comment kept on publication', async ({ page }) => {
  // One measure per project (both share the database): its empty actor row follows its actors.
  const target = withJs()
    ? { q: 'kontaktiert regelmäßig', title: /Arbeitgeberservice .* kontaktiert regelmäßig/, emptyActorRow: 'Akteur 3' }
    : { q: 'Jugendberufsagenturen bündeln', title: /Jugendberufsagenturen bündeln/, emptyActorRow: 'Akteur 4' };
  await loginAs(page, roleUser('admin', 'backoffice'));
  await page.goto(`/admin/massnahmen?q=${encodeURIComponent(target.q)}`);
  await expect(page.getByRole('columnheader', { name: 'Einordnung' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: target.title }) });
  await expect(row.getByRole('cell', { name: 'A1 Handlungsziel A1' })).toBeVisible();
  await row.getByRole('link', { name: target.title }).click();
  await page.waitForURL(/\/admin\/massnahmen\/[0-9a-f-]{36}$/);
  await settled(page);
  await expectNoAxeViolations(page);

  // An administrator may add actors: the hint says so instead of pointing to Redaktion.
  await expect(page.getByText('Legen Sie ihn unter „Akteure“ an.')).toBeVisible();
  await expect(page.getByText('Die Redaktion legt ihn unter „Akteure“ an.')).toHaveCount(0);

  // The first empty actor row: choose "Volkshochschule Herne" there.
  const actor = page.getByLabel(target.emptyActorRow, { exact: true });
  if (withJs()) {
    await expect(actor).toHaveAttribute('list', /.+/);
    await actor.fill('Volkshochschule Her');
    await expect(page.getByText('Kein Akteur mit diesem Namen.')).toBeVisible();
    await actor.fill('Volkshochschule Herne');
    await expect(page.getByText('Kein Akteur mit diesem Namen.')).toHaveCount(0);
  } else {
    await actor.selectOption({ label: 'Volkshochschule Herne' });
  }

  // Target groups: the chosen ones first, the others behind a disclosure, searchable with JS.
  const more = page.getByText(/^Weitere Zielgruppen auswählen \(\d+\)$/);
  await expect(more).toBeVisible();
  const parents = page.getByRole('checkbox', { name: 'Eltern', exact: true });
  await expect(parents).toBeHidden();
  if (withJs()) {
    await page.getByLabel('Zielgruppen durchsuchen').fill('eltern');
    await expect(page.getByText(/^\d+ Zielgruppen? pass(t|en)$/)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Kinder', exact: true })).toBeHidden();
  } else {
    await more.click();
  }
  await parents.check();

  const comment = `Volkshochschule ergänzt ${Date.now().toString(36)}`;
  await page.getByLabel('Kommentar zur Änderung').fill(comment);
  await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(page.getByText('Ihre Änderung wurde als Entwurf gespeichert.')).toBeVisible();
  await settled(page);
  // Nobody tells an administrator to wait for Redaktion; the comment stays in the field.
  await expect(page.getByText('bis Sie den Entwurf veröffentlichen')).toBeVisible();
  await expect(page.getByText('bis die Redaktion Ihre Änderung veröffentlicht')).toHaveCount(0);
  await expect(page.locator('#m-comment')).toHaveValue(comment);
  await expect(page.getByRole('checkbox', { name: 'Eltern', exact: true })).toBeChecked();

  await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
  await expect(page.getByText('Gespeichert und veröffentlicht.')).toBeVisible();
  await page.getByRole('link', { name: 'Verlauf und frühere Fassungen' }).click();
  await page.waitForURL(/\/admin\/verlauf\/massnahme\//);
  // The published revision carries the draft's comment, not "Geändert".
  const newest = page.getByRole('row').nth(1);
  await expect(newest.getByRole('cell', { name: comment })).toBeVisible();
  await expect(newest.getByRole('rowheader')).toHaveText(/^\d{1,2}$/);
});

test('the last import of the source documents is reported in the back office', async ({ page }) => {
  await loginAs(page, roleUser('redaktion', 'backoffice'));
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Quelldokumente' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import der Quelldokumente' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Integrationskonzept/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ Hinweise$/ })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Hinweise des Imports mit Datei und Zeile' }).getByRole('row');
  expect(await rows.count()).toBeGreaterThan(50);
  await expect(page.getByRole('cell', { name: '000_3e59e29afaedd339.txt' }).first()).toBeVisible();
  // The annual review is imported too (issue 17): what it could not classify is among the notes, with file and line.
  await expect(page.getByRole('region', { name: 'Nicht importierte Dateien' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /002_f4ed1d705e4e74d9\.txt.*Nicht klassifiziert: „Die neue KI-Homepage“/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Contributors cannot see it.
  await loginAs(page, roleUser('beitragende', 'backoffice'));
  const response = await page.goto('/admin/quelldokumente');
  expect(response?.status()).toBe(403);
});
