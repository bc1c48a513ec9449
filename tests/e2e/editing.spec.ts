/**
 * Editorial back office: a contributor's change goes through review to the public page and is
 * undone from the history; two people editing the same measure get a merge view instead of a
 * lost update. Runs with and without JavaScript (forms are plain posts); axe only with JS.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs, roleUser, uniqueEmail } from './helpers/users';

async function expectNoAxeViolations(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** With JavaScript, wait until the page is hydrated (forms get `data-ready`): typing earlier could be overwritten. */
async function settled(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  await page.locator('form[data-ready]').first().waitFor({ state: 'attached' });
}

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Today's date as the public page prints the "Stand" (German, city time zone). */
const todayLong = () => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date());

async function newSignedInPage(browser: Browser, baseURL: string, role: Parameters<typeof roleUser>[0], javaScriptEnabled: boolean, prefix: string) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'de-DE', baseURL });
  const page = await context.newPage();
  await loginAs(page, roleUser(role, prefix));
  return { context, page };
}

test.describe.configure({ mode: 'serial' });

test('contributor change → review with word diff → published with new Stand → restored from history', async ({ page, playwright, baseURL }) => {
  const marker = unique('E2E-Ergänzung');
  // A visitor without an account, whose requests the rendered-page cache answers.
  const visitor = await playwright.request.newContext({ baseURL });
  const visit = async (href: string) => {
    const response = await visitor.get(href);
    expect(response.status()).toBe(200);
    return { cache: response.headers()['x-vielfalt-cache'], body: await response.text() };
  };

  // The contributor (bound to the Volkshochschule) edits one of its measures.
  await loginAs(page, 'beitragende');
  await page.goto('/admin/massnahmen?workflow=veroeffentlicht');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen bearbeiten' })).toBeVisible();
  await expect(page.getByLabel('Nur Maßnahmen meiner Stellen')).toBeChecked();
  await page.locator('table a[href^="/admin/massnahmen/"]').first().click();
  await page.waitForURL(/\/admin\/massnahmen\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Maßnahme bearbeiten');
  await settled(page);
  const editUrl = page.url();
  const measureTitle = (await page.locator('h1 [lang="de"]').innerText()).trim();
  const publicHref = await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).getAttribute('href');
  expect(publicHref).toMatch(/^\/kataloge\/.+\/massnahme\//);
  const description = page.getByLabel('Beschreibung', { exact: true });
  const original = await description.inputValue();
  await description.fill(`${original}\n\n${marker}`);
  await page.getByLabel('Kommentar zur Änderung').fill('Neues Angebot ergänzt');
  await page.getByRole('button', { name: 'Zur Prüfung einreichen', exact: true }).click();
  await expect(page.getByText('Ihre Änderung wurde zur Prüfung eingereicht')).toBeVisible();
  await expect(page.getByText('Ihre Änderung wartet auf Prüfung')).toBeVisible();

  // The public still sees the published text (the visitor's second request comes from the cache).
  await page.goto(publicHref!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(marker)).toHaveCount(0);
  await visit(publicHref!);
  const cached = await visit(publicHref!);
  expect(cached.cache).toBe('hit');
  expect(cached.body).not.toContain(marker);

  // The editor sees the change in the review queue, with the added words marked.
  await loginAs(page, 'redaktion');
  await page.goto('/admin/pruefung');
  await expect(page.getByRole('heading', { level: 1, name: 'Prüfung' })).toBeVisible();
  await page.getByRole('link', { name: measureTitle }).first().click();
  await page.waitForURL(/\/admin\/pruefung\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Änderung prüfen');
  await settled(page);
  const inserted = page.locator('#review-diff ins');
  await expect(inserted.filter({ hasText: marker.split(' ')[1]! })).toHaveCount(1);
  await expect(page.locator('#review-diff').getByText('Beginn hinzugefügter Text').first()).toBeAttached();
  await expectNoAxeViolations(page);
  await page.getByLabel('Kommentar (erscheint im Verlauf und in der Nachricht an die Person)').fill('Danke, übernommen.');
  await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
  await expect(page.getByText('Die Änderung wurde veröffentlicht.')).toBeVisible();

  // The visitor's very next request shows the publication.
  const published = await visit(publicHref!);
  expect(published.cache).toBe('miss');
  expect(published.body).toContain(marker);

  // The public page shows the new text and today's "Stand".
  await page.goto(publicHref!);
  await expect(page.getByText(marker)).toBeVisible();
  await expect(page.locator('time').filter({ hasText: todayLong() }).first()).toBeVisible();

  // History: the contributor is the author, the comment is the reviewer's; restore the previous version.
  await page.goto(editUrl);
  await expect(page.getByText(/Fassung \d{1,2}, zuletzt geändert am /)).toBeVisible();
  await page.getByRole('link', { name: 'Verlauf und frühere Fassungen' }).click();
  await page.waitForURL(/\/admin\/verlauf\/massnahme\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verlauf');
  await settled(page);
  await expect(page.getByRole('cell', { name: 'Danke, übernommen.' }).first()).toBeVisible();
  await expect(page.locator('#history-diff ins').first()).toBeVisible();
  // One numbering: "Fassung n" counts this measure's revisions, not the global revision ids (issue 19).
  await expect(page.getByRole('heading', { name: /^Fassung \d{1,2} wiederherstellen$/ })).toBeVisible();
  await page.getByLabel('Grund (optional)').fill('Zurück zum vorherigen Stand');
  await page.getByRole('button', { name: 'Diese Fassung wiederherstellen' }).click();
  await expect(page.getByText('Die Fassung wurde wiederhergestellt.')).toBeVisible();

  await page.goto(publicHref!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(marker)).toHaveCount(0);
});

test('two people save the same measure: the second gets the merge view and loses nothing', async ({ browser, javaScriptEnabled, baseURL }) => {
  const first = await newSignedInPage(browser, baseURL!, 'redaktion', javaScriptEnabled !== false, 'merge-a');
  const second = await newSignedInPage(browser, baseURL!, 'admin', javaScriptEnabled !== false, 'merge-b');
  try {
    await first.page.goto('/admin/massnahmen?katalog=integrationskonzept&meine=0');
    const href = await first.page.locator('table a[href^="/admin/massnahmen/"]').nth(3).getAttribute('href');
    await first.page.goto(href!);
    await second.page.goto(href!);
    await settled(first.page);
    await settled(second.page);
    await expectNoAxeViolations(second.page);

    const remark = unique('Bemerkung A');
    const status = unique('Status B');
    await first.page.getByLabel('Bemerkungen', { exact: true }).fill(remark);
    await first.page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
    await expect(first.page.getByText('Gespeichert und veröffentlicht.')).toBeVisible();

    await second.page.getByLabel('Status (wie gedruckt)').fill(status);
    await second.page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
    await expect(second.page.getByText('Die Maßnahme wurde inzwischen geändert')).toBeVisible();
    // What was typed is still there; the other person's remark has been taken over.
    await expect(second.page.getByLabel('Status (wie gedruckt)')).toHaveValue(status);
    await expect(second.page.getByLabel('Bemerkungen', { exact: true })).toHaveValue(remark);
    // The comparison shows their remark (current version) against what this page had.
    await expect(second.page.locator('#conflict-diff del').filter({ hasText: remark.split(' ').at(-1)! })).toHaveCount(1);
    await expect(second.page.getByText('Aus der aktuellen Fassung übernommen').first()).toBeVisible();
    await expectNoAxeViolations(second.page);

    await second.page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
    await expect(second.page.getByText('Gespeichert und veröffentlicht.')).toBeVisible();
    await expect(second.page.getByLabel('Status (wie gedruckt)')).toHaveValue(status);
    await expect(second.page.getByLabel('Bemerkungen', { exact: true })).toHaveValue(remark);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test('the edit form keeps what was typed and shows German errors next to the fields', async ({ page }) => {
  await loginAs(page, 'redaktion');
  await page.goto('/admin/massnahmen?katalog=diversity-massnahmenkatalog&meine=0');
  await page.locator('table a[href^="/admin/massnahmen/"]').first().click();
  await page.waitForURL(/\/admin\/massnahmen\/[0-9a-f-]{36}/);
  await settled(page);
  await expectNoAxeViolations(page);
  const remark = unique('Nicht verloren');
  await page.getByLabel('Bemerkungen', { exact: true }).fill(remark);
  await page.getByLabel('Titel', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
  const title = page.getByLabel('Titel', { exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#m-title-error')).toContainText('Bitte geben Sie einen Titel an');
  await expect(title).toHaveAttribute('aria-describedby', /m-title-error/);
  await expect(title).toHaveValue('x');
  await expect(page.getByLabel('Bemerkungen', { exact: true })).toHaveValue(remark);
});

test('a contributor proposes a new measure; it waits for review', async ({ page }) => {
  const title = unique('Neue Sprachcafés');
  await loginAs(page, 'beitragende');
  await page.goto('/admin/massnahmen/neu?katalog=integrationskonzept');
  await settled(page);
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Beschreibung', { exact: true }).fill('Offene Treffen zum Sprechen üben.');
  await page.getByLabel('Bereich 1', { exact: true }).selectOption({ index: 3 });
  await page.getByRole('button', { name: 'Zur Prüfung einreichen', exact: true }).click();
  await expect(page.getByText('Gespeichert und zur Prüfung eingereicht')).toBeVisible();

  await loginAs(page, 'redaktion');
  await page.goto('/admin/pruefung');
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/admin\/pruefung\/massnahme\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Neue Maßnahme prüfen');
  await settled(page);
  await expectNoAxeViolations(page);
  await page.getByLabel('Begründung der Ablehnung').fill('Bitte Ansprechperson ergänzen.');
  await page.getByRole('button', { name: 'Ablehnen' }).click();
  await expect(page.getByText('an den Entwurf zurückgegeben')).toBeVisible();
});

test('actors: create, add a spelling, find it', async ({ page }) => {
  const name = unique('Verein E2E');
  await loginAs(page, 'redaktion');
  await page.goto('/admin/akteure');
  await settled(page);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Akteur anlegen' }).click();
  await expect(page.getByText('Der Akteur wurde angelegt.')).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page);
  const alias = `VE-${uniqueEmail('x').slice(2, 10)}`;
  await page.getByLabel('Neue Schreibweise').fill(alias);
  await page.getByRole('button', { name: 'Schreibweise hinzufügen' }).click();
  await expect(page.getByRole('button', { name: `„${alias}“ entfernen` })).toBeVisible();
  await page.goto(`/admin/akteure?q=${encodeURIComponent(alias)}`);
  await expect(page.getByRole('link', { name })).toBeVisible();
});
