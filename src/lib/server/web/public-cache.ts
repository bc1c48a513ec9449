/**
 * Serving public pages from the rendered-page cache (cache/page-cache.ts), keyed by the content
 * version this process follows. Every answer it gives is marked `x-vielfalt-cache`:
 * hit | miss | revalidated (304) | bypass.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { getContentVersion } from '../app/instance';
import type { ContentVersion } from '../cache/content-version';
import {
  acceptsGzip,
  cacheKey,
  type CachedPage,
  etagOf,
  isCacheableRequest,
  isStorableResponse,
  matchesEtag,
  PageCache,
  pageCacheBytesFromEnv,
  PUBLIC_CACHE_CONTROL,
  representationEtag,
} from '../cache/page-cache';


export interface PublicRequest {
  request: Request;
  url: URL;
  locale: string;
  /** A session cookie came along. */
  hasSession: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function mark(response: Response, state: string): Response {
  response.headers.set('x-vielfalt-cache', state);
  return response;
}

export interface PublicCacheDeps {
  cache: PageCache | null;
  versions: () => ContentVersion | null;
}

export type PublicCacheHandler = (req: PublicRequest, render: () => Promise<Response>) => Promise<Response>;

export function publicCacheHandler({ cache: pageCache, versions: currentVersions }: PublicCacheDeps): PublicCacheHandler {
  return (req, render) => serve(pageCache, currentVersions(), req, render);
}

async function serve(pageCache: PageCache | null, versions: ContentVersion | null, req: PublicRequest, render: () => Promise<Response>): Promise<Response> {
  const version = versions?.current ?? null;
  if (!pageCache || version === null || !isCacheableRequest({ method: req.request.method, url: req.url, hasSession: req.hasSession })) {
    const response = await render();
    // Whatever may have written is answered only once this process knows the new content version
    // (on PostgreSQL the notification may still be on its way): the next request sees the change.
    if (versions && !READ_METHODS.has(req.request.method)) await versions.refresh();
    return mark(response, 'bypass');
  }

  const key = cacheKey(req.url, req.locale, version);
  const gzip = acceptsGzip(req.request.headers.get('accept-encoding'));
  const etag = representationEtag(etagOf(key), gzip);
  if (matchesEtag(req.request.headers.get('if-none-match'), etag)) {
    return mark(new Response(null, { status: 304, headers: { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: VARY } }), 'revalidated');
  }
  const hit = pageCache.get(key);
  if (hit) return mark(answer(hit, gzip, etag), 'hit');

  const response = await render();
  if (!isStorableResponse(response)) return mark(response, 'bypass');
  const headers = new Headers(response.headers);
  headers.set('cache-control', PUBLIC_CACHE_CONTROL);
  for (const name of ['content-length', 'content-encoding', 'etag', 'vary']) headers.delete(name);
  const page: CachedPage = { status: response.status, headers: [...headers.entries()], gzip: gzipSync(new Uint8Array(await response.arrayBuffer())) };
  pageCache.set(key, page);
  return mark(answer(page, gzip, etag), 'miss');
}

/** Cached answers differ by the session cookie (never cached with one) and by compression. */
const VARY = 'Cookie, Accept-Encoding';

function answer(page: CachedPage, gzip: boolean, etag: string): Response {
  const headers = new Headers(page.headers);
  headers.set('etag', etag);
  headers.set('vary', VARY);
  if (gzip) headers.set('content-encoding', 'gzip');
  return new Response(gzip ? page.gzip.slice() : gunzipSync(page.gzip), { status: page.status, headers });
}

const bytes = pageCacheBytesFromEnv();
/** The web server's page cache (null when PAGE_CACHE_MB=0). */
export const pageCache: PageCache | null = bytes > 0 ? new PageCache(bytes) : null;
/** The web server's handler: its page cache, the content version of its database. */
export const withPublicCache = publicCacheHandler({ cache: pageCache, versions: getContentVersion });
