/**
 * Rendered public pages, kept in memory per content version. Public content changes only when
 * something is published, imported, archived or restored (then the content version moves on and
 * every entry of the old version is simply never asked for again); it is read far more often.
 *
 * Only anonymous GET requests for public paths are served from here, and only 200 answers
 * without a cookie and without `no-store` are kept: nothing private or session-bound can enter.
 */
import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * A kept answer, its body gzip-compressed once: nearly every client takes gzip, so a hit is sent
 * as it is (Node's server compresses nothing by itself, and a throttled phone waits for every
 * kilobyte), and the cache holds about six times more pages in the same memory. The rare client
 * without gzip gets the body inflated on the way out.
 */
export interface CachedPage {
  status: number;
  /** Without validators and lengths: those belong to each representation. */
  headers: [string, string][];
  gzip: Uint8Array;
}

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding?.trim() !== 'gzip' && coding?.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The compressed and the plain body are two representations: each has its own strong validator. */
export function representationEtag(etag: string, gzip: boolean): string {
  return gzip ? `${etag.slice(0, -1)}-gzip"` : etag;
}

/** Paths whose answers depend on who asks, carry a form token or are for tests only. */
const PRIVATE_PREFIXES = ['/admin', '/konto', '/anmelden', '/abmelden', '/einrichtung', '/einladung', '/vorschlagen', '/test-setup', '/test-fehler'];

export function isPublicPath(pathname: string): boolean {
  return !PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export interface CacheableRequest {
  method: string;
  url: URL;
  /** A session cookie came along (valid or not): the answer may be personal. */
  hasSession: boolean;
}

/** Whether a request may be answered from (and its answer stored in) the cache. */
export function isCacheableRequest({ method, url, hasSession }: CacheableRequest): boolean {
  // `?lang=` sets the language cookie: that answer is the visitor's own.
  return method === 'GET' && !hasSession && isPublicPath(url.pathname) && !url.searchParams.has('lang');
}

/** Whether an answer may be kept. */
export function isStorableResponse(response: Response): boolean {
  if (response.status !== 200 || response.headers.has('set-cookie')) return false;
  const cacheControl = response.headers.get('cache-control') ?? '';
  if (/no-store|private/.test(cacheControl)) return false;
  const type = response.headers.get('content-type') ?? '';
  // Pages, JSON and the change feeds (Atom): all of them read from published content only.
  return type.startsWith('text/html') || type.startsWith('application/json') || type.startsWith('application/atom+xml');
}

/** Same page, same query (in any order), same language, same content version → same key. */
export function cacheKey(url: URL, locale: string, version: bigint): string {
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return `${version}|${locale}|${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/** A strong validator of one representation: content version plus a digest of the key. */
export function etagOf(key: string): string {
  const [version] = key.split('|', 1);
  return `"v${version}-${crypto.createHash('sha256').update(key).digest('base64url').slice(0, 16)}"`;
}

/** True when an If-None-Match header names `etag` (or is `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * Browsers revalidate every time (a 304 costs almost nothing); a shared cache in front may keep
 * a page a minute and serve it stale for five while it revalidates.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

export class PageCache {
  readonly #lru: LRUCache<string, CachedPage>;
  hits = 0;
  misses = 0;

  constructor(maxBytes: number) {
    this.#lru = new LRUCache<string, CachedPage>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: (page) => page.gzip.byteLength + page.headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 64,
    });
  }

  get(key: string): CachedPage | undefined {
    const page = this.#lru.get(key);
    if (page) this.hits++;
    else this.misses++;
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.#lru.set(key, page);
  }

  get size(): number {
    return this.#lru.size;
  }

  get bytes(): number {
    return this.#lru.calculatedSize;
  }

  clear(): void {
    this.#lru.clear();
  }
}

/** Bytes the cache may hold: PAGE_CACHE_MB (default 32; 0 turns the cache off). */
export function pageCacheBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const mb = env.PAGE_CACHE_MB === undefined ? 32 : Number(env.PAGE_CACHE_MB);
  return Number.isFinite(mb) && mb >= 0 ? Math.floor(mb * 1024 * 1024) : 32 * 1024 * 1024;
}
