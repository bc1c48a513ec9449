/**
 * Plain text from the HTML and markdown fragments of the extracted Integrationskonzept:
 * tags are dropped, paragraphs become "\n\n", list items become lines starting with "- ",
 * entities are decoded, markdown emphasis ("**") and escapes are removed, footnote markers
 * (`<sup>3</sup>`, "¹") are taken out of the text and reported.
 *
 * Runs of spaces are kept here on purpose: in the table cells they stand for line breaks
 * (see `normValue`) or separate two actors (see actors/splitActors). Callers normalise.
 */
import { decodeEntities } from '../html-entities';

export { decodeEntities };

export interface CellText {
  text: string;
  /** Footnote numbers found in the fragment, in order. */
  markers: string[];
}



const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
export const SUPERSCRIPT_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

export function superscriptToDigits(s: string): string {
  return [...s].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');
}

/** Markdown that may occur in the extract: headings, bold, escapes, links, autolinks. */
function stripMarkdown(s: string): string {
  return s
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\\([_*#[\]()\\-])/g, '$1');
}

interface Block {
  kind: 'p' | 'li';
  text: string;
}

/**
 * Converts one table cell or line (HTML and/or markdown) to text with block structure:
 * paragraphs separated by "\n\n", list items as "- item" lines joined by "\n".
 */
export function cellToText(raw: string): CellText {
  const markers: string[] = [];
  const blocks: Block[] = [];
  let cur: Block = { kind: 'p', text: '' };
  const lists: { ordered: boolean; sawLi: boolean }[] = [];
  let inSup = false;
  let supText = '';

  const flush = () => {
    let text = cur.text.replace(/^[ \t]+|[ \t]+$/g, '').replace(/^\n+|\n+$/g, '');
    const list = lists[lists.length - 1];
    if (text) {
      if (cur.kind === 'li') {
        const ordered = list?.ordered ?? false;
        text = ordered ? text : `- ${text.replace(/^[-•–]\s*/, '')}`;
        blocks.push({ kind: 'li', text });
      } else if (list && !list.sawLi) {
        // "<ul> - Punkt eins - Punkt zwei" (list items without <li>, as in 004)
        for (const item of text.split(/(?:^|\s+)[-•]\s+/)) {
          if (item.trim()) blocks.push({ kind: 'li', text: `- ${item.trim()}` });
        }
      } else {
        blocks.push({ kind: /^[-•]\s/.test(text) ? 'li' : 'p', text: text.replace(/^•\s/, '- ') });
      }
    }
    cur = { kind: 'p', text: '' };
  };

  const source = stripMarkdown(raw);
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let last = 0;
  const addText = (t: string) => {
    if (!t) return;
    const decoded = decodeEntities(t);
    if (inSup) supText += decoded;
    else cur.text += decoded;
  };
  for (let m = tagRe.exec(source); m; m = tagRe.exec(source)) {
    addText(source.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    switch (tag) {
      case 'p':
      case 'div':
        if (!closing && lists.length && !lists[lists.length - 1]!.sawLi) {
          flush();
          lists.pop(); // a paragraph ends a list written without <li>
        }
        flush();
        break;
      case 'ul':
      case 'ol':
        flush();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === 'ol', sawLi: false });
        break;
      case 'li':
        flush();
        if (!closing) {
          const list = lists[lists.length - 1];
          if (list) list.sawLi = true;
          cur = { kind: 'li', text: '' };
        }
        break;
      case 'br':
        cur.text += '\n';
        break;
      case 'sup':
        if (!closing) {
          inSup = true;
          supText = '';
        } else {
          inSup = false;
          const n = supText.trim();
          if (/^\d+$/.test(n)) markers.push(n);
          else cur.text += supText;
        }
        break;
      default:
        // inline markup (b, u, a, span, strong, em …): text only
        break;
    }
  }
  addText(source.slice(last));
  flush();

  let text = '';
  blocks.forEach((b, i) => {
    if (i > 0) text += b.kind === 'p' && blocks[i - 1]!.kind === 'p' ? '\n\n' : '\n';
    text += b.text;
  });
  // Unicode superscript footnote markers glued to a word: "InHa-Projekt¹)"
  text = text.replace(new RegExp(`(?<=[\\p{L}\\p{N}.,;:)“”"])(${SUPERSCRIPT_CLASS}+)`, 'gu'), (sup: string) => {
    markers.push(superscriptToDigits(sup));
    return '';
  });
  return { text, markers };
}

/**
 * Value of a field (measure text, Zielgruppe, Status, Bemerkungen): a run of two or more
 * spaces before a capital letter or digit was a line break in the table cell and becomes "\n";
 * other runs become one space. Paragraph breaks ("\n\n") and "- " lines stay.
 */
export function normValue(text: string): string {
  const lines = text.split('\n').map((line) =>
    line
      .replace(/([^\s,]) {2,}(?=[A-ZÄÖÜ0-9„"(§])/g, '$1\n')
      .replace(/[ \t]+/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .join('\n'),
  );
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')
    .trim();
}

/** One line: all whitespace (also line breaks) becomes one space. */
export function normInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Key to compare two printings of the same text: whitespace, case of nothing, trailing period. */
export function compareKey(text: string): string {
  return normInline(text).replace(/\s+([.,;:])/g, '$1').replace(/[.\s]+$/, '');
}

const SMALL_WORDS = new Set(['in', 'im', 'und', 'der', 'die', 'das', 'für', 'von', 'zu', 'am', 'an', 'auf', 'mit', 'des', 'den', 'dem']);

/** "VIELFALT IN HERNE" → "Vielfalt in Herne" (only for all-capital headings). */
export function titleCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}
