/** A frozen edition of a catalogue at its stable address: the content as it was frozen. */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { findEdition, listEditions } from '$lib/server/editions';
import { editionTree } from '$lib/server/editions/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const db = await getDb();
  const found = await findEdition(db, params.catalogue, params.edition, locals.municipality);
  if (!found) error(404, 'Ausgabe nicht gefunden');
  const all = await listEditions(db, found.content.catalogue.id);
  const index = all.findIndex((e) => e.id === found.edition.id);
  return {
    edition: found.edition,
    catalogue: found.content.catalogue,
    tree: editionTree(found.content),
    newCount: found.content.measures.filter((m) => m.isNew && !m.isGap).length,
    previous: index > 0 ? all[index - 1]! : null,
  };
};
