/**
 * Text helpers for the PDF-extracted markdown/HTML mix of the report: markup is removed, the
 * printed wording stays (typos included); paragraphs are separated by "\n\n", bullets become
 * "- " lines.
 */
import { decodeEntities } from '../html-entities';

export { decodeEntities };



const ESC = '\uE000';

/** Strips markdown emphasis (`**bold**`, `*italic*`, broken `Ziel:**`) and backslash escapes. */
export function stripMarkdownInline(text: string): string {
  let s = text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_, c: string) => ESC + c);
  s = s.replace(/\*\*/g, '');
  s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2');
  s = s.replace(new RegExp(`${ESC}(.)`, 'g'), '$1');
  return decodeEntities(s);
}

/** Bold spans of a markdown line (`**…**`), cleaned. */
export function markdownBoldSpans(text: string): string[] {
  const s = text.replace(/\\\*/g, ESC);
  return [...s.matchAll(/\*\*([^*]+?)\*\*/g)].map((m) => stripMarkdownInline((m[1] ?? '').replace(new RegExp(ESC, 'g'), '\\*')).trim());
}

/** Bold spans of an HTML cell (`<b>…</b>`), cleaned. */
export function htmlBoldSpans(html: string): string[] {
  return [...html.matchAll(/<b>([\s\S]*?)<\/b>/gi)]
    .map((m) => collapse(decodeEntities((m[1] ?? '').replace(/<[^>]+>/g, ' '))))
    .filter(Boolean);
}

function collapse(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').trim();
}

/**
 * Text of an HTML table cell: `<li>` items become "- " lines, `<p>` blocks paragraphs, all other
 * tags are dropped.
 */
export function htmlToText(html: string): string {
  let s = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>\s*(?:•\s*)?/gi, '\n\u0001')
    .replace(/<\/li>/gi, '\n')
    .replace(/<\/?ul[^>]*>/gi, '\n\n')
    .replace(/<\/?ol[^>]*>/gi, '\n\n')
    .replace(/<\/?p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  // Blocks: paragraphs (lines joined) and list items; list items follow each other directly.
  const blocks: { text: string; item: boolean }[] = [];
  let open = false;
  for (const raw of s.split('\n')) {
    const line = collapse(raw);
    if (!line) {
      open = false;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (line.startsWith('\u0001')) {
      blocks.push({ text: `- ${line.slice(1).replace(/^•\s*/, '').trim()}`, item: true });
      open = true;
    } else if (open && last) last.text += ` ${line}`;
    else {
      blocks.push({ text: line, item: false });
      open = true;
    }
  }
  return blocks
    .map((b, n) => (n === 0 ? b.text : `${b.item && blocks[n - 1]?.item ? '\n' : '\n\n'}${b.text}`))
    .join('');
}

/** The list items of an HTML cell, and the text before the list. */
export function htmlListItems(html: string): { vorListe: string; punkte: string[] } {
  const idx = html.search(/<ul[^>]*>/i);
  if (idx < 0) return { vorListe: htmlToText(html), punkte: [] };
  const punkte = [...html.slice(idx).matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)].map((m) =>
    collapse(decodeEntities((m[1] ?? '').replace(/<[^>]+>/g, ' ')).replace(/^\s*•\s*/, '')),
  );
  return { vorListe: htmlToText(html.slice(0, idx)), punkte };
}

/** Text without any markup, on one line (for titles and comparisons). */
export function flatText(text: string): string {
  return collapse(stripMarkdownInline(htmlToText(text)).replace(/\n+/g, ' '));
}

/** True when the text ends a sentence or a clause that may end a paragraph. */
export function endsParagraph(text: string): boolean {
  return /[.!?:;)“”"»…]\s*$/.test(text.trim());
}

/** Bullet ("- ", "• ", "* ") or numbered ("1. ") list line. */
export function isListLine(line: string): boolean {
  return /^\s*(?:[-•]|\*(?!\*)|\d+\.)\s+/.test(line);
}

/** A list line as "- item" (keeping nesting indentation and numbers). */
export function normalizeListLine(line: string): string {
  const m = line.match(/^(\s*)(?:([-•])|(\*)(?!\*)|(\d+\.))\s+(.*)$/);
  if (!m) return line.trim();
  const indent = (m[1] ?? '').length >= 2 ? '  ' : '';
  const marker = m[4] ?? '-';
  return `${indent}${marker} ${(m[5] ?? '').trim()}`;
}
