/**
 * Search state in the query string (shareable URLs): parsing with Zod, German error messages,
 * and serialising back (for links that add or remove a filter, change the page or the sort).
 *
 *   q, katalog, handlungsfeld, ziel, dimension, zielgruppe, akteur, einheit, richtung, status,
 *   neu, sort, seite (the API also accepts page and limit)
 *
 * List parameters may repeat (`katalog=a&katalog=b`, as checkboxes submit them) or be
 * comma-separated (`katalog=a,b`).
 */
import { z } from 'zod';
import { DIRECTIONS, FACETS, NEW_VALUE, type Direction, type FacetName } from './facets';
import { MAX_QUERY_LENGTH, normaliseQuery } from './tokenize';

export const SORTS = ['relevanz', 'nummer', 'aenderung'] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_PAGE = 500;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
const MAX_VALUES = 30;

export interface SearchState {
  q: string;
  katalog: string[];
  handlungsfeld: string[];
  ziel: string[];
  dimension: string[];
  zielgruppe: string[];
  akteur: string[];
  einheit: string[];
  richtung: Direction[];
  status: string[];
  neu: boolean;
  /** Sort as requested; null = default (relevance with a query, else document order). */
  sort: Sort | null;
  seite: number;
  /** Page size (API only; the page always shows DEFAULT_PAGE_SIZE). */
  limit: number;
  /** Include gaps ("keine explizite Maßnahme formuliert"); off by default. */
  luecken: boolean;
}

export interface ParamError {
  param: string;
  message: string;
}

export type ParseResult = { ok: true; state: SearchState } | { ok: false; state: SearchState; errors: ParamError[] };

export function defaultState(): SearchState {
  return {
    q: '',
    katalog: [],
    handlungsfeld: [],
    ziel: [],
    dimension: [],
    zielgruppe: [],
    akteur: [],
    einheit: [],
    richtung: [],
    status: [],
    neu: false,
    sort: null,
    seite: 1,
    limit: DEFAULT_PAGE_SIZE,
    luecken: false,
  };
}

const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');
const slugList = z.array(slug).max(MAX_VALUES, `höchstens ${MAX_VALUES} Werte`);
const yes = z.enum([NEW_VALUE, '1', 'true', 'on'], { message: `erlaubt ist nur „${NEW_VALUE}“` });

const schemas = {
  q: z.string().max(MAX_QUERY_LENGTH * 5, `höchstens ${MAX_QUERY_LENGTH} Zeichen`),
  list: slugList,
  richtung: z.array(z.enum(DIRECTIONS, { message: `erlaubt sind ${DIRECTIONS.map((d) => `„${d}“`).join(' und ')}` })),
  neu: yes,
  luecken: yes,
  sort: z.enum(SORTS, { message: `erlaubt sind ${SORTS.map((s) => `„${s}“`).join(', ')}` }),
  seite: z.coerce
    .number({ message: 'muss eine ganze Zahl sein' })
    .int('muss eine ganze Zahl sein')
    .min(1, 'muss mindestens 1 sein')
    .max(MAX_PAGE, `darf höchstens ${MAX_PAGE} sein`),
  limit: z.coerce
    .number({ message: 'muss eine ganze Zahl sein' })
    .int('muss eine ganze Zahl sein')
    .min(1, 'muss mindestens 1 sein')
    .max(MAX_PAGE_SIZE, `darf höchstens ${MAX_PAGE_SIZE} sein`),
};

const LIST_FACETS = FACETS.map((f) => f.name).filter((n) => n !== 'richtung' && n !== 'neu') as Exclude<
  FacetName,
  'richtung' | 'neu'
>[];

function values(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The first value of a single-valued parameter; empty values count as absent. */
function single(params: URLSearchParams, ...names: string[]): { name: string; value: string } | null {
  for (const name of names) {
    const value = params.getAll(name).find((v) => v.trim() !== '');
    if (value !== undefined) return { name, value: value.trim() };
  }
  return null;
}

function describe(param: string, issue: z.core.$ZodIssue, raw: unknown): string {
  const at = issue.path.length && typeof issue.path[0] === 'number' && Array.isArray(raw) ? raw[issue.path[0]] : raw;
  const shown = typeof at === 'string' ? `„${at.length > 40 ? `${at.slice(0, 40)}…` : at}“` : '';
  return `Ungültiger Wert ${shown ? `${shown} ` : ''}für „${param}“: ${issue.message}.`.replace(/\s+/g, ' ');
}

/**
 * Parses the query string. Invalid parameters are reported (German messages) and dropped from
 * the returned state, so the page can still show a search with the valid rest.
 * `api: true` also accepts `page` (for `seite`) and `limit`.
 */
export function parseSearchParams(params: URLSearchParams, options: { api?: boolean } = {}): ParseResult {
  const state = defaultState();
  const errors: ParamError[] = [];
  const check = <T>(param: string, schema: z.ZodType<T>, raw: unknown): T | undefined => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    errors.push({ param, message: describe(param, result.error.issues[0]!, raw) });
    return undefined;
  };

  const q = single(params, 'q');
  if (q) {
    const value = check('q', schemas.q, q.value);
    if (value !== undefined) state.q = normaliseQuery(value);
  }
  for (const name of LIST_FACETS) {
    const raw = [...new Set(values(params, name))];
    if (!raw.length) continue;
    const value = check(name, schemas.list, raw);
    if (value) state[name] = value;
  }
  const richtung = [...new Set(values(params, 'richtung'))];
  if (richtung.length) state.richtung = check('richtung', schemas.richtung, richtung) ?? [];
  const neu = single(params, 'neu');
  if (neu) state.neu = check('neu', schemas.neu, neu.value) !== undefined;
  const luecken = single(params, 'luecken');
  if (luecken) state.luecken = check('luecken', schemas.luecken, luecken.value) !== undefined;
  const sort = single(params, 'sort');
  if (sort) state.sort = check('sort', schemas.sort, sort.value) ?? null;
  const page = options.api ? single(params, 'page', 'seite') : single(params, 'seite');
  if (page) state.seite = check(page.name, schemas.seite, page.value) ?? 1;
  if (options.api) {
    const limit = single(params, 'limit');
    if (limit) state.limit = check('limit', schemas.limit, limit.value) ?? DEFAULT_PAGE_SIZE;
  }
  return errors.length ? { ok: false, state, errors } : { ok: true, state };
}

/** The sort actually used: relevance needs a query. */
export function effectiveSort(state: Pick<SearchState, 'q' | 'sort'>): Sort {
  if (state.sort === 'relevanz' && !state.q) return 'nummer';
  return state.sort ?? (state.q ? 'relevanz' : 'nummer');
}

/** Facet filters that are set, as [name, values]. */
export function activeFilters(state: SearchState): [FacetName, string[]][] {
  const out: [FacetName, string[]][] = [];
  for (const { name } of FACETS) {
    if (name === 'neu') {
      if (state.neu) out.push([name, [NEW_VALUE]]);
    } else if (state[name].length) out.push([name, state[name]]);
  }
  return out;
}

export type StateChange = Partial<Omit<SearchState, 'limit'>>;

/**
 * Canonical query string for a state (defaults left out, fixed parameter order), so equal
 * searches have equal URLs. Changing anything but the page goes back to page 1.
 */
export function toQueryString(state: SearchState, change: StateChange = {}, options: { api?: boolean } = {}): string {
  const next: SearchState = { ...state, ...change };
  if (!('seite' in change)) next.seite = 1;
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const { name } of FACETS) {
    if (name === 'neu') {
      if (next.neu) params.set('neu', NEW_VALUE);
    } else for (const v of next[name]) params.append(name, v);
  }
  if (next.luecken) params.set('luecken', NEW_VALUE);
  if (next.sort && next.sort !== effectiveSort({ q: next.q, sort: null })) params.set('sort', next.sort);
  if (next.seite > 1) params.set(options.api ? 'page' : 'seite', String(next.seite));
  if (options.api && next.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(next.limit));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The state with one facet value removed (or added). */
export function toggleValue(state: SearchState, facet: FacetName, value: string): StateChange {
  if (facet === 'neu') return { neu: !state.neu };
  const current = state[facet] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { [facet]: next } as StateChange;
}
