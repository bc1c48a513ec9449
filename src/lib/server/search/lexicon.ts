/**
 * Resolves the words of a query against the lexicon (search_terms: the words of all published
 * measures, with their umlaut-folded form and this engine's German stem), in one query:
 *
 * - stem: the word's own lexeme ("maßnahmen" → massnahm, "kinder" → kind);
 * - transliteration: lexicon words with the same folded form ("foerderung" → förderung → forder);
 * - completion of the word being typed: lexicon words starting with it ("sprachfö" → sprachförderung);
 * - typo candidates by trigram similarity ("sprachfördrung" → sprachförderung);
 * - compound split: a known word at the start and lexicon words ending with the rest
 *   ("sprachkurs" → sprach… & …kurs: "Sprach- und Integrationskurs").
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { textArray } from './sql-util';
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
  /** The word (or its stem) occurs in the lexicon. */
  known: boolean;
  /** Stems of lexicon words with the same folded spelling (umlaut transliteration). */
  foldStems: string[];
  /** Stems of lexicon words that complete the word (only for the word being typed). */
  prefixStems: string[];
  /** Lexicon words similar to the word, best first. */
  similar: Candidate[];
  /** Compound split: the first part as a prefix, and stems of lexicon words ending with the rest. */
  compound: { head: string; tails: string[] } | null;
}

interface Row {
  ord: number;
  word: string;
  stem: string;
  fold_stems: string[] | null;
  known: boolean;
  prefix_stems: string[] | null;
  similar: Candidate[] | null;
  compound: { head: string; tails: string[] } | null;
}

export async function resolveWords(db: Db, tokens: QueryToken[]): Promise<ResolvedWord[]> {
  const words = tokens.filter((t) => t.kind === 'word');
  if (!words.length) return [];
  const texts = words.map((w) => w.text);
  const prefixOrd = words.findIndex((w) => w.prefix) + 1; // 0 = none
  const rows = await queryRows<Row>(
    db,
    sql`
    WITH q AS (
      SELECT t.ord::int AS ord, t.word, vielfalt_search_fold(t.word) AS fold,
             coalesce((tsvector_to_array(to_tsvector('vielfalt_german', t.word)))[1], '') AS stem
      FROM unnest(${textArray(texts)}::text[]) WITH ORDINALITY AS t(word, ord)
    )
    SELECT q.ord, q.word, q.stem,
      ARRAY(SELECT DISTINCT s.stem FROM search_terms s WHERE s.fold = q.fold AND s.stem <> '') AS fold_stems,
      (q.stem <> '' AND EXISTS (SELECT 1 FROM search_terms s WHERE s.stem = q.stem))
        OR EXISTS (SELECT 1 FROM search_terms s WHERE s.fold = q.fold) AS known,
      CASE WHEN q.ord = ${prefixOrd} AND length(q.fold) >= 3 THEN ARRAY(
        SELECT p.stem FROM (
          SELECT s.stem, max(s.ndoc) AS n FROM search_terms s
          WHERE s.fold LIKE replace(replace(q.fold, '_', '\\_'), '%', '\\%') || '%' AND s.stem <> ''
          GROUP BY s.stem ORDER BY n DESC, s.stem LIMIT 12) p)
      END AS prefix_stems,
      CASE WHEN length(q.fold) >= 4 THEN (
        SELECT json_agg(c) FROM (
          SELECT s.word, s.stem, round(similarity(s.fold, q.fold)::numeric, 3)::float AS similarity, s.ndoc
          FROM search_terms s
          WHERE s.fold % q.fold AND s.stem <> '' AND s.fold <> q.fold AND similarity(s.fold, q.fold) >= ${SUGGEST_SIMILARITY}
          ORDER BY similarity(s.fold, q.fold) DESC, s.ndoc DESC, s.word LIMIT 5) c)
      END AS similar,
      CASE WHEN length(q.fold) >= 8 THEN (
        SELECT json_build_object('head', h.stem, 'tails', h.tails) FROM (
          SELECT i, hs.stem, ARRAY(
              SELECT t.stem FROM search_terms t
              WHERE t.stem LIKE '%' || ts.tail_stem AND t.stem <> '' AND length(ts.tail_stem) >= 3
              GROUP BY t.stem ORDER BY max(t.ndoc) DESC, t.stem LIMIT 10) AS tails
          FROM generate_series(4, length(q.fold) - 4) AS i
          CROSS JOIN LATERAL (
            SELECT s.stem FROM search_terms s WHERE s.fold = substr(q.fold, 1, i) AND s.stem <> '' LIMIT 1) hs
          CROSS JOIN LATERAL (
            SELECT coalesce((tsvector_to_array(to_tsvector('vielfalt_german', substr(q.fold, i + 1))))[1], '') AS tail_stem) ts
          ORDER BY i DESC) h
        WHERE cardinality(h.tails) > 0 LIMIT 1)
      END AS compound
    FROM q ORDER BY q.ord`,
  );
  return rows.map((r) => ({
    word: r.word,
    stem: r.stem,
    known: r.known || (r.prefix_stems?.length ?? 0) > 0,
    foldStems: r.fold_stems ?? [],
    prefixStems: r.prefix_stems ?? [],
    similar: (r.similar ?? []).map((c) => ({ ...c, similarity: Number(c.similarity), ndoc: Number(c.ndoc) })),
    compound: r.compound,
  }));
}
