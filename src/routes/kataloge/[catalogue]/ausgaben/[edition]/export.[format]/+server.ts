/**
 * GET /kataloge/{catalogue}/ausgaben/{edition}/export.{pdf|csv|xlsx}: a frozen edition as it was
 * frozen — the printed edition (PDF) or its measures as a table.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { downloadEdition, isExportFormat } from '$lib/server/exports/downloads';
import { downloadBody, downloadHeaders } from '$lib/server/exports/response';
import { createTranslator } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  if (!isExportFormat(params.format)) error(404, 'Unbekanntes Format');
  const result = await downloadEdition(await getDb(), params.catalogue, params.edition, params.format, {
    // The documents are German; the PDF's labels follow the document, not the UI language.
    t: createTranslator('de'),
    origin: url.origin,
    municipality: locals.municipality,
  });
  if (result.status === 'notFound') error(404, 'Ausgabe nicht gefunden');
  return new Response(downloadBody(result.download), { headers: downloadHeaders(result.download, params.format) });
};
