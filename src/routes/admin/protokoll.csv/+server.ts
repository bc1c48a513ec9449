/** GET /admin/protokoll.csv?aktion=…&benutzer=…&von=…&bis=…: the filtered audit log as CSV (logged as audit.export). */
import { exportAudit, parseAuditQuery } from '$lib/server/auth/audit-log';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const user = requirePermission(event, 'audit.read');
  const { filter } = parseAuditQuery(event.url.searchParams);
  const { csv } = await guard(event, async () => exportAudit(await getDb(), user, filter));
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="protokoll-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
