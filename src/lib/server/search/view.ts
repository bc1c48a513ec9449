/**
 * What the search page shows, computed on the server (links that add or remove a filter, pages,
 * the suggestion), so the page works as plain HTML and its components stay simple.
 */
import { FACETS, type FacetName, type FacetValue } from './facets';
import { activeFilters, toQueryString, toggleValue, type ParamError, type SearchState } from './params';
import type { SearchResult } from './search';

/** Display order of the facets on the page. */
export const FACET_ORDER: FacetName[] = ['katalog', 'handlungsfeld', 'ziel', 'dimension', 'einheit', 'zielgruppe', 'akteur', 'richtung', 'status', 'neu'];

export interface FacetView {
  name: FacetName;
  values: (FacetValue & { href: string })[];
}

export interface SearchView {
  state: SearchState;
  errors: ParamError[];
  result: SearchResult;
  facets: FacetView[];
  active: { facet: FacetName; value: string; label: string; href: string }[];
  clearHref: string | null;
  pages: { page: number; href: string; current: boolean }[];
  prevHref: string | null;
  nextHref: string | null;
  suggestionHref: string | null;
  /** Any filter or query set (else the page lists all measures). */
  searching: boolean;
}

export function buildSearchView(path: string, state: SearchState, result: SearchResult, errors: ParamError[] = []): SearchView {
  const href = (change: Parameters<typeof toQueryString>[1]) => `${path}${toQueryString(state, change)}`;
  const facets: FacetView[] = FACET_ORDER.map((name) => ({
    name,
    values: result.facets[name].map((v) => ({ ...v, href: href(toggleValue(state, name, v.value)) })),
  })).filter((f) => f.values.length > 0);

  const labelOf = (facet: FacetName, value: string) => result.facets[facet].find((v) => v.value === value)?.label ?? value;
  const active = activeFilters(state).flatMap(([facet, values]) =>
    values.map((value) => ({ facet, value, label: labelOf(facet, value), href: href(toggleValue(state, facet, value)) })),
  );
  const cleared = Object.fromEntries(FACETS.map((f) => [f.name, f.name === 'neu' ? false : []]));

  const pageCount = result.pageCount;
  const current = Math.min(state.seite, pageCount);
  const window = new Set([1, pageCount, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= pageCount));
  const pages = [...window].sort((a, b) => a - b).map((p) => ({ page: p, href: href({ seite: p }), current: p === state.seite }));

  return {
    state,
    errors,
    result,
    facets,
    active,
    clearHref: active.length ? href(cleared) : null,
    pages: pageCount > 1 ? pages : [],
    prevHref: state.seite > 1 && state.seite <= pageCount ? href({ seite: state.seite - 1 }) : null,
    nextHref: state.seite < pageCount ? href({ seite: state.seite + 1 }) : null,
    suggestionHref: result.query.suggestion ? href({ q: result.query.suggestion }) : null,
    searching: Boolean(state.q) || active.length > 0,
  };
}
