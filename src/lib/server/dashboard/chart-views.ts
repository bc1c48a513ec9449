/**
 * The dashboard's charts as the page shows them: for each figure of charts.ts the server-rendered
 * SVG (charts/) and a data table with the same numbers, every text translated and every number
 * formatted with the app's Intl helpers. The page renders the SVG as markup and the table as
 * HTML: both show without JavaScript.
 */
import { createTranslator, type MessageKey, type Translate } from '../../i18n/translator';
import { formatMonth, formatNumber } from '../../i18n/format';
import { renderBarChart, type BarDatum } from '../charts/bar-chart';
import { renderStackedBarChart, type StackSeries } from '../charts/stacked-bar-chart';
import { renderLineChart } from '../charts/line-chart';
import { COLOURS, type ChartText } from '../charts/svg';
import { DUE_SOON_DAYS, TREND_MONTHS, type CountRow, type DashboardCharts, type TopCounts } from './charts';

export interface ChartTable {
  caption: string;
  /** Column headers; the first is the category, the others numeric. */
  columns: string[];
  rows: { key: string; label: string; /** Language of the label (document content: "de"). */ lang: string | null; cells: string[] }[];
}

export interface ChartView {
  /** Element id prefix and anchor ("chart-katalog"). */
  id: string;
  title: string;
  note: string | null;
  /** Trusted markup: built by charts/ with every text escaped. */
  svg: string;
  table: ChartTable;
}

export const CHART_IDS = ['katalog', 'handlungsfeld', 'dimension', 'status', 'akteur', 'zielgruppe', 'pruefung', 'verlauf', 'ausgaben'] as const;
export type ChartId = (typeof CHART_IDS)[number];

const CONTENT_LANG = 'de';

function summary(rows: readonly { label: string; value: number }[], format: (n: number) => string): string {
  return rows.map((r) => `${r.label}: ${format(r.value)}`).join('; ');
}

export function buildChartViews(data: DashboardCharts, locale: string): ChartView[] {
  const t: Translate = createTranslator(locale);
  const fmt = (n: number) => formatNumber(n, locale);
  const k = (key: string) => t(`admin.dashboard.charts.${key}` as MessageKey);
  const text = (id: ChartId, desc: string, labelLang: string | undefined = CONTENT_LANG): ChartText => ({
    id: `chart-${id}`,
    title: k(`${id}.title`),
    desc,
    empty: k('empty'),
    format: fmt,
    labelLang,
  });

  const countChart = (id: ChartId, rows: readonly CountRow[], firstColumn: string, rest?: TopCounts['rest'], restKey?: string): ChartView => {
    const bars: BarDatum[] = rows.map((r) => ({ key: r.key, label: r.label, value: r.count }));
    const tableRows: ChartTable['rows'] = rows.map((r) => ({ key: r.key, label: r.label, lang: CONTENT_LANG, cells: [fmt(r.count)] }));
    if (rest && restKey) {
      const label = t(`admin.dashboard.charts.${restKey}` as MessageKey, { count: rest.entries });
      bars.push({ key: 'weitere', label, value: rest.count, bar: false });
      tableRows.push({ key: 'weitere', label, lang: null, cells: [fmt(rest.count)] });
    }
    const desc = t(`admin.dashboard.charts.${id}.desc` as MessageKey, { summary: summary(bars, fmt) });
    return {
      id: `chart-${id}`,
      title: k(`${id}.title`),
      note: rest !== undefined ? k(`${id}.note`) : null,
      svg: renderBarChart(bars, text(id, desc)),
      table: { caption: k(`${id}.title`), columns: [firstColumn, k('columns.measures')], rows: tableRows },
    };
  };

  const series: StackSeries[] = [
    { key: 'current', label: k('columns.current'), colour: COLOURS.current, pattern: 'none' },
    { key: 'dueSoon', label: k('columns.dueSoon'), colour: COLOURS.dueSoon, pattern: 'diagonal' },
    { key: 'overdue', label: k('columns.overdue'), colour: COLOURS.overdue, pattern: 'cross' },
  ];
  const health = data.reviewHealth.map((r) => ({ key: r.key, label: r.label, values: [r.current, r.dueSoon, r.overdue] }));
  const healthDesc = t('admin.dashboard.charts.pruefung.desc', {
    days: DUE_SOON_DAYS,
    summary: data.reviewHealth
      .map((r) => `${r.label}: ${series.map((s, i) => `${s.label} ${fmt(health.find((h) => h.key === r.key)!.values[i]!)}`).join(', ')}`)
      .join('; '),
  });

  const months = data.trend.map((m) => m.month);
  const month = (m: string) => formatMonth(m, locale);
  const trendSeries = [
    { key: 'changes', label: k('columns.changes'), values: data.trend.map((m) => m.changes) },
    { key: 'measures', label: k('columns.changedMeasures'), values: data.trend.map((m) => m.measures) },
  ];
  const active = data.trend.filter((m) => m.changes > 0);
  const trendDesc = t('admin.dashboard.charts.verlauf.desc', {
    months: TREND_MONTHS,
    summary: active.length
      ? active.map((m) => `${month(m.month)}: ${fmt(m.changes)} / ${fmt(m.measures)}`).join('; ')
      : k('empty'),
  });

  return [
    countChart('katalog', data.byCatalogue, k('columns.catalogue')),
    countChart('handlungsfeld', data.byHandlungsfeld, k('columns.handlungsfeld')),
    countChart('dimension', data.byDimension, k('columns.dimension')),
    countChart('status', data.byState, k('columns.state')),
    countChart('akteur', data.byActor.rows, k('columns.actor'), data.byActor.rest, 'restActors'),
    countChart('zielgruppe', data.byTargetGroup.rows, k('columns.targetGroup'), data.byTargetGroup.rest, 'restTargetGroups'),
    {
      id: 'chart-pruefung',
      title: k('pruefung.title'),
      note: t('admin.dashboard.charts.pruefung.note', { days: DUE_SOON_DAYS }),
      svg: renderStackedBarChart(series, health, text('pruefung', healthDesc)),
      table: {
        caption: k('pruefung.title'),
        columns: [k('columns.catalogue'), ...series.map((s) => s.label), k('columns.total')],
        rows: health.map((r) => ({ key: r.key, label: r.label, lang: CONTENT_LANG, cells: [...r.values.map(fmt), fmt(r.values.reduce((a, b) => a + b, 0))] })),
      },
    },
    {
      id: 'chart-verlauf',
      title: k('verlauf.title'),
      note: k('verlauf.note'),
      svg: renderLineChart(months, trendSeries, { ...text('verlauf', trendDesc, undefined), formatMonth: month }),
      table: {
        caption: k('verlauf.title'),
        columns: [k('columns.month'), k('columns.changes'), k('columns.changedMeasures')],
        rows: data.trend.map((m) => ({ key: m.month, label: month(m.month), lang: null, cells: [fmt(m.changes), fmt(m.measures)] })),
      },
    },
    { ...countChart('ausgaben', data.byEdition, k('columns.edition')), note: k('ausgaben.note') },
  ];
}
