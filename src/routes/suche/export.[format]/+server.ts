/**
 * GET /suche/export.{pdf|csv|xlsx}?…: every measure of a search view (same query parameters as
 * /suche, all pages) as PDF, CSV or XLSX.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { downloadSearch, isExportFormat, MAX_EXPORT_MEASURES } from '$lib/server/exports/downloads';
import { downloadBody, downloadHeaders } from '$lib/server/exports/response';
import { parseSearchParams } from '$lib/server/search';
import { createTranslator } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  if (!isExportFormat(params.format)) error(404, 'Unbekanntes Format');
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) error(400, parsed.errors.map((e) => e.message).join(' '));
  const t = createTranslator('de');
  const db = await getDb();
  const result = await downloadSearch(db, parsed.state, params.format, { t, origin: url.origin, municipality: locals.municipality });
  if (result.status === 'tooMany') error(413, t('export.tooMany', { max: MAX_EXPORT_MEASURES }));
  return new Response(downloadBody(result.download), { headers: downloadHeaders(result.download, params.format) });
};
