/**
 * REST API v1 (every path under /api/v1): handed to the framework-free router in
 * $lib/server/api, which validates, authenticates write calls by API token and answers errors
 * as RFC 9457 problem details. The document: /api/v1/openapi.json; readable: /api.
 */
import { errorFields, log } from '$lib/server/log/log';
import { getDb } from '$lib/server/web/kit';
import { handleApiRequest } from '$lib/server/api/router';
import { API_PATHS } from '$lib/components/paths';
import type { RequestHandler } from './$types';

const handle: RequestHandler = async ({ request, route, locals }) => {
  const db = await getDb();
  return handleApiRequest(request, {
    db,
    municipality: locals.municipality,
    paths: API_PATHS,
    // Never the path or the message: they may carry tokens, statements or their parameters (log.ts).
    onError: (error) => log.error('api.failed', { method: request.method, route: route.id, ...errorFields(error) }),
  });
};

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const OPTIONS = handle;
export const fallback = handle;
