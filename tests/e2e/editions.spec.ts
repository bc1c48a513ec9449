/**
 * Editions (Ausgaben): Redaktion freezes an edition, edits and publishes a measure, freezes the
 * next edition; the public sees both at their stable addresses, each with its own text, and
 * "Was ist neu" highlights the changed field. Runs with and without JavaScript; axe with JS.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PDFDocument } from 'pdf-lib';
import { outlineTitles, pdfText } from '../helpers/pdf';
import { loginAs } from './helpers/users';

const CATALOGUE = 'vereinbarungen-neuzugewanderte';

async function expectNoAxeViolations(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function settled(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  await page.locator('form[data-ready]').first().waitFor({ state: 'attached' });
}

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function freeze(page: Page, label: string, standDate: string) {
  await page.goto(`/admin/ausgaben?katalog=${CATALOGUE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ausgaben' })).toBeVisible();
  await settled(page);
  await page.getByLabel('Name der Ausgabe').fill(label);
  await page.getByLabel('Stand', { exact: true }).fill(standDate);
  await page.getByLabel('Vorwort').fill(`Vorwort zu ${label}.`);
  await page.getByRole('button', { name: 'Ausgabe einfrieren' }).click();
  await expect(page.getByText(`Die Ausgabe „${label}“ wurde eingefroren.`)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: label })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('freeze an edition, publish a change, freeze the next: both stay readable and the comparison highlights the field', async ({ page }) => {
  const first = unique('E2E-Ausgabe A');
  const second = unique('E2E-Ausgabe B');
  const marker = unique('Neu vereinbart');
  await loginAs(page, 'redaktion');

  // An empty name is refused with a German message, nothing typed is lost.
  await page.goto(`/admin/ausgaben?katalog=${CATALOGUE}`);
  await settled(page);
  await page.getByLabel('Vorwort').fill('Bleibt stehen.');
  await page.getByRole('button', { name: 'Ausgabe einfrieren' }).click();
  await expect(page.locator('#edition-label-error')).toContainText('Bitte geben Sie einen Namen an');
  await expect(page.getByLabel('Vorwort')).toHaveValue('Bleibt stehen.');
  await expectNoAxeViolations(page);

  await freeze(page, first, '2024-08-01');

  // Edit and publish a measure of the catalogue.
  await page.goto(`/admin/massnahmen?katalog=${CATALOGUE}&meine=0&workflow=veroeffentlicht`);
  await page.locator('table a[href^="/admin/massnahmen/"]').first().click();
  await page.waitForURL(/\/admin\/massnahmen\/[0-9a-f-]{36}/);
  await settled(page);
  const measureTitle = (await page.locator('h1 [lang="de"]').innerText()).trim();
  await page.getByLabel('Bemerkungen', { exact: true }).fill(marker);
  await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
  await expect(page.getByText('Gespeichert und veröffentlicht.')).toBeVisible();

  await freeze(page, second, '2025-08-01');

  // The public catalogue page lists both editions.
  await page.goto(`/kataloge/${CATALOGUE}`);
  const list = page.locator('section', { has: page.getByRole('heading', { name: 'Ausgaben zum Nachlesen' }) });
  await expect(list.getByRole('link', { name: first })).toBeVisible();
  await list.getByRole('link', { name: second }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(second);
  await expect(page.getByText(`Vorwort zu ${second}.`)).toBeVisible();
  await expect(page.getByText('Diese Fassung wird nicht mehr verändert.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The printed edition: the changed text is in it, and its bookmarks list every top-level
  // section of the edition (the chapters of this catalogue, the Handlungsfelder of the concept).
  const pdfHref = await page.locator('nav.downloads a[href$="/export.pdf"]').getAttribute('href');
  expect(pdfHref).toMatch(/\/ausgaben\/[^/]+\/export\.pdf$/);
  const pdfResponse = await page.request.get(pdfHref!);
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
  const pdf = await pdfResponse.body();
  expect(pdfText(pdf)).toContain(marker.split(' ').at(-1)!);
  const sections = (await page.locator('section.tree-section--level-2 > h2 > span[lang="de"]').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  expect(sections.length).toBeGreaterThan(2);
  const top = outlineTitles(await PDFDocument.load(pdf, { updateMetadata: false })).filter((o) => o.depth === 0).map((o) => o.title);
  for (const section of sections) expect(top.some((t) => t.endsWith(section)), `${section} in ${top.join(' | ')}`).toBe(true);

  // "Was ist neu": the previous edition against this one.
  await page.getByRole('link', { name: 'Was ist neu? Ausgaben vergleichen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Was ist neu?' })).toBeVisible();
  await expect(page.locator('#vergleich-ergebnis')).toContainText(`„${first}“ im Vergleich mit „${second}“`);
  const changed = page.locator('article.changed-measure', { has: page.getByRole('heading', { name: measureTitle }) });
  await expect(changed).toHaveCount(1);
  const row = changed.getByRole('row', { name: /Bemerkungen/ });
  await expect(row.locator('ins')).toContainText(marker.split(' ').at(-1)!);
  await expectNoAxeViolations(page);

  // Each edition's measure page shows that edition's text.
  await changed.getByRole('link', { name: measureTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(measureTitle);
  await expect(page.getByText(marker)).toBeVisible();
  await expect(page.getByText(`Sie lesen die Ausgabe „${second}“`)).toBeVisible();
  await page.goto(`/kataloge/${CATALOGUE}`);
  await page.locator('section', { has: page.getByRole('heading', { name: 'Ausgaben zum Nachlesen' }) }).getByRole('link', { name: first }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first);
  await page.getByRole('link', { name: measureTitle }).first().click();
  await expect(page).toHaveURL(/\/ausgaben\/[^/]+\/massnahme\//);
  await expect(page.getByText(`Sie lesen die Ausgabe „${first}“`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(measureTitle);
  await expect(page.getByText(marker)).toHaveCount(0);

  // Any edition against today's state, chosen in the form.
  await page.goto(`/kataloge/${CATALOGUE}/vergleich`);
  await page.getByLabel('Von (ältere Fassung)').selectOption({ label: `${first} (1. August 2024)` });
  await page.getByLabel('Bis (neuere Fassung)').selectOption({ label: 'aktueller Stand' });
  await page.getByRole('button', { name: 'Vergleichen' }).click();
  await expect(page).toHaveURL(/von=.+&bis=aktuell/);
  await expect(page.locator('article.changed-measure', { has: page.getByRole('heading', { name: measureTitle }) }).locator('ins')).toContainText(
    marker.split(' ').at(-1)!,
  );

  // Unknown editions give a clear message, not an error page.
  await page.goto(`/kataloge/${CATALOGUE}/vergleich?von=gibt-es-nicht&bis=aktuell`);
  await expect(page.getByText('Eine der gewählten Ausgaben gibt es nicht.')).toBeVisible();
  expect((await page.goto(`/kataloge/${CATALOGUE}/ausgaben/gibt-es-nicht`))!.status()).toBe(404);
});

test('only Redaktion and Administration reach the editions page', async ({ page }) => {
  await loginAs(page, 'lesend');
  const response = await page.goto('/admin/ausgaben');
  expect(response!.status()).toBe(403);
});
