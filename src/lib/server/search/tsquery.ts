/**
 * Builds tsquery text from tokens and their lexicon resolution (pure). Lexemes are quoted and
 * used as they are (`'forder'`, `'a1.3'`), so PostgreSQL does not stem them a second time.
 *
 * Each query word becomes an OR group of its alternatives; the groups are combined with AND
 * (every word must match) or, as a fallback when that finds nothing, with OR.
 */
import { TYPO_SIMILARITY, type ResolvedWord } from './lexicon';
import { synonymPhrases } from './synonyms';
import type { QueryToken } from './tokenize';
import { escapeRegex } from '../text/escape';

/** How many letters a typo candidate may have more or fewer than the typed word. */
const MAX_TYPO_LENGTH_DIFFERENCE = 2;

/** Completions added to a last word that is already a whole word of the documents. */
const PREFIX_COMPLETIONS_OF_WORD = 3;

export function lexeme(text: string, prefix = false): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

function group(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0]! : `( ${unique.join(' | ')} )`;
}

export interface Correction {
  /** The word as typed. */
  from: string;
  /** Lexicon words also searched for it. */
  to: string[];
}

export interface BuiltQuery {
  /** All alternatives (stems, transliterations, completions, typo candidates, compound parts). */
  full: string | null;
  /** Only the words' own stems, transliterations and numbers: ranks exact matches higher. */
  strict: string | null;
  /** The same groups combined with OR (fallback when no measure matches all words). */
  any: string | null;
  /** Number tokens ("3.2", "a1"): exact-number matches rank first. */
  numbers: string[];
  /** Words replaced by similar lexicon words (typo tolerance). */
  corrections: Correction[];
  /** Number of terms (words that are not stop words, and numbers). */
  termCount: number;
  /** Words found through a neighbour written together with them: not typos. */
  covered: string[];
}

function alternativesOf(r: ResolvedWord, prefix: boolean, typos: boolean, corrections: Correction[]): { all: string[]; exact: string[] } {
  const exact = [r.stem, ...r.foldStems].filter(Boolean);
  const all = exact.map((s) => lexeme(s));
  if (prefix && r.stem) {
    if (r.exact) {
      // A whole word of the documents ("Kinder"): a few frequent compounds it starts
      // ("Kinderbetreuung"), not every word starting with it — that would cost more than it helps.
      all.push(...r.prefixStems.slice(0, PREFIX_COMPLETIONS_OF_WORD).map((s) => lexeme(s)));
    } else {
      // A word being typed ("sprachfö"): its stem as a prefix and completions from the lexicon
      // ("förderu" → forder, which the stem prefix "forderu:*" would miss).
      if (r.stem.length >= 3) all.push(lexeme(r.stem, true));
      all.push(...r.prefixStems.map((s) => lexeme(s)));
    }
  }
  if (typos && !r.known) {
    // A candidate much shorter or longer is another word, not a typo ("sprachkurz" → not "sprach").
    const candidates = r.similar
      .filter((c) => c.similarity >= TYPO_SIMILARITY && Math.abs(c.word.length - r.word.length) <= MAX_TYPO_LENGTH_DIFFERENCE)
      .slice(0, 3);
    if (candidates.length) {
      all.push(...candidates.map((c) => lexeme(c.stem)));
      corrections.push({ from: r.word, to: candidates.map((c) => c.word) });
    }
  }
  if (r.compound && r.compound.tails.length) {
    all.push(`( ${lexeme(r.compound.head, true)} & ${group(r.compound.tails.map((t) => lexeme(t)))} )`);
  }
  return { all, exact };
}

/** Alternatives for a word's synonym phrases: each phrase's stems, all required. */
function synonymAlternatives(word: string, byWord: ReadonlyMap<string, ResolvedWord>): string[] {
  const out: string[] = [];
  for (const phrase of synonymPhrases(word)) {
    const stems = phrase.map((w) => byWord.get(w)?.stem ?? '').filter(Boolean);
    if (stems.length !== phrase.length || phrase.some((w) => !byWord.get(w)?.known)) continue;
    out.push(stems.length === 1 ? lexeme(stems[0]!) : `( ${stems.map((s) => lexeme(s)).join(' & ')} )`);
  }
  return out;
}

export function buildQuery(tokens: QueryToken[], resolved: ResolvedWord[]): BuiltQuery {
  const byWord = new Map(resolved.map((r) => [r.word, r]));
  const fullGroups: string[] = [];
  const strictGroups: string[] = [];
  const numbers: string[] = [];
  const corrections: Correction[] = [];
  const covered = new Set<string>();

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'number') {
      numbers.push(token.text);
      fullGroups.push(lexeme(token.text));
      strictGroups.push(lexeme(token.text));
      continue;
    }
    const r = byWord.get(token.text);
    if (!r) continue;
    // Two words that the documents write as one ("Summer School" → Summerschool).
    const next = tokens[i + 1];
    const joined = next?.kind === 'word' ? byWord.get(token.text + next.text) : undefined;
    const second = next ? byWord.get(next.text) : undefined;
    if (joined && second && joined.known && (!r.known || !second.known)) {
      const j = alternativesOf(joined, next!.prefix, false, corrections);
      const a = alternativesOf(r, false, false, corrections).all;
      const b = alternativesOf(second, next!.prefix, false, corrections).all;
      const parts = a.length && b.length ? [`( ${group(a)} & ${group(b)} )`] : [];
      // Stop words written together ("in dem" → "indem") leave no alternative: no empty "(  )".
      if (j.all.length || parts.length) fullGroups.push(group([...j.all, ...parts]));
      if (j.exact.length) strictGroups.push(group(j.exact.map((s) => lexeme(s))));
      covered.add(r.word).add(second.word);
      i++;
      continue;
    }
    // Synonyms ("Sprachkurs" → Integrationskurs, "Lücke" → the gap wording) explain the word: no typo guessing then.
    const synonyms = synonymAlternatives(token.text, byWord);
    const { all, exact } = alternativesOf(r, token.prefix, !synonyms.length, corrections);
    all.push(...synonyms);
    if (synonyms.length) covered.add(r.word); // no "Meinten Sie …?" for it either
    if (!all.length) continue; // a stop word
    fullGroups.push(group(all));
    if (exact.length) strictGroups.push(group(exact.map((s) => lexeme(s))));
  }

  return {
    full: fullGroups.length ? fullGroups.join(' & ') : null,
    strict: strictGroups.length ? strictGroups.join(' & ') : null,
    any: fullGroups.length > 1 ? fullGroups.join(' | ') : null,
    numbers,
    corrections,
    termCount: fullGroups.length,
    covered: [...covered],
  };
}

/**
 * "Meinten Sie …?": the query with every unknown word replaced by its most similar lexicon
 * word; null when there is nothing to propose.
 */
export function suggestQuery(query: string, resolved: ResolvedWord[], covered: readonly string[] = []): string | null {
  let changed = false;
  let text = query;
  for (const r of resolved) {
    if (r.known || !r.similar.length || covered.includes(r.word)) continue;
    const best = r.similar[0]!;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRegex(r.word)})(?=$|[^\\p{L}\\p{N}])`, 'iu');
    const next = text.replace(pattern, (_m, before: string, found: string) => before + matchCase(best.word, found));
    if (next !== text) {
      changed = true;
      text = next;
    }
  }
  return changed ? text : null;
}

/** "Sprachfördrung" → "Sprachförderung" (capitalised like the typed word). */
function matchCase(word: string, typed: string): string {
  const first = typed.charAt(0);
  return first && first === first.toLocaleUpperCase('de-DE') && first !== first.toLocaleLowerCase('de-DE')
    ? word.charAt(0).toLocaleUpperCase('de-DE') + word.slice(1)
    : word;
}
