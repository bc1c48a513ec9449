/**
 * One search over all catalogues of a municipality: German full text with typo tolerance,
 * completion and compound help (lexicon.ts), ranking by field weight (title/number A,
 * description/goals B, target group/status/actors C, remarks/extra D) plus exact-number and
 * title matches, highlighted snippets, facets with counts, sort and pagination.
 *
 * Division of work:
 * - SQL: the lexicon look-up (only with words), the text match through the GIN index (matching
 *   document numbers, and a first score for those matching in the title or by number), and the
 *   page: the best RANK_CANDIDATES ranked on their full weighted tsvector, then the page's
 *   measures with their snippet text (highlighted in snippet.ts);
 * - memory (facet-index.ts): filters, facet counts and sorting over the matches.
 * Without a query there is no text match: one version check, then the page.
 *
 * Facet counts follow the usual rule for combinable filters: the count of a value is the number
 * of measures that would match if that value were selected in addition, i.e. counted with all
 * *other* facets' filters applied (AND across facets, OR within one).
 */
import type { Db } from '../db/connection';
import { facetIndex, positionOf, select, type FacetIndex } from './facet-index';
import type { Facets } from './facets';
import { resolveWords, type ResolvedWord } from './lexicon';
import { asksForGaps } from './synonyms';
import { effectiveSort, type SearchState, type Sort } from './params';
import { runPrepared, type PreparedStatement } from './prepared';
import { highlightSnippet, lexemeMatcher, plainSnippet, type SnippetSegment } from './snippet';
import { tokenizeQuery, type QueryToken } from './tokenize';
import { buildQuery, suggestQuery, type BuiltQuery, type Correction } from './tsquery';
import { matchTranslated } from './translated';

/** Field weights for ts_rank: {D, C, B, A}. */
const WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

export interface SearchItem {
  id: string;
  slug: string;
  title: string;
  /** Language of `title` when a page put a translation there (default: German). */
  titleLang?: string;
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
  /** Municipality (tenant) slug. */
  municipality: string;
  /** Public detail path of a measure; defaults to /kataloge/{catalogue}/massnahme/{measure}. */
  measureUrl?: (catalogueSlug: string, measureSlug: string) => string;
  /** The reader's language: the query is matched against translations into it too (translated.ts). */
  lang?: string;
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

/** How many of the best first-scored matches are ranked on their full text. */
const RANK_CANDIDATES = 30;

/**
 * Text match: $1 tsquery, $2 strict tsquery, $3 number tokens → the index version, all matching
 * document numbers, and the numbers and first scores of those matching by title or number.
 */
const MATCH: PreparedStatement = {
  name: 'vielfalt_search_match_v6',
  types: ['tsquery', 'tsquery', 'text[]'],
  // Every part goes through a GIN index (drizzle/0003_search_index.sql): the full text on the
  // narrow search_match table, the first score over the few title and number matches. On
  // PGlite the generic plan would otherwise read every document (it cannot see that a tsvector
  // stored out of line is expensive to read).
  settings: { enable_seqscan: 'off' },
  text: `
    SELECT (SELECT ndoc FROM search_terms WHERE word = '~version') AS version,
           -- As text: parsing an int[] of thousands of elements in the driver took longer than
           -- the match itself (2.4 ms for 5,800 hits on PostgreSQL).
           array_to_string(ARRAY(SELECT m.doc_no FROM search_match m WHERE m.tsv @@ $1::tsquery AND m.published), ',') AS hits,
           h.heads, h.scores
    FROM (
      SELECT coalesce(array_agg(d.doc_no), '{}') AS heads,
             coalesce(array_agg(
               CASE WHEN d.numbers && $3::text[] THEN 2 ELSE 0 END
                 + CASE WHEN d.head @@ $1::tsquery THEN 1 + coalesce(CASE WHEN d.head @@ $2::tsquery THEN 0.5 ELSE 0 END, 0) ELSE 0 END
             ), '{}') AS scores
      FROM search_documents d
      WHERE (d.head @@ $1::tsquery OR d.numbers && $3::text[]) AND d.published
    ) h`,
};

/**
 * The page's measures as JSON, in the order of p(doc_no, ord, score); the snippet is the start
 * of the document's text, highlighted in snippet.ts (hits are found through the lexicon).
 */
const ITEMS = `
    SELECT coalesce(json_agg(json_build_object(
      'id', ms.id, 'slug', ms.slug, 'title', ms.title, 'number', ms.number,
      'catalogue_slug', c.slug, 'catalogue_title', c.title, 'catalogue_kind', c.kind,
      'place', d.place,
      -- Long enough to reach the goals and remarks, where many hits are (highlighted in snippet.ts).
      'snippet', left(d.snippet_text, 3000),
      'is_new', ms.is_new, 'is_gap', ms.is_gap,
      'direction_inward', ms.direction_inward, 'direction_outward', ms.direction_outward,
      'state_code', ms.state_code, 'state_label', st.label,
      'responsible', ARRAY(SELECT a.name FROM measure_actors ma JOIN actors a ON a.id = ma.actor_id
                           WHERE ma.measure_id = ms.id AND ma.role = 'verantwortlich' ORDER BY ma.position, a.name),
      'updated_at', ms.updated_at,
      'score', p.score
    ) ORDER BY p.ord), '[]') AS items
    FROM p
    JOIN search_documents d ON d.doc_no = p.doc_no
    JOIN measures ms ON ms.id = d.measure_id
    JOIN catalogues c ON c.id = ms.catalogue_id
    LEFT JOIN measure_states st ON st.code = ms.state_code`;

/**
 * A page of the candidates ranked on their full text: $1 tsquery, $2 strict tsquery,
 * $3 candidates (in first-score order), $4 their first scores, $5 offset, $6 limit.
 */
const PAGE_RANKED: PreparedStatement = {
  name: 'vielfalt_search_page_ranked_v3',
  types: ['tsquery', 'tsquery', 'int[]', 'float8[]', 'int', 'int'],
  text: `
    WITH c AS (SELECT * FROM unnest($3::int[], $4::float8[]) WITH ORDINALITY AS c(doc_no, pre, pos)),
    r AS (
      SELECT c.doc_no, c.pos,
             c.pre + ts_rank('${WEIGHTS}', d.tsv, $1::tsquery) + coalesce(2 * ts_rank('${WEIGHTS}', d.tsv, $2::tsquery), 0) AS score
      FROM c JOIN search_documents d ON d.doc_no = c.doc_no
    ),
    p AS (
      SELECT doc_no, score, row_number() OVER (ORDER BY score DESC, pos) AS ord
      FROM r ORDER BY score DESC, pos LIMIT $6::int OFFSET $5::int
    )
    ${ITEMS}`,
};

/** Given documents in the given order: $1 document numbers. */
const PAGE_FIXED: PreparedStatement = {
  name: 'vielfalt_search_page_fixed_v3',
  types: ['int[]'],
  text: `
    WITH p AS (SELECT doc_no, NULL::float4 AS score, ord FROM unnest($1::int[]) WITH ORDINALITY AS p(doc_no, ord))
    ${ITEMS}`,
};

const defaultMeasureUrl = (c: string, m: string) => `/kataloge/${encodeURIComponent(c)}/massnahme/${encodeURIComponent(m)}`;

interface Match {
  version: number;
  docs: number[];
  pre: Map<number, number>;
}

interface MatchRow {
  version: number | string | null;
  /** Document numbers, comma-separated. */
  hits: string | null;
  heads: number[];
  scores: number[];
}

async function match(db: Db, tsq: string, text: { strict: string | null; numbers: string[] }): Promise<{ version: number; hits: number[]; pre: Map<number, number> }> {
  const [row] = await runPrepared<MatchRow>(db, MATCH, [tsq, text.strict, pgArray(text.numbers)]);
  return {
    version: Number(row?.version ?? 0),
    hits: parseNumbers(row?.hits),
    pre: new Map((row?.heads ?? []).map((n, i) => [Number(n), Number(row!.scores[i])])),
  };
}

/** Matching documents as index positions, with a current index (reloaded when the version moved on). */
async function matchWithIndex(db: Db, tsq: string, text: { strict: string | null; numbers: string[] }): Promise<{ index: FacetIndex } & Match> {
  for (let attempt = 0; ; attempt++) {
    const m = await match(db, tsq, text);
    const index = await facetIndex(db, m.version);
    if (index.version === m.version || attempt > 0) {
      const docs: number[] = [];
      for (const n of m.hits) {
        const d = positionOf(index, n);
        if (d >= 0) docs.push(d);
      }
      return { index, version: m.version, docs, pre: m.pre };
    }
  }
}

/** "12,7,9" → [12, 7, 9], without intermediate strings (thousands of hits per search). */
function parseNumbers(text: string | null | undefined): number[] {
  const out: number[] = [];
  if (!text) return out;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  out.push(n);
  return out;
}

function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

export async function searchMeasures(db: Db, requested: SearchState, options: SearchOptions): Promise<SearchResult> {
  const municipality = options.municipality;
  const measureUrl = options.measureUrl ?? defaultMeasureUrl;
  const tokens = tokenizeQuery(requested.q);
  // "Lücke" searches the gaps, which are otherwise only included on request.
  const state = !requested.luecken && asksForGaps(tokens.map((t) => t.text)) ? { ...requested, luecken: true } : requested;
  const sort = effectiveSort(state);
  const resolved: ResolvedWord[] = tokens.some((t) => t.kind === 'word') ? await resolveWords(db, tokens) : [];
  const built = buildQuery(tokens, resolved);
  // A query of stop words only ("und die") searches nothing: show everything.
  const text = state.q && built.full ? built : null;

  let matchedAllTerms = true;
  let index: FacetIndex;
  let docs: number[] | null = null;
  let pre = new Map<number, number>();
  let tsq: string | null = null;
  // Hits in the reader's language (none for German readers), joined with the German ones.
  const translatedHits = options.lang && options.lang !== 'de' && state.q.trim() ? await matchTranslated(db, options.lang, state.q) : [];
  if (text) {
    tsq = text.full!;
    let m = await matchWithIndex(db, tsq, text);
    if (!m.docs.length && !translatedHits.length && text.any) {
      const fallback = await matchWithIndex(db, text.any, text);
      if (fallback.docs.length) {
        m = fallback;
        tsq = text.any;
        matchedAllTerms = false;
      }
    }
    ({ index, docs, pre } = m);
  } else {
    index = await facetIndex(db);
    if (translatedHits.length) docs = [];
  }
  if (translatedHits.length && docs) {
    const seen = new Set(docs);
    for (const n of translatedHits) {
      const d = positionOf(index, n);
      if (d >= 0 && !seen.has(d)) {
        seen.add(d);
        docs.push(d);
        // Ranked like a title match: the reader asked in their language.
        pre.set(n, Math.max(pre.get(n) ?? 0, 1));
      }
    }
  }

  const selection = select(index, state, municipality, docs, sort, pre);
  const offset = (state.seite - 1) * state.limit;
  let rows: ItemRow[] = [];
  if (offset < selection.total) {
    const docNo = (d: number) => index.docNo[d]!;
    if (tsq && sort === 'relevanz' && offset + state.limit <= RANK_CANDIDATES) {
      const candidates = selection.ordered.slice(0, RANK_CANDIDATES);
      const [row] = await runPrepared<{ items: ItemRow[] }>(db, PAGE_RANKED, [
        tsq,
        text!.strict,
        pgArray(candidates.map(docNo)),
        pgArray(candidates.map((d) => pre.get(docNo(d)) ?? 0)),
        offset,
        state.limit,
      ]);
      rows = row?.items ?? [];
    } else {
      const page = selection.ordered.slice(offset, offset + state.limit).map(docNo);
      const [row] = await runPrepared<{ items: ItemRow[] }>(db, PAGE_FIXED, [pgArray(page)]);
      rows = row?.items ?? [];
    }
  }

  let suggestion =
    state.q && (selection.total === 0 || built.corrections.length || !matchedAllTerms) ? suggestQuery(state.q, resolved, built.covered) : null;
  if (suggestion && suggestion.toLocaleLowerCase('de-DE') === state.q.toLocaleLowerCase('de-DE')) suggestion = null;

  const isHit = tsq ? lexemeMatcher(index.lexicon, tsq) : null;
  const items = rows.map((r): SearchItem => {
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      number: r.number,
      catalogue: { slug: r.catalogue_slug, title: r.catalogue_title, kind: r.catalogue_kind },
      url: measureUrl(r.catalogue_slug, r.slug),
      place: r.place,
      // Without a hit in the text, the beginning of the description says more than a fragment.
      snippet: (isHit && highlightSnippet(r.snippet, isHit)) || plainSnippet(r.snippet),
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
    total: selection.total,
    page: state.seite,
    pageSize: state.limit,
    pageCount: Math.max(1, Math.ceil(selection.total / state.limit)),
    sort,
    items,
    facets: selection.facets,
    query: { text: state.q, tokens, corrections: built.corrections, suggestion, matchedAllTerms },
  };
}

export type { BuiltQuery, Facets };

/** The prepared statements, for diagnostics (bench/search.ts --phases). */
export const SEARCH_STATEMENTS = { MATCH, PAGE_RANKED, PAGE_FIXED } as const;
