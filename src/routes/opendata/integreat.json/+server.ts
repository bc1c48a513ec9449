/** GET /opendata/integreat.json — the published measures as an Integreat CMS page tree (docs/integreat.md). */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { openDataResponse } from '$lib/server/opendata/http';
import { buildIntegreatExport } from '$lib/server/opendata/integreat';
import { loadOpenData } from '$lib/server/opendata/load';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request, locals }) => {
  const db = await getDb();
  const data = await loadOpenData(db, locals.municipality);
  if (!data) error(404, 'Keine Kataloge vorhanden');
  const body = buildIntegreatExport(data, { origin: url.origin });
  return openDataResponse({ body: `${JSON.stringify(body, null, 2)}\n`, contentType: 'application/json; charset=utf-8', modified: data.modified }, request);
};
