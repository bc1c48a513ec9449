import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getMeasureDetail } from '$lib/server/catalogue/queries';
import { relatedMemo } from '$lib/server/catalogue/related-memo';
import { getContentVersion } from '$lib/server/app/instance';
import { jsonLdScript, measureJsonLd, pageContext } from '$lib/server/opendata/schema-org';
import { localizeRows } from '$lib/server/translations';
import { publicFundingOf } from '$lib/server/funding/measure-funding';
import type { PageServerLoad } from './$types';

const MEASURE_FIELDS = ['title', 'description', 'goals', 'targetGroupText', 'statusText', 'remarks'] as const;

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const db = await getDb();
  const found = await getMeasureDetail(db, params.catalogue, params.measure, locals.municipality, {
    memo: relatedMemo,
    version: getContentVersion()?.current ?? null,
  });
  if (!found) error(404, 'Maßnahme nicht gefunden');
  // Renamed measures: the old address answers with a permanent redirect (query kept, e.g. ?druck=1).
  if ('redirectTo' in found) redirect(301, `/kataloge/${params.catalogue}/massnahme/${found.redirectTo}${url.search}`);
  const m = found.measure;
  // The reader's language (?lang): translated fields, German with a note where there is none.
  const localized = (await localizeRows(db, locals.locale, 'measure', [m], MEASURE_FIELDS)).get(m.id)!;
  const actorNames = await localizeRows(db, locals.locale, 'actor', m.actors, ['name']);
  return {
    measure: found.measure,
    localized,
    actorNames: Object.fromEntries([...actorNames].map(([id, f]) => [id, f.name])),
    // Funding (issue 16): funder, programme, amount, secured until, "abhängig von Fördermitteln".
    funding: await publicFundingOf(db, found.measure.id),
    // ?druck=1: the same page in a minimal layout for printing (no navigation, no related lists).
    printView: url.searchParams.get('druck') === '1',
    permalink: `${url.origin}${url.pathname}`,
    // schema.org JSON-LD, escaped for a <script> element (see opendata/schema-org.ts).
    jsonLd: jsonLdScript(measureJsonLd(found.measure, pageContext(url.origin))),
  };
};
