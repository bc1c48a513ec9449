/**
 * /admin/berichte/lenkungsgruppe.pdf?katalog=…&feld=…&seit=…: the steering report as PDF,
 * typeset by the editions' Typst path (exports/pdf). report.read, as the HTML report.
 */
import { error } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { loadSteeringReport } from '$lib/server/reports/steering';
import { steeringPrintDocument } from '$lib/server/reports/steering-print';
import { renderPdf } from '$lib/server/exports/pdf/render';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const user = requirePermission(event, 'report.read');
  const db = await getDb();
  const p = event.url.searchParams;
  const result = await guard(event, () =>
    loadSteeringReport(
      db,
      user,
      { municipality: event.locals.municipality, catalogue: p.get('katalog'), node: p.get('feld'), since: p.get('seit') },
      { locale: event.locals.locale },
    ),
  );
  if (result.status === 'invalid') error(400, result.errors.map((e) => e.message).join(' '));
  if (result.status !== 'ok') error(404, 'Katalog nicht gefunden.');
  const rendered = await renderPdf(steeringPrintDocument(result.report, event.locals.locale));
  const day = result.report.generatedAt.slice(0, 10);
  const file = `lenkungsgruppe-${result.report.catalogue.slug}-${day}.pdf`;
  return new Response(new Uint8Array(rendered.pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
