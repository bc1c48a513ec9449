/**
 * Text helpers for the Diversity-Katalog parser: turning the PDF extraction (HTML fragments,
 * Markdown, entities, page artefacts) into clean logical lines, assembling field text from
 * lines, and normalising titles for comparison.
 */
import { decodeEntities } from '../html-entities';

export { decodeEntities };

/** One logical line of the document with the 1-based line number it was read from. */
export interface Line {
  text: string;
  zeile: number;
}



/**
 * Removes HTML and Markdown markup from one extracted line. Block tags become line breaks
 * (`<br>` → "\n", `<p>` → paragraph break, `<li>` → "- " item); the result may therefore
 * contain "\n". Link texts stay, link targets go; autolinks (`<https://…>`) keep the address.
 */
export function stripMarkup(line: string): string {
  let s = line;
  // HTML
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<((?:https?:\/\/|mailto:|www\.)[^<>\s]+)>/gi, '$1');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<\/?p(?:\s[^<>]*)?>/gi, '\n\n');
  s = s.replace(/<li(?:\s[^<>]*)?>/gi, '\n- ');
  s = s.replace(/<\/?(?:ul|ol|div|tr|table|tbody|thead|h[1-6])(?:\s[^<>]*)?>/gi, '\n');
  s = s.replace(/<\/?(?:td|th)(?:\s[^<>]*)?>/gi, '\t');
  s = s.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, '');
  s = decodeEntities(s);
  // Markdown
  s = s.replace(/!\[[^\]]*\]\([^()\s]*\)/g, '');
  s = s.replace(/\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1');
  s = s.replace(/^[ \t]{0,3}#{1,6}[ \t]+/, '').replace(/[ \t]+#+[ \t]*$/, '');
  s = s.replace(/(^|[\s(„"'‚])(\*\*|__)(?=\S)([^*\n]*?\S)\2(?=$|[\s.,;:!?)“”"'‘])/g, '$1$3');
  s = s.replace(/(^|[\s(„"'‚])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=$|[\s.,;:!?)“”"'‘])/g, '$1$2');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return s;
}

/** Lines that are nothing but a page number or a "Seite n (von m)" footer. */
const PAGE_ARTEFACT = /^\s*(?:(?:Seite|S\.)\s*)?\d{1,3}(?:\s*(?:von|\/)\s*\d{1,3})?\s*$/i;

/**
 * Splits the raw text into logical lines: normalises line ends and invisible characters,
 * strips markup, drops page artefacts (reported through `onArtefact`). Leading tabs stay,
 * because they carry the empty "neu" column of the overview tables.
 */
export function toLines(raw: string, onArtefact?: (zeile: number, text: string) => void): Line[] {
  const out: Line[] = [];
  const rawLines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  rawLines.forEach((rawLine, i) => {
    const zeile = i + 1;
    const prepared = rawLine
      .replace(/\f/g, '')
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '');
    if (PAGE_ARTEFACT.test(prepared)) {
      onArtefact?.(zeile, prepared.trim());
      out.push({ text: '', zeile });
      return;
    }
    for (const part of stripMarkup(prepared).split('\n')) {
      let text = part.replace(/[ \t]+$/, '');
      if (!text.includes('\t')) {
        text = text.trim().replace(/^[•·▪◦‣∙●○■□➢➤►]\s*/, '- ').replace(/^[*+–—]\s+/, '- ');
      }
      out.push({ text, zeile });
    }
  });
  return out;
}

const BULLET = /^- /;

/**
 * A field's text from its lines: paragraphs (runs of non-empty lines) joined by "\n\n", lines
 * inside a paragraph by "\n", runs of blanks/tabs collapsed. A blank line inside a bullet list
 * (a page break) does not split the list. A list flattened into one paragraph
 * ("u. a.: - a - b - c") is split into "- " lines again; `onInlineList` reports that.
 */
export function buildText(lines: Line[], onInlineList?: (zeile: number) => void): string {
  const paragraphs: { lines: string[]; zeile: number }[] = [];
  let current: { lines: string[]; zeile: number } | null = null;
  for (const line of lines) {
    const text = line.text.replace(/[ \t]+/g, ' ').trim();
    if (!text) {
      current = null;
      continue;
    }
    if (!current) {
      current = { lines: [], zeile: line.zeile };
      paragraphs.push(current);
    }
    current.lines.push(...splitInlineList(text, () => onInlineList?.(line.zeile)));
  }
  let out = '';
  let prevLast: string | null = null;
  for (const p of paragraphs) {
    const first = p.lines[0] ?? '';
    if (prevLast !== null) out += BULLET.test(prevLast) && BULLET.test(first) ? '\n' : '\n\n';
    out += p.lines.join('\n');
    prevLast = p.lines[p.lines.length - 1] ?? null;
  }
  return out;
}

/** "Aufgaben sind u. a.: - Kontakt - Ermittlung - Dokumentation" → intro line + "- " items. */
function splitInlineList(text: string, onSplit: () => void): string[] {
  const m = /^(.*?:)\s+-\s+(\S.*)$/.exec(text);
  if (!m || BULLET.test(text)) return [text];
  const items = (m[2] ?? '').split(/\s+-\s+(?=\S)/);
  if (items.length < 2) return [text];
  onSplit();
  return [m[1] ?? '', ...items.map((item) => `- ${item}`)];
}

/** Joins words hyphenated at a table-cell line break ("Reaktions- management"), not "Aus- und". */
export function dehyphenate(text: string): string {
  return text.replace(
    /(\p{L})- (\p{Ll}+)/gu,
    (whole, a: string, b: string) => (/^(?:und|oder|bzw|sowie|als|bis)$/.test(b) ? whole : `${a}${b}`),
  );
}

/**
 * Comparison form of a title: lower case, typographic variants unified (quotes dropped,
 * "&" = "und", dashes, hyphens, slashes and punctuation = space).
 */
export function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[„“”"‚‘’'«»‹›]/g, '')
    .replace(/&/g, ' und ')
    .replace(/[–—\-/.,:;!?()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOPWORDS = new Set(
  'der die das des dem den ein eine einer eines einem und oder für zu zum zur in im am an bei von vom mit auf aus über nach durch sowie'.split(
    ' ',
  ),
);

/** Abbreviations used in the overview tables for words of the entry titles. */
const ABBREVIATIONS: Record<string, string[]> = {
  dv: ['dienstvereinbarung'],
  ak: ['arbeitskreis'],
  azubis: ['auszubildende', 'auszubildenden'],
  azubi: ['auszubildende', 'auszubildender'],
  vhs: ['volkshochschule'],
  fb: ['fachbereich'],
  kita: ['kindertageseinrichtung', 'kindertagesstätte'],
};

export function titleTokens(text: string): string[] {
  return normalizeTitle(text)
    .split(' ')
    .filter((t) => t && !STOPWORDS.has(t));
}

/** Exact token match or a known abbreviation. */
export function sameToken(a: string, b: string): boolean {
  return a === b || (ABBREVIATIONS[a]?.includes(b) ?? false) || (ABBREVIATIONS[b]?.includes(a) ?? false);
}

/** Graded token match: exact 1, inflection (common stem) 0.8, compound part 0.7, else 0. */
function tokenScore(a: string, b: string): number {
  if (sameToken(a, b)) return 1;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const shorter = Math.min(a.length, b.length);
  if (p >= 5 && p >= shorter * 0.75) return 0.8;
  if (shorter >= 5 && (a.endsWith(b) || b.endsWith(a))) return 0.7;
  return 0;
}

function coverage(from: string[], to: string[]): number {
  if (from.length === 0) return 0;
  let sum = 0;
  for (const t of from) sum += Math.max(0, ...to.map((u) => tokenScore(t, u)));
  return sum / from.length;
}

/** Similarity of an overview-table title and an entry title, 0…1 (1 = same after normalising). */
export function titleSimilarity(tableTitle: string, entryTitle: string): number {
  if (normalizeTitle(tableTitle) === normalizeTitle(entryTitle)) return 1;
  const a = titleTokens(tableTitle);
  const b = titleTokens(entryTitle);
  if (a.length === 0 || b.length === 0) return 0;
  return 0.75 * coverage(a, b) + 0.25 * coverage(b, a);
}

/** True when every word of the table title occurs (or is abbreviated) in the entry title. */
export function isShortForm(tableTitle: string, entryTitle: string): boolean {
  const b = titleTokens(entryTitle);
  const a = titleTokens(tableTitle);
  return a.length > 0 && a.every((t) => b.some((u) => sameToken(t, u)));
}

/** Comparison form of a longer text (descriptions): whitespace and typographic quotes unified. */
export function normalizeText(text: string): string {
  return text.replace(/[„“”"‚‘’']/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}
