/**
 * Stacked horizontal bars (review health: current / due soon / overdue per catalogue). Each
 * segment has its own fill pattern besides its colour, the legend repeats colour and pattern
 * with the series name, and segments wide enough carry their count as text.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { COLOURS, emptyChart, esc, langAttr, round, svgFrame, truncate, type ChartText } from './svg';

export interface StackSeries {
  key: string;
  label: string;
  colour: string;
  /** Fill pattern over the colour, so the series differ by more than colour. */
  pattern: 'none' | 'diagonal' | 'cross';
}

export interface StackRow {
  key: string;
  label: string;
  /** One value per series, in series order. */
  values: number[];
}

export interface StackSegment {
  series: string;
  value: number;
  x: number;
  width: number;
}

export interface StackGeometry {
  width: number;
  height: number;
  legendHeight: number;
  rows: { key: string; label: string; total: number; y: number; height: number; labelY: number; segments: StackSegment[] }[];
}

export const STACKED_CHART_WIDTH = 640;
const ROW = 46;
const LABEL = 17;
const LEGEND = 30;
const TOTAL_SPACE = 72;
/** Narrower segments show no number inside (it is in the table and the segment's <title>). */
const MIN_LABELLED = 28;

export function stackGeometry(series: readonly StackSeries[], rows: readonly StackRow[], width = STACKED_CHART_WIDTH): StackGeometry {
  const band = scaleBand<string>()
    .domain(rows.map((_, i) => `${i}`))
    .range([LEGEND, LEGEND + rows.length * ROW])
    .paddingInner(0.1);
  const totals = rows.map((r) => r.values.reduce((a, b) => a + Math.max(0, b), 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([0, width - TOTAL_SPACE]);
  return {
    width,
    legendHeight: LEGEND,
    height: round(LEGEND + rows.length * ROW + 4),
    rows: rows.map((r, i) => {
      const top = band(`${i}`)!;
      let sum = 0;
      const segments = series.map((s, j) => {
        const value = Math.max(0, r.values[j] ?? 0);
        const segment = { series: s.key, value, x: round(x(sum)), width: round(x(sum + value) - x(sum)) };
        sum += value;
        return segment;
      });
      return { key: r.key, label: r.label, total: totals[i]!, y: round(top + LABEL + 2), height: round(band.bandwidth() - LABEL - 2), labelY: round(top + LABEL - 4), segments };
    }),
  };
}

function patternDefs(id: string, series: readonly StackSeries[]): string {
  return series
    .filter((s) => s.pattern !== 'none')
    .map((s) => {
      const lines =
        s.pattern === 'diagonal'
          ? `<path d="M0 10 L10 0" stroke="#ffffff" stroke-width="1.25"/>`
          : `<path d="M0 10 L10 0 M0 0 L10 10" stroke="#ffffff" stroke-width="1.25"/>`;
      return `<pattern id="${id}-${esc(s.key)}" patternUnits="userSpaceOnUse" width="10" height="10">${lines}</pattern>`;
    })
    .join('');
}

function swatch(id: string, s: StackSeries, x: number, y: number, w: number, h: number, extra = ''): string {
  const base = `<rect class="chart-segment chart-segment--${esc(s.key)}" x="${x}" y="${y}" width="${w}" height="${h}" fill="${esc(s.colour)}">${extra}</rect>`;
  return s.pattern === 'none' ? base : `${base}<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#${id}-${esc(s.key)})" aria-hidden="true"/>`;
}

export function renderStackedBarChart(series: readonly StackSeries[], rows: readonly StackRow[], text: ChartText): string {
  if (!rows.length || rows.every((r) => r.values.every((v) => v <= 0))) return emptyChart(text);
  const id = esc(text.id);
  const g = stackGeometry(series, rows);
  const lang = langAttr(text.labelLang);
  let lx = 0;
  const legend = series
    .map((s) => {
      const item = `<g class="chart-legend-item">${swatch(id, s, lx, 6, 16, 16)}<text class="chart-legend" x="${lx + 22}" y="19" fill="${COLOURS.text}">${esc(s.label)}</text></g>`;
      lx += 22 + s.label.length * 7.5 + 24;
      return item;
    })
    .join('');
  const body = g.rows
    .map((r) => {
      const segments = r.segments
        .filter((seg) => seg.width > 0)
        .map((seg) => {
          const s = series.find((x) => x.key === seg.series)!;
          // The number on a solid plate of the series colour, so the pattern never runs through it.
          const value = text.format(seg.value);
          const plate = value.length * 7.5 + 8;
          const cx = round(seg.x + seg.width / 2);
          const cy = round(r.y + r.height / 2);
          const label =
            seg.width >= Math.max(MIN_LABELLED, plate + 4)
              ? `<rect class="chart-segment chart-segment--${esc(s.key)}" x="${round(cx - plate / 2)}" y="${round(cy - 8)}" width="${round(plate)}" height="16" rx="2" fill="${esc(s.colour)}" aria-hidden="true"/>` +
                `<text class="chart-segment-value" x="${cx}" y="${cy}" text-anchor="middle" dominant-baseline="central" fill="#ffffff">${esc(value)}</text>`
              : '';
          return swatch(id, s, seg.x, r.y, seg.width, r.height, `<title>${esc(s.label)}: ${esc(text.format(seg.value))}</title>`) + label;
        })
        .join('');
      const end = r.segments.length ? r.segments[r.segments.length - 1]! : null;
      const endX = end ? end.x + end.width : 0;
      return (
        `<g class="chart-row"><text class="chart-label" x="0" y="${r.labelY}" fill="${COLOURS.text}"${lang}>${esc(truncate(r.label))}</text>` +
        segments +
        `<text class="chart-value" x="${round(endX + 6)}" y="${round(r.y + r.height / 2)}" dominant-baseline="central" fill="${COLOURS.text}">${esc(text.format(r.total))}</text></g>`
      );
    })
    .join('');
  return svgFrame(text, g.width, g.height, legend + body, patternDefs(id, series));
}
