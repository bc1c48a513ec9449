/**
 * GET /api/v1/measures — the public search as JSON (same parameters as /suche, plus `page` and
 * `limit`):
 *
 *   { "total": n, "page": 1, "pageSize": 10, "pageCount": m, "sort": "relevanz",
 *     "items": [{ "id", "title", "number", "catalogue": { "slug", "title", "kind" }, "url",
 *                 "snippet": [{ "text", "hit" }], "place", "state": { "code", "label" },
 *                 "isNew", "isGap", "directionInward", "directionOutward", "responsible",
 *                 "updatedAt", "score" }],
 *     "facets": { "katalog": [{ "value", "label", "count", "selected", "context" }], … },
 *     "query": { "text", "suggestion", "corrections", "matchedAllTerms" } }
 *
 * The shape is stable; fields may be added. Errors are RFC 9457 problem details
 * (application/problem+json), 400 for invalid parameters.
 */
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/app/instance';
import { log } from '$lib/server/app/log';
import { measureHref } from '$lib/components/paths';
import { parseSearchParams, searchMeasures, FACET_NAMES, type SearchResult } from '$lib/server/search';
import type { RequestHandler } from './$types';

function problem(status: number, title: string, detail: string, instance: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail, instance, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function body(result: SearchResult, origin: string) {
  return {
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    sort: result.sort,
    items: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      number: item.number,
      catalogue: item.catalogue,
      url: new URL(item.url, origin).toString(),
      snippet: item.snippet,
      place: item.place,
      state: item.state,
      isNew: item.isNew,
      isGap: item.isGap,
      directionInward: item.directionInward,
      directionOutward: item.directionOutward,
      responsible: item.responsible,
      updatedAt: item.updatedAt,
      score: item.score,
    })),
    facets: Object.fromEntries(FACET_NAMES.map((name) => [name, result.facets[name]])),
    query: {
      text: result.query.text,
      suggestion: result.query.suggestion,
      corrections: result.query.corrections,
      matchedAllTerms: result.query.matchedAllTerms,
    },
  };
}

export const GET: RequestHandler = async ({ url, locals }) => {
  const instance = `${url.pathname}${url.search}`;
  const parsed = parseSearchParams(url.searchParams, { api: true });
  if (!parsed.ok) {
    return problem(400, 'Ungültige Suchanfrage', parsed.errors.map((e) => e.message).join(' '), instance, {
      errors: parsed.errors,
    });
  }
  try {
    const { db } = await getDatabase();
    const result = await searchMeasures(db, parsed.state, { municipality: locals.municipality, measureUrl: measureHref });
    return json(body(result, url.origin), {
      headers: {
        // Public content that changes with editorial work: short freshness, then revalidate.
        'cache-control': 'public, max-age=60, stale-while-revalidate=300',
        'access-control-allow-origin': '*',
      },
    });
  } catch (error) {
    log.error('search.api.failed', { message: error instanceof Error ? error.message : String(error) });
    return problem(500, 'Interner Fehler', 'Die Suche ist gerade nicht möglich. Bitte versuchen Sie es später erneut.', instance);
  }
};
