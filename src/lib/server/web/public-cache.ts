/**
 * Serving public pages from the rendered-page cache (cache/page-cache.ts), keyed by the content
 * version this process follows. Every answer it gives is marked `x-vielfalt-cache`:
 * hit | miss | revalidated (304) | bypass.
 */
import { getContentVersion } from '../app/instance';
import type { ContentVersion } from '../cache/content-version';
import {
  cacheKey,
  etagOf,
  isCacheableRequest,
  isStorableResponse,
  matchesEtag,
  PageCache,
  pageCacheBytesFromEnv,
  PUBLIC_CACHE_CONTROL,
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
  const etag = etagOf(key);
  if (matchesEtag(req.request.headers.get('if-none-match'), etag)) {
    return mark(new Response(null, { status: 304, headers: { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'Cookie' } }), 'revalidated');
  }
  const hit = pageCache.get(key);
  if (hit) return mark(new Response(hit.body.slice(), { status: hit.status, headers: hit.headers }), 'hit');

  const response = await render();
  if (!isStorableResponse(response)) return mark(response, 'bypass');
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.set('etag', etag);
  headers.set('cache-control', PUBLIC_CACHE_CONTROL);
  headers.delete('content-length');
  pageCache.set(key, { status: response.status, headers: [...headers.entries()], body });
  return mark(new Response(body, { status: response.status, headers }), 'miss');
}

const bytes = pageCacheBytesFromEnv();
/** The web server's page cache (null when PAGE_CACHE_MB=0). */
export const pageCache: PageCache | null = bytes > 0 ? new PageCache(bytes) : null;
/** The web server's handler: its page cache, the content version of its database. */
export const withPublicCache = publicCacheHandler({ cache: pageCache, versions: getContentVersion });
