/**
 * Exports: the catalogue page offers PDF, CSV and XLSX; the PDF holds the measures' text and
 * bookmarks every Handlungsfeld; a CSV exported, edited and uploaded in the back office shows a
 * field-level preview and updates exactly the changed measure. Runs with and without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PDFDocument } from 'pdf-lib';
import { outlineTitles, pdfText } from '../helpers/pdf';
import { loginAs } from './helpers/users';

const CATALOGUE = '/kataloge/integrationskonzept';

async function expectNoAxeViolations(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('catalogue download links: the PDF has every shown measure title and a bookmark per Handlungsfeld', async ({ page, request }) => {
  await page.goto(CATALOGUE);
  const downloads = page.getByRole('navigation', { name: 'Diesen Katalog herunterladen' });
  await expect(downloads.getByRole('link', { name: /PDF/ })).toHaveAttribute('href', `${CATALOGUE}/export.pdf`);
  await expect(downloads.getByRole('link', { name: /CSV/ })).toHaveAttribute('href', `${CATALOGUE}/export.csv`);
  await expect(downloads.getByRole('link', { name: /XLSX/ })).toHaveAttribute('href', `${CATALOGUE}/export.xlsx`);
  // On paper the links are left out.
  await page.emulateMedia({ media: 'print' });
  await expect(downloads).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  const titles = (await page.locator('.measure-list a[href*="/massnahme/"]').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim()).slice(0, 15);
  expect(titles.length).toBeGreaterThan(5);

  const response = await request.get(`${CATALOGUE}/export.pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pdf = await response.body();
  const text = pdfText(pdf);
  for (const title of titles) {
    // The list shows "3.2 Title"; the PDF heading "Maßnahme 3.2: Title".
    const bare = title.replace(/^[\d.]+\s+/, '').replace(/\s*neu$/, '');
    expect(text, bare).toContain(bare.slice(0, 40));
  }
  // Bookmarks: every Handlungsfeld of the page is a top-level entry of the PDF outline.
  const handlungsfelder = (await page.locator('section.tree-section--level-2 > h2 > span[lang="de"]').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  expect(handlungsfelder.length).toBeGreaterThan(3);
  const top = outlineTitles(await PDFDocument.load(pdf, { updateMetadata: false })).filter((o) => o.depth === 0).map((o) => o.title);
  for (const hf of handlungsfelder) expect(top.some((t) => t.endsWith(hf)), `${hf} in ${top.join(' | ')}`).toBe(true);

  // Each Handlungsfeld alone: its own PDF with only that Handlungsfeld in the outline.
  const sectionLink = page.getByRole('link', { name: `„${handlungsfelder[1]}“ als PDF herunterladen` });
  const sectionHref = (await sectionLink.getAttribute('href'))!;
  expect(sectionHref).toMatch(/\/export\.pdf\?knoten=/);
  const sectionPdf = await (await request.get(sectionHref)).body();
  const sectionTop = outlineTitles(await PDFDocument.load(sectionPdf, { updateMetadata: false })).filter((o) => o.depth === 0).map((o) => o.title);
  expect(sectionTop.filter((t) => t.startsWith('Handlungsfeld'))).toEqual([expect.stringContaining(handlungsfelder[1]!)]);
});

test('search results can be downloaded with the same filters', async ({ page, request }) => {
  await page.goto('/suche?q=Sprachkurs');
  const link = page.getByRole('navigation', { name: 'Diese Ergebnisse herunterladen' }).getByRole('link', { name: /CSV/ });
  await expect(link).toHaveAttribute('href', '/suche/export.csv?q=Sprachkurs');
  const response = await request.get('/suche/export.csv?q=Sprachkurs');
  expect(response.status()).toBe(200);
  const csv = (await response.body()).toString('utf8');
  expect(csv.startsWith('\uFEFF"ID";"Version";"Katalog"')).toBe(true);
  expect(csv.split('\r\n').length).toBeGreaterThan(2);
});

test('edited CSV → preview of the changed field → confirm → measure updated', async ({ page, request }) => {
  const response = await request.get('/kataloge/diversity-massnahmenkatalog/export.csv');
  const csv = (await response.body()).toString('utf8');
  const lines = csv.split('\r\n');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(';').map((h) => JSON.parse(h) as string);
  const statusAt = header.indexOf('Status');
  const titleAt = header.indexOf('Titel');
  // Parse the first data row (fields are always quoted; a quoted field may contain ";").
  const fields = (row: string) => [...row.matchAll(/"((?:[^"]|"")*)"(?:;|$)/g)].map((m) => m[1]!.replace(/""/g, '"'));
  const rowIndex = lines.findIndex((l, i) => i > 0 && fields(l).length === header.length);
  const row = fields(lines[rowIndex]!);
  const marker = `E2E-Status ${Date.now().toString(36)}`;
  row[statusAt] = marker;
  lines[rowIndex] = row.map((f) => `"${f.replace(/"/g, '""')}"`).join(';');
  const edited = lines.join('\r\n');

  await loginAs(page, 'redaktion');
  await page.goto('/admin/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Tabellenimport' })).toBeVisible();
  await page.getByLabel('Tabelle (CSV oder XLSX)').setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') });
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByText(/1 Maßnahmen werden geändert/)).toBeVisible();
  const change = page.locator('table.import-change');
  await expect(change).toHaveCount(1);
  await expect(change.getByRole('rowheader', { name: 'Status' })).toBeVisible();
  await expect(change.locator('ins')).toHaveText(marker);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '1 Änderungen übernehmen' }).click();
  await expect(page.getByText('1 Maßnahme wurde aktualisiert.')).toBeVisible();

  // The public catalogue's next export has the new status.
  const after = (await (await request.get('/kataloge/diversity-massnahmenkatalog/export.csv')).body()).toString('utf8');
  expect(after).toContain(marker);
  expect(after).toContain(row[titleAt]!.slice(0, 30));
});
