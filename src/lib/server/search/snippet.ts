/**
 * Snippets as data, never HTML: `{ text, hit }` segments. The database marks hits with control
 * characters (START/STOP, which catalogue text never contains: documents are stripped of them
 * here as well); the page wraps hit segments in <mark>, the API returns the segments.
 */

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export const HIT_START = '\u0002';
export const HIT_STOP = '\u0003';
/** Options for ts_headline (markers are control characters, see above). */
export const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_STOP}, MaxWords=30, MinWords=15, ShortWord=2`;

const PLAIN_LENGTH = 220;

/** Splits a marked headline into segments; adjacent segments of the same kind are merged. */
export function parseHeadline(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += text;
    else segments.push({ text, hit });
  };
  let hit = false;
  let buffer = '';
  for (const ch of marked.replace(/\s+/g, ' ')) {
    if (ch === HIT_START || ch === HIT_STOP) {
      push(buffer, hit);
      buffer = '';
      hit = ch === HIT_START;
    } else if (ch >= ' ' || ch === '\t') {
      buffer += ch;
    }
  }
  push(buffer, hit);
  // Trim the outer whitespace of the snippet (not of hits in the middle).
  if (segments[0]) segments[0].text = segments[0].text.replace(/^\s+/, '');
  const last = segments[segments.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return segments.filter((s) => s.text !== '');
}

/** Beginning of a text, cut at a word boundary, as one plain segment. */
export function plainSnippet(text: string | null | undefined, length = PLAIN_LENGTH): SnippetSegment[] {
  const clean = (text ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  if (clean.length <= length) return [{ text: clean, hit: false }];
  const cut = clean.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return [{ text: `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`, hit: false }];
}

/** Whether a headline contains any hit (ts_headline returns the text's start when nothing matched). */
export function hasHit(segments: SnippetSegment[]): boolean {
  return segments.some((s) => s.hit);
}
