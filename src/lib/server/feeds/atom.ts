/**
 * Atom 1.0 (RFC 4287) from a feed document, written by the `feed` library: it produces the
 * envelope, escapes element text and attribute values, and splits CDATA sections that would
 * otherwise end early. Two things it leaves to us:
 * - titles, summaries and content are written as `type="html"`, so our plain text is escaped
 *   as HTML first (a measure called "Kita & Schule" must not become markup);
 * - characters XML 1.0 cannot carry (control characters from pasted text) are dropped, so the
 *   feed stays well-formed whatever was typed into a measure.
 */
import { Feed } from 'feed';

export interface FeedEntry {
  /** Stable identifier (a tag: URI), never reused for another change. */
  id: string;
  title: string;
  url: string;
  updated: Date;
  /** Plain text. */
  summary: string;
  /** Plain text; paragraphs separated by blank lines. */
  content?: string;
}

export interface FeedDocument {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own address (rel="self") and the page it belongs to (rel="alternate"). */
  selfUrl: string;
  pageUrl: string;
  updated: Date;
  author: string;
  /** Language of the feed's texts (xml:lang). */
  language: string;
  entries: FeedEntry[];
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

// XML 1.0 Char production: tab, newline, carriage return and everything from U+0020 except
// the surrogates (lone ones; pairs are matched with the u flag) and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function html(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${html(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function renderAtom(doc: FeedDocument): string {
  const feed = new Feed({
    id: doc.id,
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.subtitle),
    link: doc.pageUrl,
    feed: doc.selfUrl,
    updated: doc.updated,
    author: { name: xmlSafe(doc.author) },
    generator: 'Vielfalt',
  });
  for (const e of doc.entries) {
    const content = e.content ? paragraphs(e.content) : '';
    feed.addItem({
      id: e.id,
      title: html(e.title),
      link: e.url,
      date: e.updated,
      description: html(e.summary),
      ...(content ? { content } : {}),
    });
  }
  // The library has no option for the language; the root element is always written like this.
  return feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${html(doc.language)}">`);
}
