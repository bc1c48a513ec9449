/**
 * The search page without a query or filter: a short landing (entry links by catalogue and
 * for the most frequent target groups, a link to the full list) instead of every facet and the
 * first results, which made the bare /suche page the heaviest page of the site.
 */
import { defaultState, toQueryString, type SearchState } from './params';
import type { SearchView } from './view';

/** How many target groups the landing offers (the most frequent ones). */
export const LANDING_TARGET_GROUPS = 8;

export interface LandingLink {
  label: string;
  count: number;
  href: string;
}

export interface SearchLanding {
  total: number;
  catalogues: LandingLink[];
  targetGroups: LandingLink[];
  /** The full, filterable list (document order). */
  allHref: string;
}

/** No query, no filter, no sort, first page: the landing is shown instead of results. */
export function isLanding(state: SearchState, hasErrors = false): boolean {
  if (hasErrors) return false;
  const blank = defaultState();
  return (
    state.q === '' &&
    state.sort === null &&
    state.seite === 1 &&
    !state.neu &&
    !state.luecken &&
    (['katalog', 'handlungsfeld', 'ziel', 'dimension', 'zielgruppe', 'akteur', 'einheit', 'richtung', 'status'] as const).every(
      (name) => state[name].length === blank[name].length,
    )
  );
}

/**
 * The landing's links, and the view trimmed to what the page still renders (form state and
 * the count): no result items, no facet lists in the page data.
 */
export function buildSearchLanding(path: string, view: SearchView): { landing: SearchLanding; view: SearchView } {
  const link = (state: Partial<SearchState>) => `${path}${toQueryString(defaultState(), state)}`;
  const facet = (name: 'katalog' | 'zielgruppe') => view.result.facets[name].filter((v) => v.count > 0);
  const landing: SearchLanding = {
    total: view.result.total,
    catalogues: facet('katalog').map((v) => ({ label: v.label, count: v.count, href: link({ katalog: [v.value] }) })),
    targetGroups: [...facet('zielgruppe')]
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'de'))
      .slice(0, LANDING_TARGET_GROUPS)
      .map((v) => ({ label: v.label, count: v.count, href: link({ zielgruppe: [v.value] }) })),
    // Spelled out: toQueryString leaves the default sort out, and the bare path is this landing.
    allHref: `${path}?sort=nummer`,
  };
  const empty = Object.fromEntries(Object.keys(view.result.facets).map((k) => [k, []])) as unknown as SearchView['result']['facets'];
  return {
    landing,
    view: { ...view, facets: [], pages: [], prevHref: null, nextHref: null, result: { ...view.result, items: [], facets: empty } },
  };
}
