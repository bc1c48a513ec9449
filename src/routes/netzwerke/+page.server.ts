import { getDb } from '$lib/server/web/kit';
import { listNetworks } from '$lib/server/events/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ networks: await listNetworks(await getDb(), locals.municipality) });
