import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/app/instance';
import { getActorDetail } from '$lib/server/catalogue/actors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = await getDatabase();
  const actor = await getActorDetail(db, params.actor, locals.municipality);
  if (!actor) error(404, 'Akteur nicht gefunden');
  return { actor };
};
