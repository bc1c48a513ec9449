/**
 * The steering report as a print document (exports/print-document.ts), so the PDF goes through
 * the editions' Typst path (exports/pdf/render.ts) unchanged: cover (report title, catalogue,
 * scope, period), a table of contents and one level-1 section per part of the report (each
 * starts a page). The figures and lists are printed as text lines — the HTML view carries
 * the charts with their data tables, the PDF the same numbers.
 */
import type { PrintDocument, PrintSection } from '../exports/print-document';
import { printText } from '../exports/print-document';
import { createTranslator, type MessageKey } from '../../i18n/translator';
import { formatDate, formatDateShort, formatNumber } from '../../i18n/format';
import type { SteeringReport } from './steering';

export function steeringPrintDocument(report: SteeringReport, locale = 'de'): PrintDocument {
  const t = createTranslator(locale);
  const k = (key: string, vars?: Record<string, string | number>) => t(`admin.steering.${key}` as MessageKey, vars);
  const fmt = (n: number) => formatNumber(n, locale);
  const named = (number: string | null, title: string) => (number ? `${number}: ${title}` : title);
  const lines = (items: string[]) => (items.length ? printText(items.join('\n')) : { text: k('none') });
  let n = 0;
  const section = (heading: string, body: ReturnType<typeof lines> | null, sections: PrintSection[] = [], level = 1): PrintSection => ({
    anchor: `bericht-${++n}`,
    level,
    heading,
    body,
    measures: [],
    sections,
  });
  const since = formatDateShort(report.since, locale);
  const sections: PrintSection[] = [
    section(
      k('sections.overview'),
      lines((['measures', 'changes', 'gapRecords', 'goalsWithoutMeasures', 'overdue'] as const).map((key) => `${k(`totals.${key}`)}: ${fmt(report.totals[key])}`)),
    ),
    section(k('sections.states'), lines(report.byState.map((s) => `${s.label}: ${fmt(s.count)}`))),
    section(
      k('sections.changes', { since, count: report.totals.changes }),
      lines([
        ...(report.changesTruncated ? [k('changesTruncated', { count: report.changes.length })] : []),
        ...report.changes.map((c) => {
          const fields = c.fields.map((f) => t(`feeds.field.${f}` as MessageKey)).join(', ');
          return `${formatDateShort(c.at, locale)} · ${k(`kind.${c.kind}`)} · ${named(c.number, c.title)}${fields ? ` (${fields})` : ''}`;
        }),
      ]),
    ),
    section(k('sections.gaps'), null, [
      section(
        k('gapRecords', { count: report.gaps.records.length }),
        lines(report.gaps.records.map((g) => `${g.placement ?? ''}: ${g.title}${g.responsibleText ? ` (${g.responsibleText})` : ''}`)),
        [],
        2,
      ),
      section(
        k('goals', { count: report.gaps.goals.length }),
        lines(report.gaps.goals.map((g) => `${g.handlungsfeld ? `${g.handlungsfeld} › ` : ''}${g.code ?? ''}: ${g.body ?? g.title}`)),
        [],
        2,
      ),
    ]),
    section(
      k('sections.overdue', { count: report.totals.overdue }),
      lines(report.overdue.map((m) => `${m.placement ? `${m.placement} · ` : ''}${named(m.number, m.title)} · ${k('columns.lastReviewed')}: ${m.lastReviewedAt ? formatDateShort(m.lastReviewedAt, locale) : k('never')}`)),
    ),
  ];
  return {
    lang: locale,
    title: k('title'),
    subtitle: report.catalogue.title,
    publisher: null,
    stand: k('period', { since: formatDate(report.since, locale), generated: formatDate(report.generatedAt, locale) }),
    selection: k('scope', { scope: report.node ? report.node.label : k('wholeCatalogue') }),
    foreword: null,
    generated: formatDate(report.generatedAt, locale),
    labels: {
      publisher: t('catalogue.publisher'),
      stand: t('catalogue.stand'),
      toc: t('catalogue.toc'),
      foreword: t('catalogue.foreword'),
      page: t('export.pdf.page'),
      pageOf: t('export.pdf.pageOf'),
      newMarker: t('measure.new'),
      references: t('measure.references'),
      generated: t('export.pdf.generated'),
    },
    sections,
    measureCount: 0,
  };
}
