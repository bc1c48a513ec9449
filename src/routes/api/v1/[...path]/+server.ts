/**
 * REST API v1 (every path under /api/v1): handed to the framework-free router in
 * $lib/server/api, which validates, authenticates write calls by API token and answers errors
 * as RFC 9457 problem details. The document: /api/v1/openapi.json; readable: /api.
 */
import { getDatabase } from '$lib/server/app/instance';
import { log } from '$lib/server/app/log';
import { handleApiRequest } from '$lib/server/api/router';
import { API_PATHS } from '$lib/components/paths';
import type { RequestHandler } from './$types';

const handle: RequestHandler = async ({ request }) => {
  const { db } = await getDatabase();
  return handleApiRequest(request, {
    db,
    paths: API_PATHS,
    onError: (error) => log.error('api.failed', { method: request.method, path: new URL(request.url).pathname, message: error instanceof Error ? error.message : String(error) }),
  });
};

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const OPTIONS = handle;
export const fallback = handle;
