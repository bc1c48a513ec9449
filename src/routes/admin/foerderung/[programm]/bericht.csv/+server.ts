import { error } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { NotFoundError } from '$lib/server/editing/errors';
import { getProgrammeBySlug } from '$lib/server/funding/programmes';
import { fundingReport, fundingReportCsv } from '$lib/server/funding/reports';
import { recordAudit } from '$lib/server/auth/audit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const user = requirePermission(event, 'funding.read');
  const db = await getDb();
  let programme;
  try {
    programme = await getProgrammeBySlug(db, event.locals.municipality, event.params.programm);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, 'Förderprogramm nicht gefunden');
    throw e;
  }
  const y = Number.parseInt(event.url.searchParams.get('jahr') ?? '', 10);
  if (!(y >= 2000 && y <= 2100)) error(400, 'Bitte geben Sie das Haushaltsjahr an (?jahr=2026).');
  const report = await guard(event, () => fundingReport(db, user, programme.id, y));
  await recordAudit(db, { action: 'funding.report.export', userId: user.id, entityType: 'funding_programme', entityId: programme.id, details: { year: y } });
  return new Response(fundingReportCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="foerderung-${programme.slug}-${y}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
