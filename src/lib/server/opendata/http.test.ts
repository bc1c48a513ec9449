import { describe, expect, it } from 'vitest';
import { OPEN_DATA_CACHE_CONTROL, openDataResponse } from './http';

const file = { body: '{"a":1}', contentType: 'application/ld+json; charset=utf-8', modified: '2026-04-02T08:30:00.000Z' };

describe('open-data responses', () => {
  it('send type, caching, CORS, Last-Modified and an ETag over the bytes', async () => {
    const res = openDataResponse(file, new Request('https://x.example/opendata/dcat.jsonld'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(OPEN_DATA_CACHE_CONTROL);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('last-modified')).toBe('Thu, 02 Apr 2026 08:30:00 GMT');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await res.text()).toBe('{"a":1}');
    const other = openDataResponse({ ...file, body: '{"a":2}' }, new Request('https://x.example/'));
    expect(other.headers.get('etag')).not.toBe(res.headers.get('etag'));
  });

  it('answer 304 without a body when the ETag matches (also weak or in a list)', async () => {
    const etag = openDataResponse(file, new Request('https://x.example/')).headers.get('etag')!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const res = openDataResponse(file, new Request('https://x.example/', { headers: { 'if-none-match': header } }));
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
    }
    expect(openDataResponse(file, new Request('https://x.example/', { headers: { 'if-none-match': '"nope"' } })).status).toBe(200);
  });

  it('offer files as downloads with their name', () => {
    const res = openDataResponse({ ...file, body: new Uint8Array([1, 2, 3]), contentType: 'application/zip', filename: 'herne-hsds.zip' }, new Request('https://x.example/'));
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="herne-hsds.zip"');
    expect(res.headers.get('content-length')).toBe('3');
  });
});
