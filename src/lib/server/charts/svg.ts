/**
 * Shared pieces of the server-rendered SVG charts: escaping, the accessible frame (role="img",
 * <title> and <desc> named by aria-labelledby) and the "no data" replacement. Geometry comes
 * from d3-scale and d3-shape in the chart modules; nothing here draws.
 */
import { escapeHtml } from '../text/escape';

export const esc = escapeHtml;

/** Texts of one chart, already translated by the caller (charts know no locale). */
export interface ChartText {
  /** Unique in the page: prefix of the element ids (title, desc, patterns). */
  id: string;
  title: string;
  desc: string;
  /** Shown instead of the chart when there is nothing to draw ("Keine Daten vorhanden."). */
  empty: string;
  /** Formats a count for display (the app's Intl helper, formatNumber). */
  format: (value: number) => string;
  /** Language of the category labels when it differs from the interface (document content: "de"). */
  labelLang?: string;
}

/**
 * Colours: KERN UX palette variables (700 level, ≥ 7:1 against white) through the CSS classes
 * of the chart figure, with the same colours as presentation attributes, so a chart keeps its
 * contrast without the stylesheet too.
 */
export const COLOURS = {
  bar: '#233f8f',
  current: '#0d5a4a',
  dueSoon: '#6b4300',
  overdue: '#a21a14',
  text: '#1d1d1b',
  grid: '#6b6b6b',
} as const;

/** Shortens a label for the SVG (the full text is in the table and the element's <title>). */
export function truncate(label: string, max = 70): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

export const round = (n: number): number => Math.round(n * 100) / 100;

/** The accessible SVG frame around the chart's content. */
export function svgFrame(text: ChartText, width: number, height: number, content: string, defs = ''): string {
  const id = esc(text.id);
  return (
    // direction="ltr": the geometry runs left to right; in an RTL page SVG text would otherwise
    // inherit `direction: rtl` and anchor its labels on the wrong side.
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" direction="ltr" ` +
    `viewBox="0 0 ${width} ${round(height)}" width="${width}" height="${round(height)}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${esc(text.title)}</title><desc id="${id}-desc">${esc(text.desc)}</desc>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    content +
    `</svg>`
  );
}

/** What replaces a chart with nothing to show: a sentence, never an empty or broken SVG. */
export function emptyChart(text: ChartText): string {
  return `<p class="kern-body chart-empty" id="${esc(text.id)}-empty">${esc(text.empty)}</p>`;
}

export const langAttr = (lang: string | undefined): string => (lang ? ` lang="${esc(lang)}"` : '');
