/**
 * In-memory facet index: the narrow columns of every published search document (number,
 * position, last change, gap, facet keys) and the vocabulary of facet values, held per database
 * handle and reloaded when the index version in the database changes (a counter row bumped by
 * every rebuild of documents, transactional, so a reload never mixes old and new).
 *
 * Why in memory: facet counts need, for every match, its facet keys and which filters it passes
 * (a value is counted with all other facets' filters applied). For 10,000 measures and broad
 * queries that is tens of thousands of keys per search: ~60 ms as SQL on PGlite, under 1 ms here
 * with posting lists and byte masks. SQL keeps what needs the text: matching, ranking, snippets.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { FACETS, NEW_VALUE, emptyFacets, type FacetName, type FacetPrefix, type Facets, type FacetValue } from './facets';
import type { SearchState, Sort } from './params';

const PREFIXES = FACETS.map((f) => f.prefix) as FacetPrefix[];
const NO_FACET = 255;

interface VocabRow {
  f: FacetPrefix;
  key: string;
  value: string;
  label: string | null;
  context: string | null;
  o1: number | null;
  o2: number | null;
  /** Municipality of the value (null: shared by all, e.g. states). */
  mun: string | null;
}

interface LoadRow {
  version: number | string | null;
  docs: {
    no: number[] | null;
    pos: number[] | null;
    upd: number[] | null;
    gap: boolean[] | null;
    nkeys: number[] | null;
    keys: string[] | null;
  };
  vocab: VocabRow[] | null;
  municipalities: { id: string; slug: string }[] | null;
  lexicon: Record<string, string> | null;
}

export interface FacetIndex {
  version: number;
  size: number;
  docNo: Int32Array;
  position: Int32Array;
  updated: Float64Array;
  isGap: Uint8Array;
  /** Catalogue (key index) of each document, and the catalogue's position. */
  catalogue: Int32Array;
  cpos: Int32Array;
  /** Keys of catalogues (to find a municipality's), and keys by facet and value. */
  catalogueKeys: number[];
  keysByValue: Map<string, number[]>;
  keyStart: Int32Array;
  keys: Int32Array;
  /** Per key: facet number (index into FACETS), vocabulary entry, documents. */
  keyFacet: Uint8Array;
  vocab: (VocabRow | null)[];
  /**
   * Per key: the key standing for its value (the same unit name under two keys is one value),
   * and its place in the facet's display order: structural facets by position, then label;
   * the others by label (after the count, which changes per search).
   */
  canonical: Int32Array;
  displayRank: Int32Array;
  postings: Int32Array[];
  /** Index position by document number (-1: not indexed, e.g. unpublished). */
  byNo: Int32Array;
  municipalities: Map<string, string>;
  /** Word (lower case) → lexeme, of the published documents' words (snippet highlighting). */
  lexicon: Map<string, string>;
}

const LOAD = sql`
  SELECT
    (SELECT ndoc FROM search_terms WHERE word = '~version') AS version,
    (SELECT json_build_object(
       'no', array_agg(d.doc_no ORDER BY d.doc_no),
       'pos', array_agg(d.position ORDER BY d.doc_no),
       'upd', array_agg((extract(epoch FROM d.updated_at) * 1000)::float8 ORDER BY d.doc_no),
       'gap', array_agg(d.is_gap ORDER BY d.doc_no),
       'nkeys', array_agg(cardinality(d.facets) ORDER BY d.doc_no),
       'keys', (SELECT array_agg(k ORDER BY x.doc_no, o) FROM search_documents x, unnest(x.facets) WITH ORDINALITY AS u(k, o) WHERE x.published))
     FROM search_documents d WHERE d.published) AS docs,
    (SELECT json_agg(v) FROM (
       SELECT 'k' AS f, c.id::text AS key, c.slug AS value, c.title AS label, NULL::text AS context,
              c.position AS o1, NULL::int AS o2, c.municipality_id::text AS mun
       FROM catalogues c
       UNION ALL
       SELECT CASE n.type WHEN 'handlungsfeld' THEN 'hf' WHEN 'dimension' THEN 'd' ELSE 'z' END, n.id::text, n.slug,
              CASE WHEN n.type IN ('leitziel', 'handlungsziel') THEN coalesce(n.code, n.title) ELSE n.title END,
              CASE WHEN n.type IN ('leitziel', 'handlungsziel') THEN
                CASE WHEN p1.type = 'handlungsfeld' THEN p1.title ELSE p2.title END END,
              c.position, n.position, c.municipality_id::text
       FROM nodes n JOIN catalogues c ON c.id = n.catalogue_id
       LEFT JOIN nodes p1 ON p1.id = n.parent_id
       LEFT JOIN nodes p2 ON p2.id = p1.parent_id
       WHERE n.type IN ('handlungsfeld', 'leitziel', 'handlungsziel', 'dimension')
       UNION ALL
       SELECT 'tg', g.id::text, g.slug, g.name, NULL, NULL, NULL, g.municipality_id::text FROM target_groups g
       UNION ALL
       SELECT 'a', a.id::text, a.slug, a.name, NULL, NULL, NULL, a.municipality_id::text FROM actors a
       UNION ALL
       SELECT 'e', vielfalt_search_key('e:' || u.title)::text, vielfalt_search_slug(u.title), u.title, NULL, u.o1, NULL, NULL
       FROM (SELECT DISTINCT ON (n.title) n.title, CASE WHEN n.type = 'dezernat' THEN 0 ELSE 1 END AS o1
             FROM nodes n WHERE n.type IN ('dezernat', 'organisationseinheit')
             ORDER BY n.title, CASE WHEN n.type = 'dezernat' THEN 0 ELSE 1 END) u
       UNION ALL
       SELECT 's', vielfalt_search_key('s:' || st.code)::text, st.code, st.label, NULL, st.position, NULL, NULL FROM measure_states st
       UNION ALL
       SELECT x.f, vielfalt_search_key(x.f || ':' || x.v)::text, x.v, NULL, NULL, NULL, NULL, NULL
       FROM (VALUES ('r', 'innen'), ('r', 'aussen'), ('n', 'ja')) AS x(f, v)
     ) v) AS vocab,
    (SELECT json_agg(json_build_object('id', m.id, 'slug', m.slug)) FROM municipalities m) AS municipalities,
    (SELECT json_object_agg(t.word, t.stem) FROM search_terms t WHERE t.stem <> '') AS lexicon`;

const VERSION = sql`SELECT ndoc AS version FROM search_terms WHERE word = '~version'`;

const cache = new WeakMap<object, FacetIndex>();
const loading = new WeakMap<object, Promise<FacetIndex>>();

/** The current index version in the database (0 before the first rebuild). */
export async function currentVersion(db: Db): Promise<number> {
  const [row] = await queryRows<{ version: number | string | null }>(db, VERSION);
  return Number(row?.version ?? 0);
}

function build(row: LoadRow): FacetIndex {
  const no = row.docs.no ?? [];
  const size = no.length;
  const keyIds = new Map<string, number>();
  const vocab: (VocabRow | null)[] = [];
  const keyFacet: number[] = [];
  const keyOf = (uuid: string) => {
    let k = keyIds.get(uuid);
    if (k === undefined) {
      k = vocab.length;
      keyIds.set(uuid, k);
      vocab.push(null);
      keyFacet.push(NO_FACET);
    }
    return k;
  };
  for (const v of row.vocab ?? []) {
    const k = keyOf(v.key);
    vocab[k] = v;
    keyFacet[k] = PREFIXES.indexOf(v.f);
  }
  const flat = row.docs.keys ?? [];
  const keys = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i++) keys[i] = keyOf(flat[i]!);
  const keyStart = new Int32Array(size + 1);
  const nkeys = row.docs.nkeys ?? [];
  for (let i = 0; i < size; i++) keyStart[i + 1] = keyStart[i]! + (nkeys[i] ?? 0);

  const counts = new Int32Array(vocab.length);
  for (const k of keys) counts[k]!++;
  const postings = Array.from({ length: vocab.length }, (_, k) => new Int32Array(counts[k]!));
  const fill = new Int32Array(vocab.length);
  const catalogue = new Int32Array(size).fill(-1);
  const kFacet = PREFIXES.indexOf('k');
  for (let d = 0; d < size; d++)
    for (let j = keyStart[d]!; j < keyStart[d + 1]!; j++) {
      const k = keys[j]!;
      postings[k]![fill[k]!++] = d;
      if (keyFacet[k] === kFacet) catalogue[d] = k;
    }

  const rawCpos = new Int32Array(size);
  for (let d = 0; d < size; d++) rawCpos[d] = catalogue[d]! >= 0 ? (vocab[catalogue[d]!]?.o1 ?? 0) : 0;
  const keysByValue = new Map<string, number[]>();
  const catalogueKeys: number[] = [];
  const canonical = new Int32Array(vocab.length).fill(-1);
  vocab.forEach((v, k) => {
    if (!v) return;
    if (v.f === 'k') catalogueKeys.push(k);
    const id = `${v.f}:${v.value}`;
    const same = keysByValue.get(id);
    if (same) same.push(k);
    else keysByValue.set(id, [k]);
    // Within a municipality (values of other municipalities are never shown together).
    canonical[k] = keysByValue.get(id)!.find((o) => vocab[o]!.mun === v.mun)!;
  });
  // Sorting facet values by label with a collator on every search cost more than the rest of
  // the facet counting: the order is fixed per index, so it is computed once here.
  const displayRank = new Int32Array(vocab.length);
  vocab
    .map((v, k) => ({ v, k }))
    .filter((e): e is { v: VocabRow; k: number } => e.v !== null)
    .map((e) => ({ ...e, label: labelOf(e.v) }))
    .sort((a, b) =>
      STRUCTURAL.has(a.v.f)
        ? (a.v.o1 ?? 1e9) - (b.v.o1 ?? 1e9) || (a.v.o2 ?? 1e9) - (b.v.o2 ?? 1e9) || collator.compare(a.label, b.label)
        : collator.compare(a.label, b.label),
    )
    .forEach((e, i) => (displayRank[e.k] = i));

  // Documents in catalogue order (catalogue position, position in it): iterating the index is
  // iterating in document order, so most sorts need no sorting.
  const pos = row.docs.pos ?? [];
  const order = Array.from({ length: size }, (_, d) => d).sort(
    (a, b) => rawCpos[a]! - rawCpos[b]! || pos[a]! - pos[b]! || no[a]! - no[b]!,
  );
  const rank = new Int32Array(size);
  order.forEach((d, i) => (rank[d] = i));
  const permute = <T extends Int32Array | Float64Array | Uint8Array>(from: ArrayLike<number>, into: T): T => {
    order.forEach((d, i) => (into[i] = from[d]!));
    return into;
  };
  const sortedKeys = new Int32Array(keys.length);
  const sortedStart = new Int32Array(size + 1);
  order.forEach((d, i) => {
    const n = keyStart[d + 1]! - keyStart[d]!;
    sortedKeys.set(keys.subarray(keyStart[d]!, keyStart[d + 1]!), sortedStart[i]!);
    sortedStart[i + 1] = sortedStart[i]! + n;
  });
  for (const list of postings) {
    for (let j = 0; j < list.length; j++) list[j] = rank[list[j]!]!;
    list.sort();
  }

  return {
    version: Number(row.version ?? 0),
    size,
    cpos: permute(rawCpos, new Int32Array(size)),
    catalogueKeys,
    keysByValue,
    docNo: permute(no, new Int32Array(size)),
    position: permute(pos, new Int32Array(size)),
    updated: permute(row.docs.upd ?? [], new Float64Array(size)),
    isGap: permute((row.docs.gap ?? []).map((g) => (g ? 1 : 0)), new Uint8Array(size)),
    catalogue: permute(catalogue, new Int32Array(size)),
    keyStart: sortedStart,
    keys: sortedKeys,
    keyFacet: Uint8Array.from(keyFacet),
    vocab,
    canonical,
    displayRank,
    postings,
    byNo: positionsByNumber(order.map((d) => no[d]!)),
    municipalities: new Map((row.municipalities ?? []).map((m) => [m.slug, m.id])),
    lexicon: new Map(Object.entries(row.lexicon ?? {})),
  };
}

function positionsByNumber(numbers: number[]): Int32Array {
  let max = 0;
  for (const n of numbers) if (n > max) max = n;
  const byNo = new Int32Array(max + 1).fill(-1);
  numbers.forEach((n, i) => (byNo[n] = i));
  return byNo;
}

/** Index position of a document number, or -1. */
export function positionOf(index: FacetIndex, no: number): number {
  return no >= 0 && no < index.byNo.length ? index.byNo[no]! : -1;
}

/**
 * The index for this database handle, at least as new as `version` (when given; else checked
 * against the database). Concurrent callers share one load.
 */
export async function facetIndex(db: Db, version?: number): Promise<FacetIndex> {
  const wanted = version ?? (await currentVersion(db));
  const cached = cache.get(db);
  if (cached && cached.version === wanted) return cached;
  let pending = loading.get(db);
  if (!pending) {
    pending = (async () => {
      const [row] = await queryRows<LoadRow>(db, LOAD);
      const index = build(row!);
      cache.set(db, index);
      return index;
    })();
    loading.set(db, pending);
    pending.finally(() => loading.delete(db)).catch(() => undefined);
  }
  return pending;
}

// ---------------------------------------------------------------------------------------------

export interface Selection {
  /** Indices of the matching documents, in the order of the sort. */
  ordered: number[];
  total: number;
  facets: Facets;
}

/**
 * Filters the candidate documents (`matches`: null = all), counts facet values (each value with
 * the other facets' filters applied) and orders the result.
 */
export function select(
  index: FacetIndex,
  state: SearchState,
  municipality: string,
  matches: number[] | null,
  sort: Sort,
  pre: Map<number, number>,
): Selection {
  const { size, keyStart, keys, keyFacet } = index;
  // Candidates: the municipality's catalogues (all indexed documents are published), gaps on request.
  const munId = index.municipalities.get(municipality);
  const inMunicipality = new Uint8Array(index.vocab.length);
  for (const k of index.catalogueKeys) if (index.vocab[k]!.mun === munId) inMunicipality[k] = 1;
  const candidate = new Uint8Array(size);
  const { catalogue, isGap } = index;
  const gapsToo = state.luecken;
  if (matches) {
    for (const d of matches) {
      const c = catalogue[d]!;
      if (c >= 0 && inMunicipality[c] && (gapsToo || !isGap[d])) candidate[d] = 1;
    }
  } else {
    for (let d = 0; d < size; d++) {
      const c = catalogue[d]!;
      if (c >= 0 && inMunicipality[c] && (gapsToo || !isGap[d])) candidate[d] = 1;
    }
  }

  // Active facets and, per active facet, the documents passing it (any of its selected keys).
  const active: { facet: number; pass: Uint8Array }[] = [];
  const selectedKeys = new Set<number>();
  FACETS.forEach((f, facet) => {
    const values = f.name === 'neu' ? (state.neu ? [NEW_VALUE] : []) : (state[f.name] as string[]);
    if (!values.length) return;
    const pass = new Uint8Array(size);
    for (const value of values)
      for (const k of index.keysByValue.get(`${f.prefix}:${value}`) ?? []) {
        const mun = index.vocab[k]!.mun;
        if (mun !== null && mun !== munId) continue;
        selectedKeys.add(k);
        for (const d of index.postings[k]!) pass[d] = 1;
      }
    active.push({ facet, pass });
  });

  // Count: a document failing no filter counts for every key; failing exactly one facet, it
  // counts for that facet's keys only (what selecting such a value would add).
  const counts = new Int32Array(index.vocab.length);
  const touched: number[] = [];
  const hits: number[] = [];
  const passes = active.map((a) => a.pass);
  const facetOf = active.map((a) => a.facet);
  // In index order, i.e. document order.
  for (let d = 0; d < size; d++) {
    if (!candidate[d]) continue;
    let fails = 0;
    let failing = -1;
    for (let a = 0; a < passes.length && fails < 2; a++)
      if (!passes[a]![d]) {
        fails++;
        failing = facetOf[a]!;
      }
    if (fails > 1) continue;
    const end = keyStart[d + 1]!;
    if (fails === 0) {
      hits.push(d);
      for (let j = keyStart[d]!; j < end; j++) {
        const k = keys[j]!;
        if (counts[k]++ === 0) touched.push(k);
      }
    } else
      for (let j = keyStart[d]!; j < end; j++) {
        const k = keys[j]!;
        if (keyFacet[k] === failing && counts[k]++ === 0) touched.push(k);
      }
  }

  let ordered = hits;
  if (sort === 'relevanz' && pre.size) {
    // Scored matches (title or number) first, best first; the rest keeps document order.
    const score = new Float64Array(size);
    for (const [no, value] of pre) {
      const d = positionOf(index, no);
      if (d >= 0) score[d] = value;
    }
    const scored = hits.filter((d) => score[d]! > 0).sort((a, b) => score[b]! - score[a]! || a - b);
    ordered = [...scored, ...hits.filter((d) => score[d] === 0)];
  } else if (sort === 'aenderung') {
    const { updated } = index;
    ordered = hits.sort((a, b) => updated[b]! - updated[a]! || a - b);
  }

  return { ordered, total: hits.length, facets: facetValues(index, state, counts, touched, selectedKeys, munId) };
}

const collator = new Intl.Collator('de');

const STATIC_LABELS: Partial<Record<FacetPrefix, Record<string, string>>> = {
  r: { innen: 'nach innen', aussen: 'nach außen' },
  n: { ja: 'neu' },
};

/** Facets listed in the catalogues' order; the others by count, then label. */
const STRUCTURAL = new Set<FacetPrefix>(['k', 'hf', 'z', 'd', 's', 'e']);

function labelOf(v: VocabRow): string {
  return v.label ?? STATIC_LABELS[v.f]?.[v.value] ?? v.value;
}

function facetValues(
  index: FacetIndex,
  state: SearchState,
  counts: Int32Array,
  touched: number[],
  selectedKeys: Set<number>,
  munId: string | undefined,
): Facets {
  const { vocab, canonical, displayRank } = index;
  // Counts and selection per value (its canonical key).
  const total = new Int32Array(vocab.length);
  const selected = new Uint8Array(vocab.length);
  const byFacet: number[][] = FACETS.map(() => []);
  const add = (k: number) => {
    const v = vocab[k];
    if (!v || (v.mun !== null && v.mun !== munId)) return;
    const c = canonical[k]!;
    if (total[c] === 0 && !selected[c]) byFacet[index.keyFacet[c]!]!.push(c);
    total[c]! += counts[k]!;
    if (selectedKeys.has(k)) selected[c] = 1;
  };
  for (const k of touched) add(k);
  for (const k of selectedKeys) if (counts[k] === 0) add(k);

  const facets = emptyFacets();
  FACETS.forEach((f, facet) => {
    const keys = byFacet[facet]!;
    if (f.prefix === 'r') keys.sort((a, b) => (vocab[a]!.value === 'innen' ? -1 : vocab[b]!.value === 'innen' ? 1 : 0));
    else if (STRUCTURAL.has(f.prefix)) keys.sort((a, b) => displayRank[a]! - displayRank[b]!);
    else keys.sort((a, b) => total[b]! - total[a]! || displayRank[a]! - displayRank[b]!);
    const values: FacetValue[] = keys.map((k) => {
      const v = vocab[k]!;
      return { value: v.value, label: labelOf(v), count: total[k]!, selected: selected[k] === 1, context: v.context };
    });
    // Selected values the vocabulary does not know (stale links): shown, so they can be removed.
    const chosen = f.name === 'neu' ? (state.neu ? [NEW_VALUE] : []) : (state[f.name as Exclude<FacetName, 'neu'>] as string[]);
    for (const value of chosen)
      if (!values.some((v) => v.value === value))
        values.push({ value, label: STATIC_LABELS[f.prefix]?.[value] ?? value, count: 0, selected: true, context: null });
    facets[f.name] = values;
  });
  return facets;
}
