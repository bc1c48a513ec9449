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
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { FACETS, emptyFacets, type FacetName, type FacetPrefix, type Facets, type FacetValue } from './facets';
import { resolveWords, type ResolvedWord } from './lexicon';
import { effectiveSort, type SearchState, type Sort } from './params';
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

  let suggestion = state.q && (main.total === 0 || built.corrections.length || !matchedAllTerms) ? suggestQuery(state.q, resolved) : null;
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

const NODE_FACETS: Record<string, string> = { hf: "n.type = 'handlungsfeld'", z: "n.type IN ('leitziel', 'handlungsziel')", d: "n.type = 'dimension'" };

async function runMain(db: Db, state: SearchState, sort: Sort, municipality: string, text: TextQuery | null) {
  const active = FACETS.filter((f) => (f.name === 'neu' ? state.neu : (state[f.name] as string[]).length > 0));
  const list = (name: Exclude<FacetName, 'neu'>) => sql`${textArray(state[name] as string[])}::text[]`;

  // Keys of the selected values, per facet (slugs → ids).
  const selected: SQL[] = [sql`SELECT NULL::text AS f, NULL::text AS key WHERE false`];
  for (const f of active) {
    switch (f.prefix) {
      case 'k':
        selected.push(sql`SELECT 'k', 'k:' || c.id FROM cat c WHERE c.slug = ANY(${list('katalog')})`);
        break;
      case 'hf':
      case 'z':
      case 'd': {
        const values = list(f.name as 'handlungsfeld' | 'ziel' | 'dimension');
        selected.push(sql`SELECT ${f.prefix}, ${f.prefix} || ':' || n.id FROM nodes n JOIN cat c ON c.id = n.catalogue_id
          WHERE ${sql.raw(NODE_FACETS[f.prefix]!)} AND n.slug = ANY(${values})`);
        break;
      }
      case 'tg':
        selected.push(sql`SELECT 'tg', 'tg:' || g.id FROM target_groups g JOIN mun ON g.municipality_id = mun.id
          WHERE g.slug = ANY(${list('zielgruppe')})`);
        break;
      case 'a':
        selected.push(sql`SELECT 'a', 'a:' || a.id FROM actors a JOIN mun ON a.municipality_id = mun.id
          WHERE a.slug = ANY(${list('akteur')})`);
        break;
      case 'e':
      case 'r':
      case 's':
        selected.push(sql`SELECT ${f.prefix}, ${f.prefix} || ':' || x FROM unnest(${list(f.name as 'einheit' | 'richtung' | 'status')}) AS x`);
        break;
      case 'n':
        selected.push(sql`SELECT 'n', 'n:ja'`);
        break;
    }
  }
  const okColumns = active.map(
    (f) => sql`(d.facet_keys && coalesce((SELECT array_agg(s.key) FROM sel s WHERE s.f = ${f.prefix}), '{}'::text[])) AS ${sql.raw(`ok_${f.prefix}`)}`,
  );
  const fails = active.length ? sql.join(active.map((f) => sql.raw(`(NOT ok_${f.prefix})::int`)), sql` + `) : sql`0`;
  const failing = active.length
    ? sql`CASE ${sql.join(active.map((f) => sql.raw(`WHEN NOT ok_${f.prefix} THEN '${f.prefix}'`)), sql` `)} END`
    : sql`NULL::text`;

  const tsq = text ? sql`${text.tsq}::tsquery` : null;
  const score = text
    ? sql`ts_rank(${WEIGHTS}::float4[], d.tsv, ${tsq})
        + ${text.strict ? sql`2 * ts_rank(${WEIGHTS}::float4[], d.tsv, ${text.strict}::tsquery)` : sql`0`}
        + CASE WHEN ts_filter(d.tsv, '{a}') @@ ${tsq} THEN 0.5 ELSE 0 END
        + CASE WHEN d.numbers && ${textArray(text.numbers)}::text[] THEN 2 ELSE 0 END`
    : sql`NULL::float4`;
  const order =
    sort === 'relevanz' && text
      ? sql`score DESC, cpos, position, measure_id`
      : sort === 'aenderung'
        ? sql`updated_at DESC, cpos, position, measure_id`
        : sql`cpos, position, measure_id`;
  const offset = (state.seite - 1) * state.limit;

  const [row] = await queryRows<MainRow>(
    db,
    sql`
    WITH mun AS (SELECT id FROM municipalities WHERE slug = ${municipality}),
    cat AS (SELECT c.id, c.slug, c.title, c.kind, c.position FROM catalogues c JOIN mun ON c.municipality_id = mun.id),
    sel AS (${sql.join(selected, sql` UNION ALL `)}),
    m AS MATERIALIZED (
      SELECT d.measure_id, d.facet_keys, d.position, d.updated_at, c.position AS cpos, ${score} AS score
        ${okColumns.length ? sql`, ${sql.join(okColumns, sql`, `)}` : sql``}
      FROM search_documents d JOIN cat c ON c.id = d.catalogue_id
      WHERE d.published ${state.luecken ? sql`` : sql`AND NOT d.is_gap`} ${tsq ? sql`AND d.tsv @@ ${tsq}` : sql``}
    ),
    m2 AS MATERIALIZED (SELECT m.*, ${fails} AS fails, ${failing} AS failing FROM m),
    page AS (
      SELECT measure_id, score, row_number() OVER (ORDER BY ${order}) AS ord
      FROM m2 WHERE fails = 0 ORDER BY ${order} LIMIT ${state.limit} OFFSET ${offset}
    ),
    counts AS (
      SELECT key, count(*)::int AS n FROM m2 CROSS JOIN LATERAL unnest(m2.facet_keys) AS key
      WHERE m2.fails = 0 OR (m2.fails = 1 AND split_part(key, ':', 1) = m2.failing)
      GROUP BY key
    ),
    keys AS (
      SELECT key, n FROM counts
      UNION ALL
      SELECT s.key, 0 FROM sel s WHERE NOT EXISTS (SELECT 1 FROM counts x WHERE x.key = s.key)
    ),
    fv AS (
      SELECT split_part(k.key, ':', 1) AS f, substr(k.key, strpos(k.key, ':') + 1) AS v, k.key, k.n,
             EXISTS (SELECT 1 FROM sel s WHERE s.key = k.key) AS selected
      FROM keys k
    )
    SELECT json_build_object(
      'total', (SELECT count(*)::int FROM m2 WHERE fails = 0),
      'items', (
        SELECT json_agg(json_build_object(
          'id', ms.id, 'slug', ms.slug, 'title', ms.title, 'number', ms.number,
          'catalogue_slug', c.slug, 'catalogue_title', c.title, 'catalogue_kind', c.kind,
          'place', d.place,
          'snippet', ${tsq ? sql`ts_headline('vielfalt_german', left(d.snippet_text, 4000), ${tsq}, ${HEADLINE_OPTIONS})` : sql`left(d.snippet_text, 400)`},
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
          'f', fv.f,
          'value', CASE fv.f WHEN 'k' THEN c.slug WHEN 'tg' THEN g.slug WHEN 'a' THEN a.slug
                             WHEN 'hf' THEN n.slug WHEN 'z' THEN n.slug WHEN 'd' THEN n.slug ELSE fv.v END,
          'label', CASE fv.f WHEN 'k' THEN c.title WHEN 'tg' THEN g.name WHEN 'a' THEN a.name
                             WHEN 'hf' THEN n.title WHEN 'd' THEN n.title
                             WHEN 'z' THEN coalesce(n.code, n.title)
                             WHEN 's' THEN st.label
                             WHEN 'e' THEN (SELECT u.title FROM nodes u JOIN cat uc ON uc.id = u.catalogue_id
                                            WHERE u.type IN ('dezernat', 'organisationseinheit') AND vielfalt_search_slug(u.title) = fv.v
                                            ORDER BY u.position LIMIT 1)
                             ELSE NULL END,
          'context', CASE WHEN fv.f = 'z' THEN CASE WHEN p1.type = 'handlungsfeld' THEN p1.title ELSE p2.title END END,
          'count', fv.n, 'selected', fv.selected,
          'o1', CASE fv.f WHEN 'k' THEN c.position WHEN 's' THEN st.position
                          WHEN 'hf' THEN coalesce(nc.position, 0) WHEN 'z' THEN coalesce(nc.position, 0) WHEN 'd' THEN coalesce(nc.position, 0)
                          WHEN 'e' THEN CASE WHEN fv.v LIKE 'dezernat-%' THEN 0 ELSE 1 END END,
          'o2', CASE WHEN fv.f IN ('hf', 'z', 'd') THEN n.position END
        ))
        FROM fv
        LEFT JOIN cat c ON fv.f = 'k' AND c.id = CASE WHEN fv.f = 'k' THEN fv.v::uuid END
        LEFT JOIN nodes n ON fv.f IN ('hf', 'z', 'd') AND n.id = CASE WHEN fv.f IN ('hf', 'z', 'd') THEN fv.v::uuid END
        LEFT JOIN cat nc ON nc.id = n.catalogue_id
        LEFT JOIN nodes p1 ON fv.f = 'z' AND p1.id = n.parent_id
        LEFT JOIN nodes p2 ON fv.f = 'z' AND p2.id = p1.parent_id
        LEFT JOIN target_groups g ON fv.f = 'tg' AND g.id = CASE WHEN fv.f = 'tg' THEN fv.v::uuid END
        LEFT JOIN actors a ON fv.f = 'a' AND a.id = CASE WHEN fv.f = 'a' THEN fv.v::uuid END
        LEFT JOIN measure_states st ON fv.f = 's' AND st.code = fv.v
      )
    ) AS result`,
  );
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
