/**
 * Snippets as data, never HTML: `{ text, hit }` segments; the page wraps hit segments in <mark>,
 * the API returns the segments.
 *
 * Highlighting happens here, not with ts_headline: ts_headline parses and stems every word of
 * every snippet on each search (1.6 of the 2.3 ms of a result page on PostgreSQL,
 * bench/search.ts). The lexicon already knows each word's lexeme (search_terms, loaded with the
 * facet index), so a word is a hit when its lexeme is one of the query's, or begins with one of
 * its prefixes ('sprachf':*) — the same rule as the text match.
 */

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

const PLAIN_LENGTH = 220;

/** Beginning of a text, cut at a word boundary, as one plain segment. */
export function plainSnippet(text: string | null | undefined, length = PLAIN_LENGTH): SnippetSegment[] {
  const clean = (text ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  if (clean.length <= length) return [{ text: clean, hit: false }];
  const cut = clean.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return [{ text: `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`, hit: false }];
}

/** The lexemes of a tsquery text: exact ones, and prefixes ('sprachf':*). */
export function tsqueryLexemes(tsquery: string | null): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const m of (tsquery ?? '').matchAll(/'((?:[^']|'')+)'(:\*)?/g)) {
    const lexeme = m[1]!.replace(/''/g, "'");
    if (m[2]) prefixes.push(lexeme);
    else exact.add(lexeme);
  }
  return { exact, prefixes };
}

/** Whether a word of the text is a hit (see above): its lexeme via the lexicon. */
export function lexemeMatcher(lexicon: ReadonlyMap<string, string>, tsquery: string | null): (word: string) => boolean {
  const { exact, prefixes } = tsqueryLexemes(tsquery);
  return (word) => {
    // toLowerCase, not toLocaleLowerCase: German needs no locale rules, and the locale-aware
    // variant cost milliseconds per result page.
    const stem = lexicon.get(word.toLowerCase());
    return stem !== undefined && (exact.has(stem) || prefixes.some((p) => stem.startsWith(p)));
  };
}

const WORD = /\p{L}+/gu;

/**
 * The part of a text with the most hits (at most `maxWords` words, a few words of context before
 * the first), hits marked; null when no word is a hit.
 */
export function highlightSnippet(text: string | null | undefined, isHit: (word: string) => boolean, maxWords = 30): SnippetSegment[] | null {
  const clean = (text ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const words: { start: number; end: number; hit: boolean }[] = [];
  for (const m of clean.matchAll(WORD)) words.push({ start: m.index!, end: m.index! + m[0].length, hit: isHit(m[0]) });
  const hitAt = words.flatMap((w, i) => (w.hit ? [i] : []));
  if (!hitAt.length) return null;

  // Best window: most hits, then earliest; it starts a few words before its first hit.
  const LEAD = 4;
  let best = { from: 0, to: 0, hits: -1 };
  for (const h of hitAt) {
    const from = Math.max(0, h - LEAD);
    const to = Math.min(words.length, from + maxWords);
    let hits = 0;
    for (let i = from; i < to; i++) if (words[i]!.hit) hits++;
    if (hits > best.hits) best = { from, to, hits };
  }
  const begin = best.from === 0 ? 0 : words[best.from]!.start;
  // Up to the end of the last word and its closing punctuation, or the whole text.
  const end = best.to === words.length ? clean.length : words[best.to]!.start;

  const segments: SnippetSegment[] = [];
  const push = (part: string, hit: boolean) => {
    if (!part) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += part;
    else segments.push({ text: part, hit });
  };
  if (begin > 0) push('… ', false);
  let at = begin;
  for (let i = best.from; i < best.to; i++) {
    const w = words[i]!;
    if (!w.hit) continue;
    push(clean.slice(at, w.start), false);
    push(clean.slice(w.start, w.end), true);
    at = w.end;
  }
  push(clean.slice(at, end).replace(/\s+$/, ''), false);
  if (end < clean.length) push(' …', false);
  return segments;
}
