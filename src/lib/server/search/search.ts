/**
 * One search over all catalogues of a municipality: German full text with typo tolerance,
 * completion and compound help (see lexicon.ts), ranking by field weight (title/number A,
 * description/goals B, target group/status/actors C, remarks/extra D) plus exact-number
 * matches, highlighted snippets, facets with counts, sort and pagination.
 *
 * Queries per search: one lexicon look-up (only with words in the query), one main statement
 * (matches, page, total and all facet counts from one materialised set), and one more only
 * when no measure contains all words (then any word may match).
 *
 * Facet counts follow the usual rule for combinable filters: the count of a value is the number
 * of measures that would match if that value were selected in addition, i.e. counted with all
 * *other* facets' filters applied (AND across facets, OR within one).
 */
import type { Db } from '../db/connection';
import { FACETS, emptyFacets, type FacetPrefix, type Facets, type FacetValue } from './facets';
import { resolveWords, type ResolvedWord } from './lexicon';
import { effectiveSort, type SearchState, type Sort } from './params';
import { runPrepared, type Param, type PreparedStatement } from './prepared';
import { HEADLINE_OPTIONS, hasHit, parseHeadline, plainSnippet, type SnippetSegment } from './snippet';
import { textArray } from './sql-util';
import { tokenizeQuery, type QueryToken } from './tokenize';
import { buildQuery, suggestQuery, type BuiltQuery, type Correction } from './tsquery';

/** Field weights for ts_rank: {D, C, B, A}. */
const WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

export interface SearchItem {
  id: string;
  slug: string;
  title: string;
  number: string | null;
  catalogue: { slug: string; title: string; kind: string };
  /** Path of the public detail page. */
  url: string;
  /** Primary place in the catalogue's structure ("Bildung › A › A1"). */
  place: string | null;
  snippet: SnippetSegment[];
  isNew: boolean;
  isGap: boolean;
  directionInward: boolean;
  directionOutward: boolean;
  state: { code: string; label: string };
  responsible: string[];
  updatedAt: string;
  /** Relevance (only when searching for words). */
  score: number | null;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: Sort;
  items: SearchItem[];
  facets: Facets;
  query: {
    text: string;
    tokens: QueryToken[];
    /** Words replaced by similar lexicon words (typo tolerance). */
    corrections: Correction[];
    /** "Meinten Sie …?" */
    suggestion: string | null;
    /** False when no measure contains all words and the result shows measures with some of them. */
    matchedAllTerms: boolean;
  };
}

export interface SearchOptions {
  municipality?: string;
  /** Public detail path of a measure; defaults to /kataloge/{catalogue}/massnahme/{measure}. */
  measureUrl?: (catalogueSlug: string, measureSlug: string) => string;
}

interface MainRow {
  result: {
    total: number;
    items: ItemRow[] | null;
    facets: FacetRow[] | null;
  };
}

interface ItemRow {
  id: string;
  slug: string;
  title: string;
  number: string | null;
  catalogue_slug: string;
  catalogue_title: string;
  catalogue_kind: string;
  place: string | null;
  snippet: string | null;
  is_new: boolean;
  is_gap: boolean;
  direction_inward: boolean;
  direction_outward: boolean;
  state_code: string;
  state_label: string | null;
  responsible: string[] | null;
  updated_at: string;
  score: number | null;
}

interface FacetRow {
  f: FacetPrefix;
  value: string;
  label: string | null;
  context: string | null;
  count: number;
  selected: boolean;
  o1: number | null;
  o2: number | null;
}

const defaultMeasureUrl = (c: string, m: string) => `/kataloge/${encodeURIComponent(c)}/massnahme/${encodeURIComponent(m)}`;

export async function searchMeasures(db: Db, state: SearchState, options: SearchOptions = {}): Promise<SearchResult> {
  const municipality = options.municipality ?? 'herne';
  const measureUrl = options.measureUrl ?? defaultMeasureUrl;
  const sort = effectiveSort(state);
  const tokens = tokenizeQuery(state.q);
  const resolved: ResolvedWord[] = tokens.some((t) => t.kind === 'word') ? await resolveWords(db, tokens) : [];
  const built = buildQuery(tokens, resolved);
  // A query of stop words only ("und die") searches nothing: show everything.
  const textQuery = state.q && built.full ? built : null;

  let matchedAllTerms = true;
  let main = await runMain(db, state, sort, municipality, textQuery ? { tsq: textQuery.full!, strict: textQuery.strict, numbers: textQuery.numbers } : null);
  if (textQuery && main.total === 0 && textQuery.any) {
    const fallback = await runMain(db, state, sort, municipality, { tsq: textQuery.any, strict: textQuery.strict, numbers: textQuery.numbers });
    if (fallback.total > 0) {
      main = fallback;
      matchedAllTerms = false;
    }
  }

  let suggestion = state.q && (main.total === 0 || built.corrections.length || !matchedAllTerms) ? suggestQuery(state.q, resolved, built.covered) : null;
  if (suggestion && suggestion.toLocaleLowerCase('de-DE') === state.q.toLocaleLowerCase('de-DE')) suggestion = null;

  const items = (main.items ?? []).map((r): SearchItem => {
    const headline = r.snippet == null ? [] : textQuery ? parseHeadline(r.snippet) : plainSnippet(r.snippet);
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      number: r.number,
      catalogue: { slug: r.catalogue_slug, title: r.catalogue_title, kind: r.catalogue_kind },
      url: measureUrl(r.catalogue_slug, r.slug),
      place: r.place,
      // Without a hit in the text, the beginning of the description says more than a random fragment.
      snippet: textQuery && !hasHit(headline) ? plainSnippet(headline.map((s) => s.text).join('')) : headline,
      isNew: r.is_new,
      isGap: r.is_gap,
      directionInward: r.direction_inward,
      directionOutward: r.direction_outward,
      state: { code: r.state_code, label: r.state_label ?? r.state_code },
      responsible: r.responsible ?? [],
      updatedAt: new Date(r.updated_at).toISOString(),
      score: r.score == null ? null : Math.round(r.score * 10000) / 10000,
    };
  });

  return {
    total: main.total,
    page: state.seite,
    pageSize: state.limit,
    pageCount: Math.max(1, Math.ceil(main.total / state.limit)),
    sort,
    items,
    facets: toFacets(main.facets ?? [], state),
    query: { text: state.q, tokens, corrections: built.corrections, suggestion, matchedAllTerms },
  };
}

interface TextQuery {
  tsq: string;
  strict: string | null;
  numbers: string[];
}

/** How many of the best first-scored matches are ranked on their full text. */
const RANK_CANDIDATES = 60;

/**
 * The main statement (prepared once per session, see prepared.ts):
 * - m: the matches (text query via the GIN index, or all published measures) with a first
 *   score from the small inline `head` (title and numbers) and, per facet, whether the measure
 *   passes that facet's filter;
 * - cand: the RANK_CANDIDATES best of them ranked on the full, weighted tsvector;
 * - page, total and the facet counts (each value counted with the other facets' filters) from
 *   the same materialised set; labels from the vocabulary, matched by the keys' hashes.
 *
 * $1 municipality, $2 tsquery, $3 strict tsquery, $4 number tokens, $5–$13 selected values of
 * katalog, handlungsfeld, ziel, dimension, zielgruppe, akteur, einheit, richtung, status,
 * $14 neu, $15 include gaps, $16 sort, $17 limit, $18 offset.
 */
function mainStatement(withText: boolean): PreparedStatement {
  const facets = ['k', 'hf', 'z', 'd', 'tg', 'a', 'e', 'r', 's'] as const;
  const all = [...facets, 'n'];
  const ok = facets
    .map((f, i) => `(cardinality($${i + 5}::text[]) = 0 OR d.facets && coalesce(w.${f}, '{}'::uuid[])) AS ok_${f}`)
    .concat([`(NOT $14::boolean OR d.facets && ARRAY[vielfalt_search_key('n:ja')]) AS ok_n`]);
  const pre = withText
    ? `CASE WHEN d.numbers && $4::text[] THEN 2 ELSE 0 END + CASE WHEN d.head @@ $2::tsquery THEN 1 ELSE 0 END
             + coalesce(CASE WHEN d.head @@ $3::tsquery THEN 0.5 ELSE 0 END, 0) + ts_rank('{0, 0, 0, 1}', d.head, $2::tsquery)`
    : 'NULL::float4';
  return {
    name: withText ? 'vielfalt_search_text_v3' : 'vielfalt_search_all_v3',
    types: ['text', 'tsquery', 'tsquery', 'text[]', ...facets.map(() => 'text[]'), 'boolean', 'boolean', 'text', 'int', 'int'],
    // On PGlite the generic plan would scan every document (it cannot see that reading a
    // tsvector stored out of line is expensive): the GIN index is always the better way in.
    settings: withText ? { enable_seqscan: 'off' } : {},
    text: `
    WITH mun AS (SELECT id FROM municipalities WHERE slug = $1::text),
    cat AS (SELECT c.id, c.slug, c.title, c.kind, c.position FROM catalogues c JOIN mun ON c.municipality_id = mun.id),
    sel AS (
      SELECT 'k'::text AS f, c.id AS key FROM cat c WHERE c.slug = ANY ($5::text[])
      UNION ALL
      SELECT CASE n.type WHEN 'handlungsfeld' THEN 'hf' WHEN 'dimension' THEN 'd' ELSE 'z' END, n.id
      FROM nodes n JOIN cat c ON c.id = n.catalogue_id
      WHERE cardinality($6::text[]) + cardinality($7::text[]) + cardinality($8::text[]) > 0
        AND ((n.type = 'handlungsfeld' AND n.slug = ANY ($6::text[]))
          OR (n.type IN ('leitziel', 'handlungsziel') AND n.slug = ANY ($7::text[]))
          OR (n.type = 'dimension' AND n.slug = ANY ($8::text[])))
      UNION ALL
      SELECT 'tg', g.id FROM target_groups g JOIN mun ON g.municipality_id = mun.id
      WHERE cardinality($9::text[]) > 0 AND g.slug = ANY ($9::text[])
      UNION ALL
      SELECT 'a', a.id FROM actors a JOIN mun ON a.municipality_id = mun.id
      WHERE cardinality($10::text[]) > 0 AND a.slug = ANY ($10::text[])
      UNION ALL
      SELECT DISTINCT 'e', vielfalt_search_key('e:' || n.title) FROM nodes n JOIN cat c ON c.id = n.catalogue_id
      WHERE cardinality($11::text[]) > 0 AND n.type IN ('dezernat', 'organisationseinheit')
        AND vielfalt_search_slug(n.title) = ANY ($11::text[])
      UNION ALL SELECT 'r', vielfalt_search_key('r:' || x) FROM unnest($12::text[]) AS x
      UNION ALL SELECT 's', vielfalt_search_key('s:' || x) FROM unnest($13::text[]) AS x
      UNION ALL SELECT 'n', vielfalt_search_key('n:ja') WHERE $14::boolean
    ),
    w AS MATERIALIZED (
      SELECT ${facets.map((f) => `array_agg(key) FILTER (WHERE f = '${f}') AS ${f}`).join(', ')} FROM sel
    ),
    m AS MATERIALIZED (
      SELECT d.measure_id, d.facets, d.position, d.updated_at,
             array_position(ARRAY(SELECT id FROM cat ORDER BY position, id), d.catalogue_id) AS cpos,
             ${pre} AS pre,
             ${ok.join(',\n             ')}
      FROM search_documents d CROSS JOIN w
      WHERE d.municipality_id = (SELECT id FROM mun) AND d.published AND ($15::boolean OR NOT d.is_gap)${withText ? ' AND d.tsv @@ $2::tsquery' : ''}
    ),
    m2 AS MATERIALIZED (
      SELECT m.measure_id, m.facets, m.position, m.updated_at, m.cpos, m.pre,
             ${all.map((f) => `(NOT ok_${f})::int`).join(' + ')} AS fails,
             CASE ${all.map((f) => `WHEN NOT ok_${f} THEN '${f}'`).join(' ')} END AS failing
      FROM m
    ),
    hits AS MATERIALIZED (SELECT measure_id, position, updated_at, cpos, pre FROM m2 WHERE fails = 0),
    ${
      withText
        ? `cand AS MATERIALIZED (
      SELECT b.measure_id,
             b.pre + ts_rank('${WEIGHTS}', d.tsv, $2::tsquery) + coalesce(2 * ts_rank('${WEIGHTS}', d.tsv, $3::tsquery), 0) AS score
      FROM (SELECT measure_id, pre FROM hits WHERE $16::text = 'relevanz'
            ORDER BY pre DESC, cpos, position, measure_id LIMIT ${RANK_CANDIDATES}) b
      JOIN search_documents d ON d.measure_id = b.measure_id
    ),
    ranked AS (
      SELECT hits.*, coalesce(cand.score, hits.pre) AS score FROM hits LEFT JOIN cand ON cand.measure_id = hits.measure_id
    ),`
        : `ranked AS (SELECT hits.*, NULL::float4 AS score FROM hits),`
    }
    page AS (
      SELECT measure_id, score, row_number() OVER (ORDER BY ${ORDER}) AS ord
      FROM ranked ORDER BY ${ORDER} LIMIT $17::int OFFSET $18::int
    ),
    counts AS MATERIALIZED (
      SELECT key, CASE WHEN m2.fails = 1 THEN m2.failing END AS failing, count(*)::int AS n
      FROM m2 CROSS JOIN LATERAL unnest(m2.facets) AS key
      WHERE m2.fails <= 1
      GROUP BY 1, 2
    ),
    ckeys AS (SELECT key FROM counts UNION SELECT key FROM sel),
    lab AS (
      SELECT k.key, 'k'::text AS f, c.slug AS value, c.title AS label, NULL::text AS context, c.position AS o1, NULL::int AS o2
      FROM ckeys k JOIN cat c ON c.id = k.key
      UNION ALL
      SELECT k.key, CASE n.type WHEN 'handlungsfeld' THEN 'hf' WHEN 'dimension' THEN 'd' ELSE 'z' END, n.slug,
             CASE WHEN n.type IN ('leitziel', 'handlungsziel') THEN coalesce(n.code, n.title) ELSE n.title END,
             CASE WHEN n.type IN ('leitziel', 'handlungsziel') THEN
               CASE WHEN p1.type = 'handlungsfeld' THEN p1.title ELSE p2.title END END,
             c.position, n.position
      FROM ckeys k JOIN nodes n ON n.id = k.key JOIN cat c ON c.id = n.catalogue_id
      LEFT JOIN nodes p1 ON p1.id = n.parent_id
      LEFT JOIN nodes p2 ON p2.id = p1.parent_id
      WHERE n.type IN ('handlungsfeld', 'leitziel', 'handlungsziel', 'dimension')
      UNION ALL
      SELECT k.key, 'tg', g.slug, g.name, NULL, NULL, NULL FROM ckeys k JOIN target_groups g ON g.id = k.key
      UNION ALL
      SELECT k.key, 'a', a.slug, a.name, NULL, NULL, NULL FROM ckeys k JOIN actors a ON a.id = k.key
      UNION ALL
      SELECT k.key, 'e', vielfalt_search_slug(u.title), u.title, NULL, u.o1, NULL
      FROM ckeys k CROSS JOIN LATERAL (
        SELECT n.title, CASE WHEN n.type = 'dezernat' THEN 0 ELSE 1 END AS o1
        FROM nodes n JOIN cat c ON c.id = n.catalogue_id
        WHERE vielfalt_search_key('e:' || n.title) = k.key AND n.type IN ('dezernat', 'organisationseinheit')
        LIMIT 1) u
      UNION ALL
      SELECT k.key, 's', st.code, st.label, NULL, st.position, NULL
      FROM ckeys k JOIN (SELECT vielfalt_search_key('s:' || code) AS key, * FROM measure_states) st ON st.key = k.key
      UNION ALL
      SELECT k.key, x.f, x.v, NULL, NULL, NULL, NULL
      FROM ckeys k JOIN (SELECT f, v, vielfalt_search_key(f || ':' || v) AS key
                         FROM (VALUES ('r', 'innen'), ('r', 'aussen'), ('n', 'ja')) AS c(f, v)) x ON x.key = k.key
    ),
    fv AS (
      SELECT l.key, l.f, l.value, l.label, l.context, l.o1, l.o2, sum(c.n)::int AS n
      FROM counts c JOIN lab l ON l.key = c.key
      WHERE c.failing IS NULL OR c.failing = l.f
      GROUP BY l.key, l.f, l.value, l.label, l.context, l.o1, l.o2
    ),
    chosen AS (
      SELECT l.key, l.f, l.value, l.label, l.context, l.o1, l.o2, 0 AS n
      FROM sel JOIN lab l ON l.key = sel.key AND l.f = sel.f
      WHERE NOT EXISTS (SELECT 1 FROM fv WHERE fv.key = sel.key)
    )
    SELECT json_build_object(
      'total', (SELECT count(*)::int FROM hits),
      'items', (
        SELECT json_agg(json_build_object(
          'id', ms.id, 'slug', ms.slug, 'title', ms.title, 'number', ms.number,
          'catalogue_slug', c.slug, 'catalogue_title', c.title, 'catalogue_kind', c.kind,
          'place', d.place,
          'snippet', ${withText ? `ts_headline('vielfalt_german', left(d.snippet_text, 2000), $2::tsquery, '${HEADLINE_OPTIONS}')` : 'left(d.snippet_text, 400)'},
          'is_new', ms.is_new, 'is_gap', ms.is_gap,
          'direction_inward', ms.direction_inward, 'direction_outward', ms.direction_outward,
          'state_code', ms.state_code, 'state_label', st.label,
          'responsible', ARRAY(SELECT a.name FROM measure_actors ma JOIN actors a ON a.id = ma.actor_id
                               WHERE ma.measure_id = ms.id AND ma.role = 'verantwortlich' ORDER BY ma.position, a.name),
          'updated_at', ms.updated_at,
          'score', p.score
        ) ORDER BY p.ord)
        FROM page p
        JOIN measures ms ON ms.id = p.measure_id
        JOIN search_documents d ON d.measure_id = p.measure_id
        JOIN cat c ON c.id = ms.catalogue_id
        LEFT JOIN measure_states st ON st.code = ms.state_code
      ),
      'facets', (
        SELECT json_agg(json_build_object(
          'f', x.f, 'value', x.value, 'label', x.label, 'context', x.context, 'count', x.n,
          'selected', EXISTS (SELECT 1 FROM sel WHERE sel.key = x.key AND sel.f = x.f), 'o1', x.o1, 'o2', x.o2))
        FROM (SELECT * FROM fv UNION ALL SELECT * FROM chosen) x
      )
    ) AS result`,
  };
}

const ORDER = `CASE WHEN $16::text = 'relevanz' THEN score END DESC NULLS LAST,
  CASE WHEN $16::text = 'aenderung' THEN updated_at END DESC NULLS LAST, cpos, position, measure_id`;

export const MAIN_TEXT = mainStatement(true);
export const MAIN_ALL = mainStatement(false);

async function runMain(db: Db, state: SearchState, sort: Sort, municipality: string, text: TextQuery | null) {
  const params: Param[] = [
    municipality,
    text?.tsq ?? null,
    text?.strict ?? null,
    textArray(text?.numbers ?? []),
    textArray(state.katalog),
    textArray(state.handlungsfeld),
    textArray(state.ziel),
    textArray(state.dimension),
    textArray(state.zielgruppe),
    textArray(state.akteur),
    textArray(state.einheit),
    textArray(state.richtung),
    textArray(state.status),
    state.neu,
    state.luecken,
    sort,
    state.limit,
    (state.seite - 1) * state.limit,
  ];
  const [row] = await runPrepared<MainRow>(db, text ? MAIN_TEXT : MAIN_ALL, params);
  const result = row?.result ?? { total: 0, items: null, facets: null };
  return { total: Number(result.total), items: result.items, facets: result.facets };
}

const STATIC_LABELS: Partial<Record<FacetPrefix, Record<string, string>>> = {
  r: { innen: 'nach innen', aussen: 'nach außen' },
  n: { ja: 'neu' },
};

/** Facet rows → facets per query-string name, ordered for display. */
function toFacets(rows: FacetRow[], state: SearchState): Facets {
  const facets = emptyFacets();
  for (const f of FACETS) {
    const values = rows
      .filter((r) => r.f === f.prefix && r.value != null)
      .map((r): FacetValue & { o1: number | null; o2: number | null } => ({
        value: r.value,
        label: r.label ?? STATIC_LABELS[f.prefix]?.[r.value] ?? r.value,
        count: r.count,
        selected: r.selected,
        context: r.context ?? null,
        o1: r.o1,
        o2: r.o2,
      }));
    // Selected values the database does not know (stale links): still shown, so they can be removed.
    const chosen = f.name === 'neu' ? (state.neu ? ['ja'] : []) : (state[f.name] as string[]);
    for (const value of chosen)
      if (!values.some((v) => v.value === value))
        values.push({ value, label: STATIC_LABELS[f.prefix]?.[value] ?? value, count: 0, selected: true, context: null, o1: null, o2: null });
    const structural = f.prefix === 'k' || f.prefix === 'hf' || f.prefix === 'z' || f.prefix === 'd' || f.prefix === 's' || f.prefix === 'e';
    values.sort((a, b) => {
      if (f.prefix === 'r') return a.value === 'innen' ? -1 : 1;
      if (structural) return (a.o1 ?? 1e9) - (b.o1 ?? 1e9) || (a.o2 ?? 1e9) - (b.o2 ?? 1e9) || a.label.localeCompare(b.label, 'de');
      return b.count - a.count || a.label.localeCompare(b.label, 'de');
    });
    facets[f.name] = values.map(({ o1: _o1, o2: _o2, ...v }) => v);
  }
  return facets;
}

export type { BuiltQuery };
