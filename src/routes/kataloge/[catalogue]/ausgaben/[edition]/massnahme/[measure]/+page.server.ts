/** A measure as it reads in a frozen edition (stable address, that edition's text). */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { findEdition } from '$lib/server/editions';
import { editionMeasure } from '$lib/server/editions/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const db = await getDb();
  const found = await findEdition(db, params.catalogue, params.edition, locals.municipality);
  if (!found) error(404, 'Ausgabe nicht gefunden');
  const view = editionMeasure(found.content, params.measure);
  if (!view) error(404, 'Maßnahme in dieser Ausgabe nicht gefunden');
  return { edition: found.edition, catalogue: found.content.catalogue, ...view };
};
