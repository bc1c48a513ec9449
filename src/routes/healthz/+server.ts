import type { RequestHandler } from './$types';
import { checkHealth } from '$lib/server/app/health';
import { getDb } from '$lib/server/web/kit';

/** 200 when the app and its database answer, 503 otherwise (docker HEALTHCHECK, load balancers). */
export const GET: RequestHandler = async () => {
  const report = await checkHealth(getDb);
  return new Response(JSON.stringify(report), {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};
