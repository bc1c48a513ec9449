/** GET /opendata/hsds.zip — Open Referral HSDS tabular package (CSV files, datapackage.json, README). */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { hsdsZip } from '$lib/server/opendata/hsds';
import { openDataResponse } from '$lib/server/opendata/http';
import { loadOpenData } from '$lib/server/opendata/load';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request, locals }) => {
  const db = await getDb();
  const data = await loadOpenData(db, locals.municipality);
  if (!data) error(404, 'Keine Kataloge vorhanden');
  return openDataResponse(
    { body: hsdsZip(data, url.origin), contentType: 'application/zip', modified: data.modified, filename: `${data.municipality.slug}-hsds.zip` },
    request,
  );
};
