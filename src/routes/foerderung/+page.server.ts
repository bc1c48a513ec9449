import { getDb } from '$lib/server/web/kit';
import { listProgrammes } from '$lib/server/funding/programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const programmes = await listProgrammes(await getDb(), locals.municipality);
  return { programmes: programmes.map((p) => ({ slug: p.slug, title: p.title, funder: p.funder, acceptsApplications: p.acceptsApplications })) };
};
