/**
 * Horizontal bar chart: one row per category, the label above its bar and the count at the
 * bar's end (text, not colour, carries the numbers). Rows from d3-scale's scaleBand, lengths
 * from scaleLinear.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { COLOURS, emptyChart, esc, langAttr, round, svgFrame, truncate, type ChartText } from './svg';

export interface BarDatum {
  /** Stable key (slug, code). */
  key: string;
  label: string;
  value: number;
  /**
   * false: a summary row ("117 weitere Akteure") shown with its number but without a bar and
   * outside the scale, since a sum of many entries does not compare with a single one.
   */
  bar?: boolean;
}

export interface BarGeometry {
  width: number;
  height: number;
  bars: { key: string; label: string; value: number; bar: boolean; x: number; y: number; width: number; height: number; labelY: number; valueX: number }[];
}

export const BAR_CHART_WIDTH = 640;
const ROW = 42;
const LABEL = 17;
const VALUE_SPACE = 72;

export function barGeometry(data: readonly BarDatum[], width = BAR_CHART_WIDTH): BarGeometry {
  const rows = scaleBand<string>()
    .domain(data.map((d, i) => `${i}`))
    .range([4, 4 + data.length * ROW])
    .paddingInner(0.1);
  const max = Math.max(0, ...data.filter((d) => d.bar !== false).map((d) => d.value));
  const length = scaleLinear()
    .domain([0, max || 1])
    .range([0, width - VALUE_SPACE]);
  const bars = data.map((d, i) => {
    const top = rows(`${i}`)!;
    const w = d.bar === false ? 0 : length(Math.max(0, d.value));
    return {
      key: d.key,
      label: d.label,
      value: d.value,
      bar: d.bar !== false,
      x: 0,
      y: round(top + LABEL + 2),
      width: round(w),
      height: round(rows.bandwidth() - LABEL - 2),
      labelY: round(top + LABEL - 4),
      valueX: round(w + 6),
    };
  });
  return { width, height: round(4 + data.length * ROW + 4), bars };
}

export function renderBarChart(data: readonly BarDatum[], text: ChartText): string {
  if (!data.length || data.every((d) => d.value <= 0 || d.bar === false)) return emptyChart(text);
  const g = barGeometry(data);
  const lang = langAttr(text.labelLang);
  const rows = g.bars
    .map(
      (b) =>
        `<g class="chart-row">` +
        `<text class="chart-label" x="0" y="${b.labelY}" fill="${COLOURS.text}"${lang}>${esc(truncate(b.label))}</text>` +
        (b.bar
          ? `<rect class="chart-bar" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${COLOURS.bar}"><title${lang}>${esc(b.label)}: ${esc(text.format(b.value))}</title></rect>`
          : '') +
        `<text class="chart-value" x="${b.valueX}" y="${round(b.y + b.height / 2)}" dominant-baseline="central" fill="${COLOURS.text}">${esc(text.format(b.value))}</text>` +
        `</g>`,
    )
    .join('');
  const axis = `<line class="chart-axis" x1="0" x2="0" y1="0" y2="${g.height}" stroke="${COLOURS.grid}" stroke-width="1"/>`;
  return svgFrame(text, g.width, g.height, axis + rows);
}
