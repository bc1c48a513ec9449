/**
 * The search's facets: query-string name, key prefix in search_documents.facet_keys, and the
 * kind of values (slugs of catalogues, nodes, target groups and actors; fixed codes otherwise).
 * Facets combine with AND; values within one facet with OR.
 */
export const FACETS = [
  { name: 'katalog', prefix: 'k' },
  { name: 'handlungsfeld', prefix: 'hf' },
  { name: 'ziel', prefix: 'z' },
  { name: 'dimension', prefix: 'd' },
  { name: 'zielgruppe', prefix: 'tg' },
  { name: 'akteur', prefix: 'a' },
  { name: 'einheit', prefix: 'e' },
  { name: 'richtung', prefix: 'r' },
  { name: 'status', prefix: 's' },
  { name: 'neu', prefix: 'n' },
] as const;

export type FacetName = (typeof FACETS)[number]['name'];
export type FacetPrefix = (typeof FACETS)[number]['prefix'];

export const FACET_NAMES = FACETS.map((f) => f.name) as FacetName[];

export const DIRECTIONS = ['innen', 'aussen'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The one value of the "neu" facet. */
export const NEW_VALUE = 'ja';

export function facetByPrefix(prefix: string) {
  return FACETS.find((f) => f.prefix === prefix);
}

export interface FacetValue {
  /** Value as used in the query string (slug or code). */
  value: string;
  label: string;
  /** Measures in the current result that have the value, counted with all *other* filters applied. */
  count: number;
  selected: boolean;
  /** Further information, e.g. the Handlungsfeld of a Handlungsziel. */
  context?: string | null;
}

export type Facets = Record<FacetName, FacetValue[]>;

export function emptyFacets(): Facets {
  return Object.fromEntries(FACET_NAMES.map((n) => [n, []])) as unknown as Facets;
}
