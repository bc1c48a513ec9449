/**
 * Plain multi-line text from the catalogues → blocks for display. Blank lines separate
 * paragraphs; lines starting with "- " (or "• ", "– ") become list items, consecutive ones one
 * list; an indented line after an item continues that item. Nothing is interpreted as HTML.
 */
export type RichBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[-•–]\s+/;

export function parseRichText(text: string | null | undefined): RichBlock[] {
  if (!text) return [];
  const blocks: RichBlock[] = [];
  const chunks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const chunk of chunks) {
    let paragraph: string[] = [];
    let list: string[] | null = null;
    const flushParagraph = () => {
      const joined = paragraph.join('\n').trim();
      if (joined) blocks.push({ kind: 'paragraph', text: joined });
      paragraph = [];
    };
    const flushList = () => {
      if (list && list.length) blocks.push({ kind: 'list', items: list });
      list = null;
    };
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      if (BULLET.test(line)) {
        flushParagraph();
        list ??= [];
        list.push(line.replace(BULLET, '').trim());
      } else if (list && list.length && /^\s+/.test(line)) {
        list[list.length - 1] += ` ${line.trim()}`;
      } else {
        flushList();
        paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}
