/**
 * Query normalisation and tokenising (pure). The database does the linguistics (stemming,
 * umlaut folding, lexicon look-ups); this module only decides what the words of a query are:
 *
 * - numbers and codes stay whole: "3.2", "4.1.2", "A1", "A1.3" → number tokens;
 * - gender forms lose their suffix: "Schüler*innen", "Schüler:innen", "Schüler/-innen" → "schüler";
 * - hyphens and other punctuation separate words: "Sprach-Kita" → "sprach", "kita";
 * - the last word is completed as a prefix while typing (unless the query ends with a space).
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_TOKENS = 8;

export interface QueryToken {
  kind: 'word' | 'number';
  /** Lower-case text: "förderung", "a1.3". */
  text: string;
  /** The word being typed: match it as a prefix too. */
  prefix: boolean;
}

/** NFC, single spaces, typographic quotes and dashes simplified, at most MAX_QUERY_LENGTH characters. */
export function normaliseQuery(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[„“”‚‘’«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    // The cut must not split a surrogate pair (half a character becomes U+FFFD in a URL).
    .replace(/[\uD800-\uDBFF]$/, '')
    .trim();
}

const NUMBER = /^\d{1,3}(?:\.\d{1,3}){0,4}$/;
const CODE = /^[a-z]\d{1,2}(?:\.\d{1,3}){0,3}$/;
const GENDER_SUFFIX = /(\p{L})(?:\*|:|_|\/-?|\(|-)innen\)?(?=$|[^\p{L}])/giu;

export function tokenizeQuery(raw: string): QueryToken[] {
  const endsWithSpace = /\s$/.test(raw);
  const text = normaliseQuery(raw).toLocaleLowerCase('de-DE').replace(GENDER_SUFFIX, '$1');
  const tokens: QueryToken[] = [];
  for (const chunk of text.split(/[^\p{L}\p{N}.]+/u)) {
    const piece = chunk.replace(/^\.+|\.+$/g, '');
    if (!piece) continue;
    if (NUMBER.test(piece) || CODE.test(piece)) {
      tokens.push({ kind: 'number', text: piece, prefix: false });
      continue;
    }
    // "z.B.", "u.a." and words glued by dots: split into words.
    for (const word of piece.split('.')) {
      if (word.length < 2) continue;
      if (/^\d+$/.test(word)) tokens.push({ kind: 'number', text: word, prefix: false });
      else tokens.push({ kind: 'word', text: word, prefix: false });
    }
  }
  const unique: QueryToken[] = [];
  for (const token of tokens) if (!unique.some((u) => u.kind === token.kind && u.text === token.text)) unique.push(token);
  const result = unique.slice(0, MAX_TOKENS);
  const last = result[result.length - 1];
  // Only a word at the very end is still being typed ("z.B. Kita u.a." ends with an abbreviation).
  if (last && last.kind === 'word' && !endsWithSpace && text.endsWith(last.text)) last.prefix = true;
  return result;
}
