import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getEvent } from '$lib/server/events/queries';
import { eventJsonLd } from '$lib/server/events/json-ld';
import { jsonLdScript } from '$lib/server/opendata/schema-org';
import { actorHref, eventHref } from '$lib/components/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const db = await getDb();
  const event = await getEvent(db, params.event, locals.municipality);
  if (!event) error(404, 'Veranstaltung nicht gefunden');
  const jsonLd = eventJsonLd(event, { origin: url.origin, url: new URL(eventHref(event.slug), url.origin).toString(), actorPath: actorHref, locality: 'Herne' });
  return { event, jsonLd: jsonLdScript(jsonLd) };
};
