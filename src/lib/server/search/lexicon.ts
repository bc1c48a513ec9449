/**
 * Resolves the words of a query against the lexicon (search_terms: the words of all published
 * measures, with their umlaut-folded form and this engine's German stem), in one query:
 *
 * - stem: the word's own lexeme ("maßnahmen" → massnahm, "kinder" → kind);
 * - transliteration: lexicon words with the same folded form ("foerderung" → förderung → forder);
 * - completion of the word being typed: lexicon words starting with it ("sprachfö" → sprachförderung);
 * - typo candidates, only for unknown words: nearest lexicon words by trigram distance
 *   (pg_trgm GiST, "sprachfördrung" → sprachförderung);
 * - compound split: the longest known word at the start, and lexicon words ending with the
 *   rest ("sprachkurs" → sprach… & …kurs: "Sprach- und Integrationskurs").
 *
 * Range conditions (~>=~ / ~<~, i.e. text_pattern_ops) instead of LIKE 'x%' keep the prefix and
 * suffix look-ups on their indexes although the pattern is computed in the query.
 */
import type { Db } from '../db/connection';
import { runPrepared, type PreparedStatement } from './prepared';
import { textArray } from './sql-util';
import { synonymWords } from './synonyms';
import type { QueryToken } from './tokenize';

/** Typo candidates at least this similar (pg_trgm similarity of folded words) are searched too. */
export const TYPO_SIMILARITY = 0.45;
/** "Meinten Sie …?" proposes words at least this similar. */
export const SUGGEST_SIMILARITY = 0.3;

export interface Candidate {
  word: string;
  stem: string;
  similarity: number;
  ndoc: number;
}

export interface ResolvedWord {
  word: string;
  /** Lexeme of the word itself ('' for stop words). */
  stem: string;
  /** The word (or its stem, or a completion of it) occurs in the lexicon. */
  known: boolean;
  /** The word itself (spelled alike up to umlauts and case) occurs in the lexicon. */
  exact: boolean;
  /** Stems of lexicon words with the same folded spelling (umlaut transliteration). */
  foldStems: string[];
  /** Stems of lexicon words that complete the word (only for the word being typed). */
  prefixStems: string[];
  /** Lexicon words similar to an unknown word, best first. */
  similar: Candidate[];
  /** Compound split: the first part (used as a prefix), and stems of lexicon words ending with the rest. */
  compound: { head: string; tails: string[] } | null;
}

interface Row {
  ord: number;
  word: string;
  stem: string;
  fold_stems: string[] | null;
  known: boolean;
  exact: boolean;
  prefix_stems: string[] | null;
  similar: Candidate[] | null;
  compound: { head: string; tails: string[] | null } | null;
}

/** Upper bound for "starts with x" as a range: x ≤ value < x || U+10FFFF (byte order). */
const TOP = 'chr(1114111)';

/**
 * Equality on the btree (text_pattern_ops) index: written as a closed range, because a plain `=`
 * lets the planner pick the trigram GiST index, which answers equality far more slowly.
 */
const FOLD_EQUALS = (a: string, b: string) => `(${a} ~>=~ ${b} AND ${a} ~<=~ ${b})`;

/** $1 words, $2 positions of words being typed (1-based), $3 least similarity for candidates. */
const RESOLVE: PreparedStatement = {
  name: 'vielfalt_search_resolve_v5',
  types: ['text[]', 'int[]', 'float8'],
  text: `
    WITH q AS MATERIALIZED (
      SELECT t.ord::int AS ord, t.word, vielfalt_search_fold(t.word) AS fold,
             -- Stop words are checked before folding: vielfalt_german unaccents first, so its stop
             -- word list misses "für", "über" … ("fur" is no stop word).
             CASE WHEN ts_lexize('german_stem', t.word) = '{}'::text[] THEN ''
                  ELSE coalesce((tsvector_to_array(to_tsvector('vielfalt_german', t.word)))[1], '') END AS stem
      FROM unnest($1::text[]) WITH ORDINALITY AS t(word, ord)
    ),
    q2 AS MATERIALIZED (
      -- A transliterated stop word ("fuer" → für) is a stop word too.
      SELECT q.ord, q.word, q.fold,
             CASE WHEN q.stem <> '' AND EXISTS (
                    SELECT 1 FROM search_terms s WHERE ${FOLD_EQUALS('s.fold', 'q.fold')} AND s.stem = '')
                  THEN '' ELSE q.stem END AS stem
      FROM q
    ),
    k AS MATERIALIZED (
      SELECT q.*,
        ARRAY(SELECT DISTINCT s.stem FROM search_terms s WHERE ${FOLD_EQUALS('s.fold', 'q.fold')} AND s.stem <> '') AS fold_stems,
        (q.stem <> '' AND EXISTS (SELECT 1 FROM search_terms s WHERE s.stem = q.stem))
          OR EXISTS (SELECT 1 FROM search_terms s WHERE ${FOLD_EQUALS('s.fold', 'q.fold')}) AS known,
        EXISTS (SELECT 1 FROM search_terms s WHERE ${FOLD_EQUALS('s.fold', 'q.fold')} AND s.stem <> '') AS exact,
        CASE WHEN q.ord = ANY ($2::int[]) AND q.stem <> '' AND length(q.fold) >= 3 THEN ARRAY(
          SELECT p.stem FROM (
            SELECT s.stem, max(s.ndoc) AS n FROM search_terms s
            WHERE s.fold ~>=~ q.fold AND s.fold ~<~ (q.fold || ${TOP}) AND s.stem <> ''
            GROUP BY s.stem ORDER BY n DESC, s.stem LIMIT 12) p)
        END AS prefix_stems
      FROM q2 AS q
    )
    SELECT k.ord, k.word, k.stem, k.fold_stems, k.known, k.exact, k.prefix_stems,
      CASE WHEN NOT k.known AND cardinality(coalesce(k.prefix_stems, '{}')) = 0 AND length(k.fold) >= 4 THEN (
        SELECT json_agg(json_build_object('word', c.word, 'stem', c.stem, 'similarity', round(c.sim::numeric, 3), 'ndoc', c.ndoc)
                        ORDER BY c.sim DESC, c.ndoc DESC, c.word)
        FROM (
          SELECT s.word, s.stem, s.ndoc, similarity(s.fold, k.fold) AS sim
          FROM search_terms s WHERE s.stem <> ''
          ORDER BY s.fold <-> k.fold LIMIT 8
        ) c WHERE c.sim >= $3::float8)
      END AS similar,
      CASE WHEN length(k.fold) >= 8 THEN (
        SELECT json_build_object('head', h.stem, 'tails', ARRAY(
          SELECT t.stem FROM search_terms t
          WHERE reverse(t.stem) ~>=~ reverse(h.tail_stem) AND reverse(t.stem) ~<~ (reverse(h.tail_stem) || ${TOP})
            AND t.stem <> ''
            -- The rest itself, or compounds ending with it ("integrationskur"), not prefixed verbs ("vermittl").
            AND (length(t.stem) = length(h.tail_stem) OR length(t.stem) - length(h.tail_stem) >= 4)
          GROUP BY t.stem ORDER BY max(t.ndoc) DESC, t.stem LIMIT 10))
        FROM (
          SELECT s.stem,
                 coalesce((tsvector_to_array(to_tsvector('vielfalt_german', substr(k.fold, length(s.fold) + 1))))[1], '') AS tail_stem
          FROM search_terms s
          WHERE s.fold = ANY (ARRAY(SELECT substr(k.fold, 1, i) FROM generate_series(4, length(k.fold) - 4) AS i))
            AND s.fold ~>=~ substr(k.fold, 1, 4) AND s.fold ~<=~ k.fold
            AND s.stem <> ''
          ORDER BY length(s.fold) DESC, s.ndoc DESC LIMIT 1
        ) h WHERE length(h.tail_stem) >= 3)
      END AS compound
    FROM k ORDER BY k.ord`,
};

/**
 * Neighbouring words written together ("Summer School" → summerschool): looked up as well, so a
 * compound typed as two words still finds the one word of the documents.
 */
export function joinedPairs(tokens: QueryToken[]): { text: string; prefix: boolean }[] {
  const pairs: { text: string; prefix: boolean }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (a.kind === 'word' && b.kind === 'word') pairs.push({ text: a.text + b.text, prefix: b.prefix });
  }
  return pairs;
}

export async function resolveWords(db: Db, tokens: QueryToken[]): Promise<ResolvedWord[]> {
  const typed = tokens.filter((t) => t.kind === 'word');
  const synonyms = synonymWords(typed.map((t) => t.text)).map((text) => ({ text, prefix: false }));
  const words = [...typed, ...joinedPairs(tokens), ...synonyms];
  if (!words.length) return [];
  const unique = words.filter((w, i) => words.findIndex((x) => x.text === w.text) === i);
  const prefixOrds = unique.flatMap((w, i) => (words.some((x) => x.text === w.text && x.prefix) ? [i + 1] : []));
  const rows = await runPrepared<Row>(db, RESOLVE, [
    textArray(unique.map((w) => w.text)),
    `{${prefixOrds.join(',')}}`,
    SUGGEST_SIMILARITY,
  ]);
  return rows.map((r) => ({
    word: r.word,
    stem: r.stem,
    known: r.known || (r.prefix_stems?.length ?? 0) > 0,
    exact: r.exact,
    foldStems: r.fold_stems ?? [],
    prefixStems: r.prefix_stems ?? [],
    similar: (r.similar ?? []).map((c) => ({ ...c, similarity: Number(c.similarity), ndoc: Number(c.ndoc) })),
    compound: r.compound && r.compound.tails?.length ? { head: r.compound.head, tails: r.compound.tails } : null,
  }));
}
