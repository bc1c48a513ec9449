import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';

async function jsonLdOf(page: Page): Promise<Record<string, any>> {
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  return JSON.parse((await scripts.textContent())!);
}

test('the footer leads to the open-data page with every file and its licence', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Offene Daten: Dateien, Formate und Lizenz/ }).click();
  await expect(page).toHaveURL(/\/offene-daten$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Offene Daten' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Datenlizenz Deutschland – Namensnennung – Version 2\.0/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /DCAT-AP\.de/ })).toHaveAttribute('href', '/opendata/dcat.jsonld');
  await expect(page.getByRole('link', { name: /Open Referral HSDS/ })).toHaveAttribute('href', '/opendata/hsds.zip');
  await expect(page.getByRole('link', { name: /Integreat/ })).toHaveAttribute('href', '/opendata/integreat.json');
  await expect(page.getByRole('list', { name: /Dateien zu .*Integrationskonzept/ }).getByRole('link', { name: 'CSV' })).toHaveAttribute(
    'href',
    '/kataloge/integrationskonzept/export.csv',
  );
  if (test.info().project.use.javaScriptEnabled !== false) {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  }
});

test('measure and actor pages carry schema.org JSON-LD', async ({ page }) => {
  await page.goto('/kataloge/integrationskonzept?alle=1');
  await page.locator('a[href*="/massnahme/"]').first().click();
  const measure = await jsonLdOf(page);
  expect(measure).toMatchObject({ '@context': 'https://schema.org', '@type': 'WebPage', inLanguage: 'de' });
  expect(measure.url).toBe(page.url().split('?')[0]);
  expect(measure.mainEntity['@type']).toBe('GovernmentService');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(measure.mainEntity.name.slice(0, 20));
  expect(Date.parse(measure.dateModified)).not.toBeNaN();

  const provider = measure.mainEntity.provider?.[0];
  expect(provider?.url).toMatch(/\/akteure\//);
  await page.goto(provider.url);
  const actor = await jsonLdOf(page);
  expect(actor.name).toBe(provider.name);
  expect(['GovernmentOrganization', 'Organization']).toContain(actor['@type']);
});

test('the open-data files answer with their types, ETags and the published content', async ({ request }) => {
  const dcat = await request.get('/opendata/dcat.jsonld');
  expect(dcat.status()).toBe(200);
  expect(dcat.headers()['content-type']).toBe('application/ld+json; charset=utf-8');
  expect(dcat.headers()['cache-control']).toContain('public');
  const record = await dcat.json();
  const catalog = record['@graph'].find((n: any) => n['@type'] === 'dcat:Catalog');
  expect(catalog['dcat:dataset'].map((d: any) => d['dct:title']['@value'])).toEqual(
    expect.arrayContaining([expect.stringMatching(/Integrationskonzept/), expect.stringMatching(/DIVERSITY/i)]),
  );
  const notModified = await request.get('/opendata/dcat.jsonld', { headers: { 'if-none-match': dcat.headers()['etag']! } });
  expect(notModified.status()).toBe(304);

  // The JSON distribution is the search API, filtered to the catalogue.
  const jsonUrl = catalog['dcat:dataset'][0]['dcat:distribution'].find((d: any) => d['dct:format']['@id'].endsWith('/JSON'))['dcat:accessURL']['@id'];
  const api = await request.get(new URL(jsonUrl).pathname + new URL(jsonUrl).search);
  expect(api.status()).toBe(200);
  expect((await api.json()).total).toBeGreaterThan(0);

  const zip = await request.get('/opendata/hsds.zip');
  expect(zip.headers()['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(await zip.body()));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'datapackage.json', 'organizations.csv', 'services.csv', 'contacts.csv']));
  expect(strFromU8(files['services.csv']!).split('\r\n')[0]).toContain('assured_date');
  expect(strFromU8(files['services.csv']!).split('\r\n').length).toBeGreaterThan(100);

  const integreat = await request.get('/opendata/integreat.json');
  expect(integreat.headers()['content-type']).toBe('application/json; charset=utf-8');
  const pages = (await integreat.json()).pages as { parent: { id: string | 0 }; id: string }[];
  expect(pages.length).toBeGreaterThan(100);
  const ids = new Set(pages.map((p) => p.id));
  for (const p of pages) expect(p.parent.id === 0 || ids.has(p.parent.id)).toBe(true);
});
