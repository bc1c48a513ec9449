/**
 * Line chart over calendar months (the trend from the revision history). x from d3-scale's
 * scaleTime, y from scaleLinear (nice ticks), the path from d3-shape's line(). Series differ by
 * dash pattern and marker shape as well as by name in the legend, not by colour alone.
 */
import { scaleLinear, scaleTime } from 'd3-scale';
import { line } from 'd3-shape';
import { COLOURS, emptyChart, esc, round, svgFrame, type ChartText } from './svg';

export interface LineSeries {
  key: string;
  label: string;
  /** One value per month, in month order. */
  values: number[];
}

export interface LineGeometry {
  width: number;
  height: number;
  xTicks: { month: string; x: number }[];
  yTicks: { value: number; y: number }[];
  series: { key: string; label: string; path: string; points: { month: string; value: number; x: number; y: number }[] }[];
}

export const LINE_CHART_WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 34, right: 16, bottom: 34, left: 44 };

/** "2026-12" → the first of the month, UTC. */
export function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

export function lineGeometry(months: readonly string[], series: readonly LineSeries[], width = LINE_CHART_WIDTH): LineGeometry {
  const dates = months.map(monthDate);
  const x = scaleTime()
    .domain([dates[0] ?? new Date(0), dates[dates.length - 1] ?? new Date(0)])
    .range([MARGIN.left, width - MARGIN.right]);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y);
  // Every sixth month labelled, always the last one (labels of about 70 units must not touch).
  const step = 6;
  const xTicks = months
    .map((month, i) => ({ month, i }))
    .filter(({ i }) => (months.length - 1 - i) % step === 0)
    .map(({ month }) => ({ month, x: round(x(monthDate(month))) }));
  return {
    width,
    height: HEIGHT,
    xTicks,
    yTicks: y.ticks(4).filter(Number.isInteger).map((value) => ({ value, y: round(y(value)) })),
    series: series.map((s) => {
      const points = months.map((month, i) => ({ month, value: s.values[i] ?? 0, x: round(x(dates[i]!)), y: round(y(s.values[i] ?? 0)) }));
      return { key: s.key, label: s.label, path: path(points) ?? '', points };
    }),
  };
}

const DASHES = ['', '6 4', '2 3'];

function marker(kind: number, x: number, y: number, title: string): string {
  const t = `<title>${title}</title>`;
  if (kind % 2 === 0) return `<circle class="chart-point" cx="${x}" cy="${y}" r="3.5" fill="${COLOURS.bar}">${t}</circle>`;
  return `<rect class="chart-point" x="${round(x - 3.5)}" y="${round(y - 3.5)}" width="7" height="7" fill="#ffffff" stroke="${COLOURS.bar}" stroke-width="2">${t}</rect>`;
}

export function renderLineChart(
  months: readonly string[],
  series: readonly LineSeries[],
  text: ChartText & { formatMonth: (month: string) => string },
): string {
  if (!months.length || series.every((s) => s.values.every((v) => v <= 0))) return emptyChart(text);
  const g = lineGeometry(months, series);
  const grid = g.yTicks
    .map(
      (t) =>
        `<line class="chart-grid" x1="${MARGIN.left}" x2="${g.width - MARGIN.right}" y1="${t.y}" y2="${t.y}" stroke="${COLOURS.grid}" stroke-width="0.5"/>` +
        `<text class="chart-tick" x="${MARGIN.left - 6}" y="${t.y}" text-anchor="end" dominant-baseline="central" fill="${COLOURS.text}">${esc(text.format(t.value))}</text>`,
    )
    .join('');
  const xAxis = g.xTicks
    .map((t, i, all) => {
      // The last label ends at its month, so it stays inside the chart.
      const anchor = i === all.length - 1 ? 'end' : i === 0 && t.x - MARGIN.left < 36 ? 'start' : 'middle';
      return `<text class="chart-tick" x="${t.x}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="${anchor}" fill="${COLOURS.text}">${esc(text.formatMonth(t.month))}</text>`;
    })
    .join('');
  let lx = MARGIN.left;
  const legend = g.series
    .map((s, i) => {
      const item =
        `<g class="chart-legend-item"><line x1="${lx}" x2="${lx + 28}" y1="14" y2="14" stroke="${COLOURS.bar}" stroke-width="2"${DASHES[i % DASHES.length] ? ` stroke-dasharray="${DASHES[i % DASHES.length]}"` : ''}/>` +
        marker(i, lx + 14, 14, esc(s.label)) +
        `<text class="chart-legend" x="${lx + 36}" y="18" fill="${COLOURS.text}">${esc(s.label)}</text></g>`;
      lx += 36 + s.label.length * 7.5 + 24;
      return item;
    })
    .join('');
  const lines = g.series
    .map((s, i) => {
      const dash = DASHES[i % DASHES.length];
      const points = s.points.map((p) => marker(i, p.x, p.y, `${esc(s.label)}, ${esc(text.formatMonth(p.month))}: ${esc(text.format(p.value))}`)).join('');
      return `<g class="chart-series"><path class="chart-line" d="${s.path}" fill="none" stroke="${COLOURS.bar}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${points}</g>`;
    })
    .join('');
  const baseline = `<line class="chart-axis" x1="${MARGIN.left}" x2="${g.width - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}" stroke="${COLOURS.grid}" stroke-width="1"/>`;
  return svgFrame(text, g.width, g.height, grid + baseline + xAxis + legend + lines);
}
