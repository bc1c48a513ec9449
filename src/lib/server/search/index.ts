/**
 * Search domain (framework-free): German full-text search over all catalogues with facets.
 * - tokenize.ts: query → words and numbers; params.ts: query-string state (Zod);
 * - lexicon.ts: typo tolerance, transliteration, completion, compounds via search_terms;
 * - tsquery.ts: tsquery text; search.ts: the search; snippet.ts: highlighted segments;
 * - refresh.ts: the index is kept in sync by the database (drizzle/0003_search_index.sql).
 */
export { searchMeasures, type SearchItem, type SearchResult, type SearchOptions } from './search';
export {
  parseSearchParams,
  toQueryString,
  toggleValue,
  activeFilters,
  effectiveSort,
  defaultState,
  SORTS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SearchState,
  type Sort,
  type ParamError,
  type ParseResult,
  type StateChange,
} from './params';
export { FACETS, FACET_NAMES, DIRECTIONS, NEW_VALUE, type FacetName, type FacetValue, type Facets } from './facets';
export { tokenizeQuery, normaliseQuery, type QueryToken } from './tokenize';
export type { SnippetSegment } from './snippet';
export type { Correction } from './tsquery';
export { refreshSearchIndex, searchIndexStats } from './refresh';
