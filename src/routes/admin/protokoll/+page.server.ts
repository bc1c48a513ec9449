/** /admin/protokoll: the audit log (admin only) with filters from the query string and pages. */
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { auditFilterOptions, auditQueryString, listAudit, parseAuditQuery } from '$lib/server/auth/audit-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'audit.read');
  const db = await getDb();
  const { filter, page, errors } = parseAuditQuery(event.url.searchParams);
  const [result, options] = await Promise.all([guard(event, () => listAudit(db, user, filter, page)), auditFilterOptions(db)]);
  return {
    filter,
    errors,
    options,
    total: result.total,
    page: result.page,
    pages: result.pages,
    rows: result.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    exportHref: `/admin/protokoll.csv${auditQueryString(filter)}`,
    prevHref: result.page > 1 ? `/admin/protokoll${auditQueryString(filter, { seite: result.page - 1 })}` : null,
    nextHref: result.page < result.pages ? `/admin/protokoll${auditQueryString(filter, { seite: result.page + 1 })}` : null,
  };
};
