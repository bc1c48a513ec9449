/** The funding report's chart: approved cents by area, through the dashboard's bar chart path. */
import { createTranslator } from '../../i18n/translator';
import { formatCents } from '../../money';
import { renderBarChart } from '../charts/bar-chart';
import type { ChartView } from '../dashboard/chart-views';
import type { FundingReport } from './reports';

export function fundingChartView(report: FundingReport, year: number, locale: string): ChartView {
  const t = createTranslator(locale);
  const title = t('funding.admin.chartTitle', { year });
  const rows = report.byArea.map((a) => ({ key: a.area, label: a.area, value: a.cents }));
  return {
    id: 'chart-foerderung',
    title,
    note: null,
    svg: renderBarChart(rows, {
      id: 'chart-foerderung',
      title,
      desc: rows.map((r) => `${r.label}: ${formatCents(r.value)}`).join('; '),
      empty: t('admin.dashboard.charts.empty'),
      format: formatCents,
      labelLang: 'de',
    }),
    table: {
      caption: title,
      columns: [t('funding.admin.columns.area'), t('funding.admin.columns.count'), t('funding.admin.columns.amount')],
      rows: report.byArea.map((a) => ({ key: a.area, label: a.area, lang: 'de', cells: [String(a.count), formatCents(a.cents)] })),
    },
  };
}
