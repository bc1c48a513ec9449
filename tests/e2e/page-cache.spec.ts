/**
 * The rendered-page cache seen from outside: anonymous visitors get cached public pages with an
 * ETag (304 when it still matches) and cache headers a reverse proxy can use; signed-in users and
 * personal pages are never served from, or stored in, the cache. HTTP level: runs once (mit-js).
 */
import { expect, test } from '@playwright/test';
import { loginAs, roleUser } from './helpers/users';

const PAGES = ['/', '/kataloge/integrationskonzept', '/suche?q=Sprachkurs', '/akteure'];

test('anonymous visitors: a cached page with ETag, 304 when it matches, headers for a proxy', async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  for (const path of PAGES) {
    await visitor.get(path);
    const again = await visitor.get(path);
    expect(again.headers()['x-vielfalt-cache'], path).toBe('hit');
    const etag = again.headers()['etag'];
    // The browser takes gzip: the stored compressed body, with the validator of that representation.
    expect(etag).toMatch(/^"v\d+-[\w-]{16}-gzip"$/);
    expect(again.headers()['content-encoding'], path).toBe('gzip');
    expect(again.headers()['vary']).toContain('Accept-Encoding');
    expect(again.headers()['cache-control']).toContain('stale-while-revalidate');
    const revalidated = await visitor.get(path, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status(), path).toBe(304);
    expect(await revalidated.body()).toHaveLength(0);
  }
  // A client-side navigation's data request is another entry than the page itself.
  const data = await visitor.get('/suche/__data.json?q=Beratung');
  expect(data.headers()['content-type']).toContain('application/json');
  for (let i = 0; i < 2; i++) {
    const html = await visitor.get('/suche?q=Beratung');
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toContain('<!doctype html>');
  }
  // The same page in another language is another entry.
  const english = await visitor.get('/kataloge/integrationskonzept', { headers: { cookie: 'lang=en' } });
  expect(await english.text()).toContain('lang="en"');
});

test('nothing of a signed-in session reaches the cache, and the cache never answers a signed-in user', async ({ page, playwright, baseURL }) => {
  const user = roleUser('redaktion');
  await loginAs(page, user);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.httpOnly && c.name !== 'lang');
  expect(session).toBeTruthy();

  for (const path of PAGES) {
    const signedIn = await page.request.get(path);
    expect(signedIn.headers()['x-vielfalt-cache'], path).toBe('bypass');
    expect(await signedIn.text()).toContain('Zum Redaktionsbereich');

    const visitor = await playwright.request.newContext({ baseURL });
    await visitor.get(path);
    const cached = await visitor.get(path);
    expect(cached.headers()['x-vielfalt-cache']).toBe('hit');
    const body = await cached.text();
    for (const secret of ['Zum Redaktionsbereich', session!.value, user.email, 'Test redaktion']) expect(body, `${path}: ${secret}`).not.toContain(secret);
    expect(cached.headers()['set-cookie']).toBeUndefined();
    await visitor.dispose();
  }

  // Personal pages are never cached, not even for anonymous requests.
  const visitor = await playwright.request.newContext({ baseURL });
  for (const path of ['/anmelden', '/vorschlagen']) {
    await visitor.get(path);
    expect((await visitor.get(path)).headers()['x-vielfalt-cache'], path).toBe('bypass');
  }
});
