/**
 * GET /kataloge/{catalogue}/export.{pdf|csv|xlsx}[?knoten={node id or slug}]: the published
 * catalogue (or one Handlungsfeld / dimension of it) as PDF, CSV or XLSX.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { downloadCatalogue, isExportFormat } from '$lib/server/exports/downloads';
import { downloadBody, downloadHeaders } from '$lib/server/exports/response';
import { createTranslator } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  if (!isExportFormat(params.format)) error(404, 'Unbekanntes Format');
  const db = await getDb();
  const result = await downloadCatalogue(db, params.catalogue, params.format, {
    // The documents are German; the PDF's labels follow the document, not the UI language.
    t: createTranslator('de'),
    origin: url.origin,
    municipality: locals.municipality,
    node: url.searchParams.get('knoten'),
  });
  if (result.status === 'notFound') error(404, result.what === 'catalogue' ? 'Katalog nicht gefunden' : 'Abschnitt nicht gefunden');
  return new Response(downloadBody(result.download), { headers: downloadHeaders(result.download, params.format) });
};
