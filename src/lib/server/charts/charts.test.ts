/**
 * The server-rendered charts: geometry from d3-scale/d3-shape (bars proportional to their
 * values, segments summing to the row, a line through every month) and the accessible markup
 * (role="img" named by <title> and <desc>, a text label and number for every bar, escaping,
 * a German "no data" sentence instead of an empty chart).
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator';
import { formatNumber, formatMonth } from '../../i18n/format';
import { barGeometry, renderBarChart, BAR_CHART_WIDTH, type BarDatum } from './bar-chart';
import { renderStackedBarChart, stackGeometry, type StackSeries } from './stacked-bar-chart';
import { lineGeometry, renderLineChart } from './line-chart';
import type { ChartText } from './svg';

const de = createTranslator('de');
const text = (id: string): ChartText => ({
  id,
  title: 'Maßnahmen je Katalog',
  desc: 'Balkendiagramm',
  empty: de('admin.dashboard.charts.empty'),
  format: (n) => formatNumber(n, 'de'),
  labelLang: 'de',
});
const data: BarDatum[] = [
  { key: 'a', label: 'Integrationskonzept', value: 165 },
  { key: 'b', label: 'Diversity', value: 84 },
  { key: 'c', label: 'Vereinbarungen', value: 50 },
  { key: 'd', label: 'Leer', value: 0 },
];

/** Attribute values of every element matching `tag.class`. */
function attrs(svg: string, selector: RegExp, attr: string): number[] {
  return [...svg.matchAll(selector)].map((m) => Number(new RegExp(`${attr}="([^"]+)"`).exec(m[0])![1]));
}

describe('bar chart', () => {
  it('draws bars proportional to their values, the longest filling the plot', () => {
    const g = barGeometry(data);
    const [a, b, c, d] = g.bars;
    expect(a!.width).toBeGreaterThan(0);
    expect(a!.width).toBeLessThanOrEqual(BAR_CHART_WIDTH);
    expect(b!.width / a!.width).toBeCloseTo(84 / 165, 2);
    expect(c!.width / a!.width).toBeCloseTo(50 / 165, 2);
    expect(d!.width).toBe(0);
    // Rows below each other, without overlap.
    for (let i = 1; i < g.bars.length; i++) expect(g.bars[i]!.y).toBeGreaterThanOrEqual(g.bars[i - 1]!.y + g.bars[i - 1]!.height);
    expect(g.height).toBeGreaterThan(g.bars.at(-1)!.y + g.bars.at(-1)!.height);
  });

  it('renders an accessible SVG: role img named by title and desc, a label and a number for every bar', () => {
    const svg = renderBarChart(data, text('chart-katalog'));
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="chart-katalog-title chart-katalog-desc"/);
    expect(svg).toContain('<title id="chart-katalog-title">Maßnahmen je Katalog</title>');
    expect(svg).toContain('<desc id="chart-katalog-desc">Balkendiagramm</desc>');
    for (const d of data) {
      expect(svg).toContain(`>${d.label}</text>`);
      expect(svg).toMatch(new RegExp(`class="chart-value"[^>]*>${d.value}</text>`));
    }
    const widths = attrs(svg, /<rect class="chart-bar"[^>]*>/g, 'width');
    expect(widths).toEqual(barGeometry(data).bars.map((b) => b.width));
    // Category labels are document content: marked German.
    expect(svg).toMatch(/<text class="chart-label"[^>]*lang="de">/);
  });

  it('shows a summary row ("weitere") with its number but without a bar, outside the scale', () => {
    const rows: BarDatum[] = [...data.slice(0, 2), { key: 'weitere', label: '117 weitere Akteure', value: 282, bar: false }];
    const g = barGeometry(rows);
    expect(g.bars[0]!.width).toBeGreaterThan(BAR_CHART_WIDTH / 2);
    expect(g.bars[2]!.width).toBe(0);
    const svg = renderBarChart(rows, text('rest'));
    expect((svg.match(/<rect class="chart-bar"/g) ?? []).length).toBe(2);
    expect(svg).toContain('>117 weitere Akteure</text>');
    expect(svg).toMatch(/class="chart-value"[^>]*>282<\/text>/);
  });

  it('formats numbers with the locale', () => {
    const svg = renderBarChart([{ key: 'x', label: 'Viele', value: 12345 }], text('n'));
    expect(svg).toContain('>12.345</text>');
    const en = renderBarChart([{ key: 'x', label: 'Many', value: 12345 }], { ...text('n'), format: (n) => formatNumber(n, 'en') });
    expect(en).toContain('>12,345</text>');
  });

  it('escapes labels and titles', () => {
    const svg = renderBarChart([{ key: 'x', label: '<script>alert("x")</script> & Co', value: 1 }], { ...text('e'), title: 'A "B" <C>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(svg).toContain('<title id="e-title">A &quot;B&quot; &lt;C&gt;</title>');
  });

  it('shows a German sentence instead of an empty chart', () => {
    for (const empty of [[], [{ key: 'x', label: 'Null', value: 0 }]]) {
      const out = renderBarChart(empty, text('leer'));
      expect(out).not.toContain('<svg');
      expect(out).toContain('Keine Daten vorhanden.');
    }
  });
});

describe('stacked bar chart (review health)', () => {
  const series: StackSeries[] = [
    { key: 'current', label: 'aktuell', colour: '#0d5a4a', pattern: 'none' },
    { key: 'dueSoon', label: 'bald fällig', colour: '#6b4300', pattern: 'diagonal' },
    { key: 'overdue', label: 'überfällig', colour: '#a21a14', pattern: 'cross' },
  ];
  const rows = [
    { key: 'a', label: 'Integrationskonzept', values: [10, 20, 70] },
    { key: 'b', label: 'Diversity', values: [0, 0, 50] },
  ];

  it('stacks segments that add up to the row, rows on one scale', () => {
    const g = stackGeometry(series, rows);
    const [a, b] = g.rows;
    const total = (r: typeof a) => r!.segments.reduce((s, x) => s + x.width, 0);
    expect(a!.segments.map((s) => s.value)).toEqual([10, 20, 70]);
    expect(a!.segments[1]!.x).toBeCloseTo(a!.segments[0]!.x + a!.segments[0]!.width, 1);
    expect(a!.segments[1]!.width / a!.segments[2]!.width).toBeCloseTo(20 / 70, 2);
    expect(total(b) / total(a)).toBeCloseTo(50 / 100, 2);
  });

  it('names every series in a legend and tells them apart by pattern as well as colour', () => {
    const svg = renderStackedBarChart(series, rows, { ...text('chart-pruefung'), title: 'Stand der Prüfung' });
    expect(svg).toContain('<title id="chart-pruefung-title">Stand der Prüfung</title>');
    for (const s of series) expect(svg).toContain(`>${s.label}</text>`);
    expect(svg).toContain('<pattern id="chart-pruefung-dueSoon"');
    expect(svg).toContain('<pattern id="chart-pruefung-overdue"');
    expect(svg).toContain('fill="url(#chart-pruefung-overdue)"');
    // Totals and the segment numbers as text.
    expect(svg).toMatch(/class="chart-value"[^>]*>100<\/text>/);
    expect(svg).toMatch(/class="chart-segment-value"[^>]*>70<\/text>/);
    expect(svg).toContain('<title>überfällig: 50</title>');
  });

  it('shows the German "no data" sentence when there is nothing to stack', () => {
    expect(renderStackedBarChart(series, [], text('x'))).toContain('Keine Daten vorhanden.');
    expect(renderStackedBarChart(series, [{ key: 'a', label: 'A', values: [0, 0, 0] }], text('x'))).not.toContain('<svg');
  });
});

describe('line chart (trend)', () => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
  const series = [
    { key: 'changes', label: 'Änderungen', values: [0, 4, 2, 0, 8, 1, 3] },
    { key: 'measures', label: 'geänderte Maßnahmen', values: [0, 2, 2, 0, 5, 1, 1] },
  ];
  const lineText = { ...text('chart-verlauf'), title: 'Änderungen je Monat', formatMonth: (m: string) => formatMonth(m, 'de'), labelLang: undefined };

  it('puts months left to right on a time scale and values on a linear scale from zero', () => {
    const g = lineGeometry(months, series);
    const xs = g.series[0]!.points.map((p) => p.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
    const ys = g.series[0]!.points.map((p) => p.y);
    const zero = ys[0]!;
    // Higher values are higher up; a value twice as large is twice as far from the baseline.
    expect(ys[4]).toBeLessThan(ys[1]!);
    expect((zero - ys[4]!) / (zero - ys[1]!)).toBeCloseTo(2, 2);
    expect(g.series[0]!.path.startsWith('M')).toBe(true);
    expect(g.series[0]!.path.split('L')).toHaveLength(months.length);
    expect(g.yTicks[0]!.value).toBe(0);
  });

  it('labels the axes, names the series in a legend and differs them by dash and marker', () => {
    const svg = renderLineChart(months, series, lineText);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="chart-verlauf-title chart-verlauf-desc"/);
    expect(svg).toContain('>Änderungen</text>');
    expect(svg).toContain('>geänderte Maßnahmen</text>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain(`>${formatMonth('2026-07', 'de')}</text>`);
    expect(svg).toContain(`<title>Änderungen, ${formatMonth('2026-05', 'de')}: 8</title>`);
    expect((svg.match(/<path class="chart-line"/g) ?? []).length).toBe(2);
  });

  it('shows the German "no data" sentence for a trend without changes', () => {
    const out = renderLineChart(months, [{ key: 'c', label: 'Änderungen', values: months.map(() => 0) }], lineText);
    expect(out).not.toContain('<svg');
    expect(out).toContain('Keine Daten vorhanden.');
  });
});
