import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getOrganisationView, hasOrganisationUnits } from '$lib/server/catalogue/organisation-view';
import { getCatalogueDetail } from '$lib/server/catalogue/queries';
import { listEditions } from '$lib/server/editions';
import { ALL_SECTIONS_PARAM, sectionState, tocHrefs } from '$lib/server/catalogue/sections';
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
  // Top-level sections are collapsible: closed unless ?alle=1 or ?offen=<slug> (sections.ts).
  const state = sectionState(detail.tree, url.searchParams);
  const sections = {
    ...state,
    toc: tocHrefs('', detail.tree, state), // relative: the page's own query stays
    // "Alle aufklappen" / "Alle zuklappen": the page itself with or without ?alle=1.
    toggleAllHref: state.all ? url.pathname : `${url.pathname}?${ALL_SECTIONS_PARAM}=1`,
  };
  return { detail, hasOrganisation, organisation, sections, frozenEditions: await listEditions(db, detail.catalogue.id) };
};
