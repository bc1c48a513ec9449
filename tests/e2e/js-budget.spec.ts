/**
 * JavaScript budget of public pages: what the browser actually loads (compressed bytes on the
 * wire) must stay at or below 30 KB on the home, catalogue and measure pages — they are rendered
 * on the server and work without scripts. Measured with JavaScript on (mit-js only).
 */
import { expect, test, type Page } from '@playwright/test';

const BUDGET = 30 * 1024;

async function scriptBytes(page: Page, path: string): Promise<{ bytes: number; scripts: string[] }> {
  const responses: Promise<{ url: string; bytes: number }>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() !== 'script') return;
    responses.push(response.request().sizes().then((s) => ({ url: response.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
  };
  page.on('response', onResponse);
  await page.goto(path, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const loaded = await Promise.all(responses);
  return { bytes: loaded.reduce((n, r) => n + r.bytes, 0), scripts: loaded.map((r) => `${new URL(r.url).pathname} ${r.bytes}`) };
}

test('home, catalogue, measure and search pages load at most 30 KB of JavaScript', async ({ page }) => {
  await page.goto('/kataloge/integrationskonzept');
  const measure = await page.locator('a[href*="/massnahme/"]').first().getAttribute('href');
  for (const path of ['/', '/kataloge/integrationskonzept', measure!, '/kataloge/diversity-massnahmenkatalog', '/akteure', '/zielgruppen', '/suche?q=Sprachkurs']) {
    const { bytes, scripts } = await scriptBytes(page, path);
    expect(bytes, `${path}: ${scripts.join(', ')}`).toBeLessThanOrEqual(BUDGET);
  }
});
