import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/app/instance';
import { getCatalogueDetail } from '$lib/server/catalogue/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db } = await getDatabase();
  const detail = await getCatalogueDetail(db, params.catalogue);
  if (!detail) error(404, 'Katalog nicht gefunden');
  return { detail };
};
