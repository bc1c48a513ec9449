/**
 * The dashboard's figures (issue 15, point 4) on the e2e server's Herne catalogues: Redaktion
 * opens /admin and finds the charts as SVG images with a name, each with a data table that is
 * readable without JavaScript; the page is axe clean; the tables' numbers equal what the public
 * side says at the same moment (the JSON API's catalogue, actor and target group counts, the
 * home page's Handlungsfeld tiles). The catalogue filter is a GET form. Runs with and without
 * JavaScript.
 */
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAs, roleUser } from './helpers/users';

const withJs = () => test.info().project.use.javaScriptEnabled !== false;
const DIVERSITY = 'DIVERSITY bei der Stadtverwaltung Herne – Maßnahmen-Katalog';

async function expectNoAxeViolations(page: Page) {
  if (!withJs()) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The data table of a chart as label → numbers (German digit grouping removed). */
async function tableOf(page: Page, id: string): Promise<Map<string, number[]>> {
  const rows = page.locator(`#${id} table tbody tr`);
  const out = new Map<string, number[]>();
  for (const row of await rows.all()) {
    const label = (await row.getByRole('rowheader').innerText()).trim();
    const cells = await row.getByRole('cell').allInnerTexts();
    out.set(label, cells.map((c) => Number(c.replace(/\D/g, ''))));
  }
  return out;
}

async function allPages<T>(request: APIRequestContext, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const body = (await (await request.get(`${path}?limit=100&page=${page}`)).json()) as { items: T[]; pageCount: number };
    items.push(...body.items);
    if (page >= body.pageCount) return items;
  }
}

async function expectChart(chart: Locator, title: string) {
  const svg = chart.locator('svg[role="img"]');
  await expect(svg).toBeVisible();
  await expect(svg.locator('title').first()).toHaveText(title);
  expect(await svg.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
  await expect(chart.locator('desc').first()).not.toBeEmpty();
  await expect(chart.getByRole('table', { name: title })).toBeVisible();
}

test('Redaktion sees the figures as charts with data tables equal to the public counts', async ({ page }) => {
  await loginAs(page, roleUser('redaktion', 'charts'));
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 2, name: 'Kennzahlen' })).toBeVisible();

  const titles: [string, string][] = [
    ['chart-katalog', 'Maßnahmen je Katalog'],
    ['chart-handlungsfeld', 'Maßnahmen je Handlungsfeld'],
    ['chart-dimension', 'Maßnahmen je Diversity-Dimension'],
    ['chart-status', 'Maßnahmen nach Stand der Umsetzung'],
    ['chart-akteur', 'Maßnahmen je verantwortlichem Akteur'],
    ['chart-zielgruppe', 'Maßnahmen je Zielgruppe'],
    ['chart-pruefung', 'Stand der Prüfung je Katalog'],
    ['chart-verlauf', 'Änderungen an Maßnahmen je Monat'],
  ];
  for (const [id, title] of titles) {
    const chart = page.locator(`#${id}`);
    await expect(chart.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await expectChart(chart, title);
    // The data table is open without JavaScript (<details open>).
    await expect(chart.getByText('Daten als Tabelle')).toBeVisible();
  }
  // Editions: a chart once an edition is frozen (other specs may freeze one), a sentence before.
  const editions = page.locator('#chart-ausgaben');
  await expect(editions.getByRole('heading', { level: 3, name: 'Maßnahmen je Ausgabe' })).toBeVisible();
  if (!(await editions.locator('svg').count())) await expect(editions.getByText('Keine Daten vorhanden.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Catalogues: the same counts as the JSON API (the public catalogue list).
  const api = (await (await page.request.get('/api/v1/catalogues')).json()) as { items: { title: string; measureCount: number }[] };
  const catalogues = await tableOf(page, 'chart-katalog');
  expect([...catalogues].map(([label, [n]]) => [label, n])).toEqual(api.items.map((c) => [c.title, c.measureCount]));
  // Each catalogue's bar carries its number as text.
  for (const c of api.items) await expect(page.locator('#chart-katalog svg .chart-value').getByText(String(c.measureCount), { exact: true }).first()).toBeAttached();

  // Review health: current + due soon + overdue is every counted measure of the catalogue.
  const health = await tableOf(page, 'chart-pruefung');
  for (const c of api.items) {
    const [current, dueSoon, overdue, total] = health.get(c.title)!;
    expect(current! + dueSoon! + overdue!).toBe(total);
    expect(total).toBe(c.measureCount);
  }

  // Responsible actors: the API's responsibleCount, top ten by that count.
  const actors = await allPages<{ name: string; responsibleCount: number }>(page.request, '/api/v1/actors');
  const byActor = new Map(actors.map((a) => [a.name, a.responsibleCount]));
  const actorTable = await tableOf(page, 'chart-akteur');
  expect(actorTable.size).toBe(11);
  const top = [...actorTable].filter(([label]) => !/weitere Akteure$/.test(label));
  expect(top).toHaveLength(10);
  for (const [label, [n]] of top) expect([label, n]).toEqual([label, byActor.get(label)]);
  const responsible = actors.map((a) => a.responsibleCount).filter((n) => n > 0).sort((a, b) => b - a);
  expect(top.map(([, [n]]) => n)).toEqual(responsible.slice(0, 10));
  const [restLabel, [restCount]] = [...actorTable].at(-1)!;
  expect(restLabel).toBe(`${responsible.length - 10} weitere Akteure`);
  expect(restCount).toBe(responsible.slice(10).reduce((a, b) => a + b, 0));

  // Target groups: the API's measureCount.
  const groups = await allPages<{ name: string; measureCount: number }>(page.request, '/api/v1/target-groups');
  const byGroup = new Map(groups.map((g) => [g.name, g.measureCount]));
  const groupTable = await tableOf(page, 'chart-zielgruppe');
  for (const [label, [n]] of [...groupTable].filter(([label]) => !/weitere Zielgruppen$/.test(label))) expect([label, n]).toEqual([label, byGroup.get(label)]);

  // States: every counted measure has exactly one.
  const states = await tableOf(page, 'chart-status');
  expect([...states.values()].reduce((a, [n]) => a + n!, 0)).toBe(api.items.reduce((a, c) => a + c.measureCount, 0));

  // Handlungsfelder and dimensions ("2. Geschlecht"): the numbers on the home page's tiles.
  const fields = await tableOf(page, 'chart-handlungsfeld');
  expect(fields.size).toBe(6);
  const dimensions = await tableOf(page, 'chart-dimension');
  expect(dimensions.size).toBe(7);
  await page.goto('/');
  for (const [label, [n]] of [...fields, ...[...dimensions].map(([l, v]) => [l.replace(/^\d+\. /, ''), v] as const)]) {
    const tile = page.getByRole('link').filter({ has: page.getByText(label, { exact: true }) }).first();
    await expect(tile, label).toContainText(new RegExp(`^\\D*${n} Maßnahmen?$`));
  }
});

test('the catalogue filter is a GET form; readers see the figures, contributors do not', async ({ page }) => {
  await loginAs(page, roleUser('lesend', 'charts'));
  await page.goto('/admin');
  await page.getByLabel('Katalog', { exact: true }).selectOption({ label: DIVERSITY });
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await page.waitForURL(/\/admin\?katalog=diversity-massnahmenkatalog#kennzahlen$/);
  const catalogues = await tableOf(page, 'chart-katalog');
  expect([...catalogues.keys()]).toEqual([DIVERSITY]);
  // The integration concept's Handlungsfelder are out of this catalogue: no data, said in words.
  await expect(page.locator('#chart-handlungsfeld').getByText('Keine Daten vorhanden.')).toBeVisible();
  await expect(page.locator('#chart-handlungsfeld svg')).toHaveCount(0);
  const dimensions = await tableOf(page, 'chart-dimension');
  expect(dimensions.size).toBe(7);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
  await page.waitForURL(/\/admin#kennzahlen$/);
  expect((await tableOf(page, 'chart-katalog')).size).toBe(3);

  await loginAs(page, roleUser('beitragende', 'charts'));
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kennzahlen' })).toHaveCount(0);
});
