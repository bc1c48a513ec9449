/**
 * A minimal HTML page for answers given in hooks before SvelteKit renders anything: no scripts,
 * no styles, nothing loaded, so it fits the strictest CSP. Texts come translated by the caller.
 */
import { escapeHtml } from '../text/escape';

export interface PlainPage {
  status: number;
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Paragraphs of plain text (escaped here). */
  paragraphs: string[];
  /** Links shown below the text: [label, href]. */
  links: [string, string][];
}

export function plainPageResponse(page: PlainPage): Response {
  const links = page.links.map(([label, href]) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`).join(' · ');
  const html = `<!doctype html>
<html lang="${escapeHtml(page.lang)}" dir="${page.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} – Vielfalt</title><meta name="robots" content="noindex"></head>
<body><main><h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>${links}</p></main></body></html>`;
  return new Response(html, { status: page.status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
