import { describe, expect, it } from 'vitest';
import { etagOf, jsonResponse, matchesIfNoneMatch, pageLinks } from './http';

describe('API HTTP helpers', () => {
  it('weak ETags compare weakly, in lists and with *', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(etagOf('{"a":2}')).not.toBe(tag);
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"x", ${tag.slice(2)}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
  });

  it('answers 304 without body when the tag matches, and HEAD without body', async () => {
    const first = jsonResponse(new Request('http://x/api'), { a: 1 });
    const etag = first.headers.get('etag')!;
    const second = jsonResponse(new Request('http://x/api', { headers: { 'if-none-match': etag } }), { a: 1 });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(second.headers.get('access-control-allow-origin')).toBe('*');
    const head = jsonResponse(new Request('http://x/api', { method: 'HEAD' }), { a: 1 });
    expect(await head.text()).toBe('');
  });

  it('builds first/prev/next/last links and none for a single page', () => {
    const url = new URL('http://x/api/v1/actors?limit=5&page=2');
    expect(pageLinks(url, 2, 3)).toBe(
      '<http://x/api/v1/actors?limit=5&page=1>; rel="first", <http://x/api/v1/actors?limit=5&page=1>; rel="prev", ' +
        '<http://x/api/v1/actors?limit=5&page=3>; rel="next", <http://x/api/v1/actors?limit=5&page=3>; rel="last"',
    );
    expect(pageLinks(new URL('http://x/a'), 1, 1)).toBeNull();
  });
});
