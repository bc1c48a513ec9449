/** GET /opendata/dcat.jsonld — the DCAT-AP.de catalogue record (JSON-LD) for harvesters such as GovData. */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { buildDcatCatalog } from '$lib/server/opendata/dcat';
import { openDataResponse } from '$lib/server/opendata/http';
import { loadOpenData } from '$lib/server/opendata/load';
import { contactEmailFromEnv, openDataProfile } from '$lib/server/opendata/profile';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request, locals }) => {
  const db = await getDb();
  const data = await loadOpenData(db, locals.municipality);
  if (!data) error(404, 'Keine Kataloge vorhanden');
  const record = buildDcatCatalog(data, { origin: url.origin, profile: openDataProfile(data.municipality), contactEmail: contactEmailFromEnv() });
  return openDataResponse({ body: `${JSON.stringify(record, null, 2)}\n`, contentType: 'application/ld+json; charset=utf-8', modified: data.modified }, request);
};
