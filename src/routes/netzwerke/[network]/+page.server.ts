import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getNetwork } from '$lib/server/events/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const network = await getNetwork(await getDb(), params.network, locals.municipality);
  if (!network) error(404, 'Netzwerk nicht gefunden');
  return { network };
};
