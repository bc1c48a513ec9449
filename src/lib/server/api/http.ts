/**
 * HTTP mechanics of API v1 on web-standard Request/Response (no SvelteKit): RFC 9457 problem
 * details, weak ETags with If-None-Match → 304, CORS for reads, Link headers for pages.
 */
import { createHash } from 'node:crypto';
import { RETRY_AFTER_SECONDS } from '../db/unavailable';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Reads are public: any origin may read; writes stay same-origin (tokens are for servers). */
export const CORS_READ_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Link',
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_READ_HEADERS,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, If-None-Match',
  'access-control-max-age': '86400',
};

/** Public content that changes with editorial work: short freshness, then revalidate (ETag). */
export const READ_CACHE = 'public, max-age=60, stale-while-revalidate=300';

export interface ProblemError {
  param?: string;
  field?: string;
  message: string;
}

/** An error answer; thrown by handlers, turned into problem+json by the router. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: ProblemError[]; [key: string]: unknown } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

/** 503 while the database cannot be reached (see db/unavailable.ts): try again shortly. */
export function databaseUnavailableProblem(): ApiProblem {
  return new ApiProblem(503, 'Vorübergehend nicht verfügbar', 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden erneut.', {}, {
    'retry-after': String(RETRY_AFTER_SECONDS),
  });
}

export function problemResponse(problem: ApiProblem, instance: string, headers: Record<string, string> = {}): Response {
  const body = { type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, instance, ...problem.extra };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store', ...headers, ...problem.headers },
  });
}

/** Weak validator of a JSON body: equal bodies, equal tags, on every server instance. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match matches (weak comparison, lists and `*` allowed). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A cacheable JSON answer: ETag, 304 on a matching If-None-Match, CORS for reads. */
export function jsonResponse(request: Request, data: unknown, options: { status?: number; headers?: Record<string, string>; read?: boolean } = {}): Response {
  const body = JSON.stringify(data);
  const read = options.read ?? true;
  const headers: Record<string, string> = {
    'content-type': JSON_TYPE,
    ...(read ? { ...CORS_READ_HEADERS, 'cache-control': READ_CACHE, vary: 'Accept-Language' } : { 'cache-control': 'no-store' }),
    ...options.headers,
  };
  if (read) {
    const etag = etagOf(body);
    headers.etag = etag;
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
      const { 'content-type': _type, ...rest } = headers;
      return new Response(null, { status: 304, headers: rest });
    }
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: options.status ?? 200, headers });
}

/** RFC 8288 Link header for a paged list: first, prev, next, last (page numbers from 1). */
export function pageLinks(url: URL, page: number, pageCount: number, pageParam = 'page'): string | null {
  if (pageCount <= 1 && page <= 1) return null;
  const at = (n: number) => {
    const target = new URL(url);
    target.searchParams.set(pageParam, String(n));
    return `<${target.toString()}>`;
  };
  const last = Math.max(pageCount, 1);
  const links = [`${at(1)}; rel="first"`];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`);
  links.push(`${at(last)}; rel="last"`);
  return links.join(', ');
}
