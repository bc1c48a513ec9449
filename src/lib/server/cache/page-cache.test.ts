import { describe, expect, it } from 'vitest';
import { acceptsGzip, cacheKey, etagOf, isCacheableRequest, isPublicPath, isStorableResponse, matchesEtag, PageCache, pageCacheBytesFromEnv, representationEtag } from './page-cache';

describe('page cache policy', () => {
  it('keeps the back office, accounts, forms with tokens and test routes out', () => {
    for (const p of ['/', '/suche', '/kataloge/integrationskonzept', '/akteure/x', '/api/v1/measures', '/administration-x']) expect(isPublicPath(p), p).toBe(true);
    for (const p of ['/admin', '/admin/massnahmen', '/konto', '/anmelden', '/abmelden', '/einrichtung', '/einladung/abc', '/vorschlagen', '/vorschlagen/danke', '/test-setup']) expect(isPublicPath(p), p).toBe(false);
  });

  it('serves only anonymous GETs without a language switch', () => {
    const url = new URL('http://x/kataloge/a');
    expect(isCacheableRequest({ method: 'GET', url, hasSession: false })).toBe(true);
    expect(isCacheableRequest({ method: 'GET', url, hasSession: true })).toBe(false);
    expect(isCacheableRequest({ method: 'POST', url, hasSession: false })).toBe(false);
    expect(isCacheableRequest({ method: 'HEAD', url, hasSession: false })).toBe(false);
    expect(isCacheableRequest({ method: 'GET', url: new URL('http://x/?lang=en'), hasSession: false })).toBe(false);
  });

  it('stores only plain 200 answers of HTML, JSON or Atom', () => {
    const ok = (headers: Record<string, string>, status = 200) => isStorableResponse(new Response('x', { status, headers }));
    expect(ok({ 'content-type': 'text/html; charset=utf-8' })).toBe(true);
    expect(ok({ 'content-type': 'application/json' })).toBe(true);
    expect(ok({ 'content-type': 'text/html' }, 404)).toBe(false);
    expect(ok({ 'content-type': 'text/html', 'set-cookie': 'a=b' })).toBe(false);
    expect(ok({ 'content-type': 'text/html', 'cache-control': 'no-store' })).toBe(false);
    expect(ok({ 'content-type': 'text/html', 'cache-control': 'private, max-age=0' })).toBe(false);
    expect(ok({ 'content-type': 'application/atom+xml; charset=utf-8' })).toBe(true);
    expect(ok({ 'content-type': 'application/atom+xml', 'set-cookie': 'a=b' })).toBe(false);
    expect(ok({ 'content-type': 'application/pdf' })).toBe(false);
  });

  it('keys by path, query in any order, language and version; ETags follow the key', () => {
    const a = cacheKey(new URL('http://x/suche?q=Kita&katalog=a'), 'de', 7n);
    expect(cacheKey(new URL('http://x/suche?katalog=a&q=Kita'), 'de', 7n)).toBe(a);
    for (const other of [cacheKey(new URL('http://x/suche?q=Kita'), 'de', 7n), cacheKey(new URL('http://x/suche?q=Kita&katalog=a'), 'en', 7n), cacheKey(new URL('http://x/suche?q=Kita&katalog=a'), 'de', 8n)]) {
      expect(other).not.toBe(a);
      expect(etagOf(other)).not.toBe(etagOf(a));
    }
    expect(etagOf(a)).toMatch(/^"v7-/);
    expect(matchesEtag(`W/${etagOf(a)}, "other"`, etagOf(a))).toBe(true);
    expect(matchesEtag('*', etagOf(a))).toBe(true);
    expect(matchesEtag('"v6-x"', etagOf(a))).toBe(false);
    expect(matchesEtag(null, etagOf(a))).toBe(false);
  });

  it('holds at most its byte budget, dropping the least recently used', () => {
    const cache = new PageCache(10_000);
    const page = (n: number) => ({ status: 200, headers: [['content-type', 'text/html']] as [string, string][], gzip: new Uint8Array(n) });
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, page(3000));
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.get('k9')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
    expect(pageCacheBytesFromEnv({ PAGE_CACHE_MB: '0' })).toBe(0);
    expect(pageCacheBytesFromEnv({})).toBe(32 * 1024 * 1024);
  });
});

describe('compressed representations', () => {
  it('take gzip only where the client accepts it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });

  it('give each representation its own strong validator', () => {
    const etag = etagOf(cacheKey(new URL('http://x/kataloge'), 'de', 3n));
    expect(representationEtag(etag, false)).toBe(etag);
    expect(representationEtag(etag, true)).not.toBe(etag);
    expect(representationEtag(etag, true)).toMatch(/^"v3-[^"]+-gzip"$/);
  });
});
