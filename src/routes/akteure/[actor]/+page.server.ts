import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getActorDetail } from '$lib/server/catalogue/actors';
import { actorJsonLd, jsonLdScript, pageContext } from '$lib/server/opendata/schema-org';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const db = await getDb();
  const actor = await getActorDetail(db, params.actor, locals.municipality);
  if (!actor) error(404, 'Akteur nicht gefunden');
  return { actor, jsonLd: jsonLdScript(actorJsonLd(actor, pageContext(url.origin))) };
};
