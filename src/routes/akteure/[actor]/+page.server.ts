import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getActorDetail } from '$lib/server/catalogue/browse';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const db = await getDb();
  const actor = await getActorDetail(db, params.actor);
  if (!actor) error(404, 'Akteur nicht gefunden');
  return { actor };
};
