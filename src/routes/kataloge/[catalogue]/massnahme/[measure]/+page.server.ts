import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/app/instance';
import { getMeasureDetail } from '$lib/server/catalogue/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db } = await getDatabase();
  const found = await getMeasureDetail(db, params.catalogue, params.measure);
  if (!found) error(404, 'Maßnahme nicht gefunden');
  if ('redirectTo' in found) redirect(301, `/kataloge/${params.catalogue}/massnahme/${found.redirectTo}`);
  return { measure: found.measure };
};
