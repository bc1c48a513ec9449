import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getOrganisationView, hasOrganisationUnits } from '$lib/server/catalogue/organisation-view';
import { getCatalogueDetail } from '$lib/server/catalogue/queries';
import { listEditions } from '$lib/server/editions';
import { ORGANISATION_VIEW, VIEW_PARAM } from '$lib/components/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const db = await getDb();
  const detail = await getCatalogueDetail(db, params.catalogue, locals.municipality);
  if (!detail) error(404, 'Katalog nicht gefunden');
  // The diversity catalogue can also be read by Dezernat and office (?ansicht=organisation).
  const hasOrganisation = hasOrganisationUnits(detail.tree);
  const organisation =
    hasOrganisation && url.searchParams.get(VIEW_PARAM) === ORGANISATION_VIEW ? await getOrganisationView(db, detail) : null;
  return { detail, hasOrganisation, organisation, frozenEditions: await listEditions(db, detail.catalogue.id) };
};
