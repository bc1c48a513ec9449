/**
 * The public-cache handler with its collaborators injected: a page rendered once per content
 * version, sent gzip-compressed to clients that take it and plain to the others, each
 * representation with its own validator.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache } from '../cache/page-cache';
import type { ContentVersion } from '../cache/content-version';
import { publicCacheHandler } from './public-cache';

const HTML = `<!doctype html><html lang="de"><body>${'<p>Maßnahme für Geflüchtete</p>'.repeat(200)}</body></html>`;

function setup() {
  let renders = 0;
  const versions = { current: 5n, refresh: async () => 5n } as unknown as ContentVersion;
  const handler = publicCacheHandler({ cache: new PageCache(1024 * 1024), versions: () => versions });
  const render = async () => {
    renders++;
    return new Response(HTML, { headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Cookie' } });
  };
  const get = (headers: Record<string, string> = {}) => {
    const url = new URL('http://127.0.0.1/kataloge/integrationskonzept');
    return handler({ request: new Request(url, { headers }), url, locale: 'de', hasSession: false }, render);
  };
  return { get, renders: () => renders };
}

describe('public cache handler', () => {
  it('renders once, then sends the stored gzip body to clients that take gzip', async () => {
    const { get, renders } = setup();
    const first = await get({ 'accept-encoding': 'gzip, br' });
    expect(first.headers.get('x-vielfalt-cache')).toBe('miss');
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toBe('Cookie, Accept-Encoding');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(HTML.length / 5);
    expect(gunzipSync(bytes).toString('utf8')).toBe(HTML);

    const second = await get({ 'accept-encoding': 'gzip' });
    expect(second.headers.get('x-vielfalt-cache')).toBe('hit');
    expect(gunzipSync(new Uint8Array(await second.arrayBuffer())).toString('utf8')).toBe(HTML);
    expect(renders()).toBe(1);
  });

  it('sends the plain body to a client without gzip, with a validator of its own', async () => {
    const { get } = setup();
    const zipped = await get({ 'accept-encoding': 'gzip' });
    const plain = await get();
    expect(plain.headers.get('x-vielfalt-cache')).toBe('hit');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(HTML);
    expect(plain.headers.get('etag')).not.toBe(zipped.headers.get('etag'));
  });

  it('answers 304 only for the validator of the representation the client would get', async () => {
    const { get } = setup();
    const zipped = await get({ 'accept-encoding': 'gzip' });
    const etag = zipped.headers.get('etag')!;
    const again = await get({ 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-vielfalt-cache')).toBe('revalidated');
    const plainClient = await get({ 'if-none-match': etag });
    expect(plainClient.status).toBe(200);
    expect(await plainClient.text()).toBe(HTML);
  });
});
