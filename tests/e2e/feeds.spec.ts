/**
 * Change feeds (issue 15, point 6): the catalogue and search pages announce their Atom feeds in
 * the head; a feed is well-formed Atom, served as application/atom+xml from the page cache, and
 * lists a change published in the back office on the very next request, within the same
 * minute. Runs with and without JavaScript (the head is rendered on the server either way).
 */
import { expect, test, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loginAs } from './helpers/users';

const CATALOGUE = 'integrationskonzept';
const ATOM = 'http://www.w3.org/2005/Atom';

interface Entry {
  id: string;
  title: string;
  summary: string;
  updated: string;
  href: string;
}

/** Parses the feed with a real XML parser; fails on anything that is not well-formed Atom. */
function parseAtom(xml: string): { title: string; entries: Entry[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml);
  expect(feed['@_xmlns']).toBe(ATOM);
  for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required], required).toBeTruthy();
  const text = (v: unknown) => (typeof v === 'string' ? v : (v as { '#text': string })['#text']);
  return {
    title: text(feed.title),
    entries: (feed.entry ?? []).map((e: Record<string, unknown>) => ({
      id: e.id as string,
      title: text(e.title),
      summary: text(e.summary),
      updated: e.updated as string,
      href: (e.link as { '@_href': string }[])[0]!['@_href'],
    })),
  };
}

async function alternateLink(page: Page) {
  const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(link).toHaveCount(1);
  return { href: (await link.getAttribute('href'))!, title: (await link.getAttribute('title'))! };
}

test.describe.configure({ mode: 'serial' });

test('the catalogue page announces its feed; a published change is its first entry on the next request', async ({ page, playwright, baseURL }) => {
  await page.goto(`/kataloge/${CATALOGUE}`);
  const link = await alternateLink(page);
  expect(link).toEqual({ href: `/kataloge/${CATALOGUE}/feed.atom`, title: 'Änderungen in diesem Katalog als Atom-Feed' });

  // A feed reader: anonymous, served from the page cache like the pages.
  const reader = await playwright.request.newContext({ baseURL });
  const first = await reader.get(link.href);
  expect(first.status()).toBe(200);
  expect(first.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const before = parseAtom(await first.text());
  expect(before.title).toContain('Integrationskonzept');
  expect(before.entries.length).toBeGreaterThan(0);
  expect(before.entries.length).toBeLessThanOrEqual(50);
  const again = await reader.get(link.href);
  expect(again.headers()['x-vielfalt-cache']).toBe('hit');
  expect(await again.text()).toBe(await first.text());
  // Polling readers revalidate: 304 while nothing was published.
  const etag = again.headers()['etag'];
  expect(etag).toMatch(/^"v\d+-/);
  expect((await reader.get(link.href, { headers: { 'if-none-match': etag! } })).status()).toBe(304);

  // The editor publishes a change to one of the catalogue's measures.
  await loginAs(page, 'redaktion');
  await page.goto(`/admin/massnahmen?katalog=${CATALOGUE}&meine=0&workflow=veroeffentlicht`);
  await page.locator('table a[href^="/admin/massnahmen/"]').nth(2).click();
  await page.waitForURL(/\/admin\/massnahmen\/[0-9a-f-]{36}/);
  if (test.info().project.use.javaScriptEnabled !== false) await page.locator('form[data-ready]').first().waitFor({ state: 'attached' });
  const measureTitle = (await page.locator('h1 [lang="de"]').innerText()).trim();
  const publicHref = await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).getAttribute('href');
  await page.getByLabel('Bemerkungen', { exact: true }).fill(`Feed-Test ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
  await expect(page.getByText('Gespeichert und veröffentlicht.')).toBeVisible();
  const publishedAt = Date.now();

  const after = await reader.get(link.href, { headers: { 'if-none-match': etag! } });
  expect(after.status()).toBe(200);
  expect(after.headers()['x-vielfalt-cache']).toBe('miss');
  const { entries } = parseAtom(await after.text());
  expect(entries[0]).toMatchObject({ title: measureTitle, href: `${baseURL}${publicHref}` });
  expect(entries[0]!.summary).toMatch(/^Geändert: (.+, )?Bemerkungen\.$/);
  expect(entries[0]!.id).toMatch(/^tag:127\.0\.0\.1,2024:vielfalt:measure:[0-9a-f-]{36}:revision:\d+$/);
  expect(Math.abs(new Date(entries[0]!.updated).getTime() - publishedAt)).toBeLessThan(60_000);
  expect(before.entries.map((e) => e.id)).not.toContain(entries[0]!.id);
  await reader.dispose();
});

test('the search page announces the feed of its filters; bad filters get a clear 400', async ({ page, playwright, baseURL }) => {
  await page.goto('/suche?q=Sprachkurs&seite=2');
  const link = await alternateLink(page);
  // The same search without the page.
  expect(link).toEqual({ href: '/suche/feed.atom?q=Sprachkurs', title: 'Änderungen zu dieser Suche als Atom-Feed' });

  const reader = await playwright.request.newContext({ baseURL });
  const response = await reader.get(link.href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const feed = parseAtom(await response.text());
  expect(feed.title).toBe('Änderungen: Suche „Sprachkurs“ – Vielfalt in Herne');
  expect(feed.entries.length).toBeGreaterThan(0);

  const bad = await reader.get('/suche/feed.atom?richtung=oben');
  expect(bad.status()).toBe(400);
  const text = await bad.text();
  expect(text).toContain('Der Feed kann mit diesen Angaben nicht erstellt werden.');
  expect(text).toContain('für „richtung“');
  expect((await reader.get('/kataloge/gibt-es-nicht/feed.atom')).status()).toBe(404);

  // All catalogues, announced on the home page.
  await page.goto('/');
  expect((await alternateLink(page)).href).toBe('/feed.atom');
  const all = await reader.get('/feed.atom');
  expect(all.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(parseAtom(await all.text()).entries.length).toBeGreaterThan(0);
  await reader.dispose();
});

// Progressive enhancement: the live search swaps the results in place; the feed link follows.
test('with JavaScript, the search’s feed link follows the live results', { tag: '@enhancement' }, async ({ page }) => {
  await page.goto('/suche?q=Kita');
  await page.locator('form#suche-form[data-ready]').waitFor({ state: 'attached' });
  expect((await alternateLink(page)).href).toBe('/suche/feed.atom?q=Kita');
  const box = page.locator('#suche-q');
  await box.fill('');
  await box.pressSequentially('Sprachkurs', { delay: 20 });
  await expect(page).toHaveURL(/q=Sprachkurs/);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/suche/feed.atom?q=Sprachkurs');
});
