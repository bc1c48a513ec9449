/**
 * The report for the steering group (Lenkungsgruppe, issue 15 point 5), framework-free: for one
 * catalogue, optionally one Handlungsfeld (or diversity dimension), and a date ("seit"):
 * - the measures by structured state (dashboard/charts.ts `stateCounts`, the dashboard's count);
 * - the published changes since the date (feeds/changes.ts, classified by feeds/classify.ts);
 * - the gaps: gap records and Handlungsziele without measures (gaps/);
 * - the measures overdue for review (review/due.ts: the measure's interval, else its catalogue's);
 * - charts of the states and the changes (charts/, the dashboard's ChartView shape).
 *
 * Every section is one statement, whatever the catalogue’s size (six in all, the form’s options included).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { authorize, type SessionUser } from '../auth/policy';
import { stateCounts, type CountRow } from '../dashboard/charts';
import type { ChartView } from '../dashboard/chart-views';
import { loadPublicChanges, type PublicChange } from '../feeds/changes';
import type { ChangeKind, FeedField } from '../feeds/classify';
import { gapRecords, type GapRecord } from '../gaps/gap-records';
import { goalsWithoutMeasures, type GoalWithoutMeasures } from '../gaps/goals-without-measures';
import { overdueSql, reviewableSql } from '../review/due';
import { placementColumns } from '../gaps/placement';
import { measureBelowNode } from '../gaps/subtree';
import { asIsoDate, asText, type Row } from '../gaps/scope';
import { renderBarChart, type BarDatum } from '../charts/bar-chart';
import { createTranslator, type MessageKey } from '../../i18n/translator';
import { formatNumber, TIME_ZONE } from '../../i18n/format';
import { measureHref } from '../../components/paths';

/** Months before today the report looks back by default. */
export const DEFAULT_SINCE_MONTHS = 12;
/** At most this many changes are listed (the rest is counted as truncated). */
export const CHANGE_LIMIT = 500;
/** The kinds of change the report lists; "reviewed, unchanged" is a review, not a change. */
export const REPORT_CHANGE_KINDS = ['new', 'changed', 'restored', 'archived'] as const satisfies readonly ChangeKind[];
export type ReportChangeKind = (typeof REPORT_CHANGE_KINDS)[number];

export interface SteeringParams {
  /** Municipality slug (locals.municipality). */
  municipality: string;
  /** Catalogue slug (required: without it there is only the form). */
  catalogue?: string | null;
  /** Top-level node id (Handlungsfeld or dimension); unknown ids are dropped. */
  node?: string | null;
  /** "since" as entered (YYYY-MM-DD); empty: DEFAULT_SINCE_MONTHS ago. */
  since?: string | null;
}

export interface SteeringOptions {
  now?: Date;
  /** Language of the report's own texts (messages, charts); the content stays German. */
  locale?: string;
}

export interface ReportNode {
  id: string;
  label: string;
}

export interface ReportChange {
  revisionId: number;
  measureId: string;
  kind: ReportChangeKind;
  /** ISO timestamp of the publication. */
  at: string;
  title: string;
  number: string | null;
  fields: FeedField[];
  /** Public page of the measure; null when it is archived. */
  href: string | null;
}

export interface OverdueMeasure {
  measureId: string;
  number: string | null;
  title: string;
  placement: string | null;
  /** ISO date, or null: never reviewed. */
  lastReviewedAt: string | null;
  href: string;
}

export interface SteeringReport {
  catalogue: { slug: string; title: string };
  node: ReportNode | null;
  /** ISO date the changes are listed from. */
  since: string;
  /** ISO timestamp the report was produced at. */
  generatedAt: string;
  totals: { measures: number; changes: number; gapRecords: number; goalsWithoutMeasures: number; overdue: number };
  byState: CountRow[];
  changes: ReportChange[];
  changesByKind: Record<ReportChangeKind, number>;
  /** More than CHANGE_LIMIT changes: the list shows the newest. */
  changesTruncated: boolean;
  gaps: { records: GapRecord[]; goals: GoalWithoutMeasures[] };
  overdue: OverdueMeasure[];
  charts: ChartView[];
}

export interface SteeringForm {
  catalogues: { slug: string; title: string }[];
  /** Top-level nodes of the chosen catalogue (Handlungsfelder, dimensions). */
  nodes: ReportNode[];
  /** The values as applied (for the form). */
  catalogue: string;
  node: string;
  since: string;
}

export type SteeringResult =
  | { status: 'ok'; form: SteeringForm; report: SteeringReport }
  /** No (known) catalogue chosen: only the form. */
  | { status: 'choose'; form: SteeringForm }
  | { status: 'invalid'; form: SteeringForm; errors: { field: 'seit'; message: string }[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in the city's time zone (ISO). */
export function cityDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The default "since": the same day DEFAULT_SINCE_MONTHS months before today (city time). */
export function defaultSince(now: Date): string {
  const [y, m, d] = cityDate(now).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - DEFAULT_SINCE_MONTHS, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, lastDay));
  return date.toISOString().slice(0, 10);
}

/** Validates "since": a real calendar date, not in the future. Returns a message key on error. */
export function parseSince(value: string | null | undefined, now: Date): { ok: true; since: string } | { ok: false; error: 'invalid' | 'future' } {
  const v = (value ?? '').trim();
  if (!v) return { ok: true, since: defaultSince(now) };
  if (!ISO_DATE.test(v)) return { ok: false, error: 'invalid' };
  const date = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) return { ok: false, error: 'invalid' };
  if (v > cityDate(now)) return { ok: false, error: 'future' };
  return { ok: true, since: v };
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

async function formOptions(db: Db, municipality: string, catalogue: string | null): Promise<{ catalogues: { id: string; slug: string; title: string }[]; nodes: ReportNode[] }> {
  // One statement: the catalogues, and the top-level nodes of the chosen one.
  const rows = await queryRows<Row>(
    db,
    sql`select 'c' as kind, c.id, c.slug, c.title, null as code, c.position as position, 0 as sub
        from catalogues c where c.municipality_id = (select id from municipalities where slug = ${municipality})
        union all
        select 'n', n.id, c.slug, n.title, n.code, c.position, n.position
        from nodes n join catalogues c on c.id = n.catalogue_id
        where c.municipality_id = (select id from municipalities where slug = ${municipality}) and c.slug = ${catalogue ?? ''}
          and n.parent_id is null and n.archived_at is null and n.type in ('handlungsfeld', 'dimension')
        order by 1, 6, 7, 4`,
  );
  return {
    catalogues: rows.filter((r) => r.kind === 'c').map((r) => ({ id: str(r.id), slug: str(r.slug), title: str(r.title) })),
    nodes: rows.filter((r) => r.kind === 'n').map((r) => ({ id: str(r.id), label: r.code ? `${str(r.code)}. ${str(r.title)}` : str(r.title) })),
  };
}

async function overdueMeasures(db: Db, catalogueId: string, catalogueSlug: string, node: string | null, now: Date): Promise<OverdueMeasure[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.slug, m.number, m.title, m.last_reviewed_at, ${placementColumns('m')}
        from measures m join catalogues c on c.id = m.catalogue_id
        where m.catalogue_id = ${catalogueId} and ${reviewableSql('m')} and ${overdueSql(now)}
          and ${measureBelowNode(node, 'm')}
        order by m.last_reviewed_at nulls first, m.position, m.id`,
  );
  return rows
    .map((r) => ({
      measureId: str(r.id),
      number: asText(r.number),
      title: str(r.title),
      placement: asText(r.placement),
      lastReviewedAt: asIsoDate(r.last_reviewed_at),
      href: measureHref(catalogueSlug, str(r.slug)),
    }));
}

function reportChange(c: PublicChange): ReportChange | null {
  if (!(REPORT_CHANGE_KINDS as readonly string[]).includes(c.kind)) return null;
  return {
    revisionId: c.revisionId,
    measureId: c.measureId,
    kind: c.kind as ReportChangeKind,
    at: c.at.toISOString(),
    title: c.title,
    number: c.number,
    fields: c.fields,
    href: c.measureSlug ? measureHref(c.catalogue.slug, c.measureSlug) : null,
  };
}

/** The report's charts: measures by state and changes by kind, each with its data table. */
export function steeringCharts(report: Omit<SteeringReport, 'charts'>, locale: string): ChartView[] {
  const t = createTranslator(locale);
  const k = (key: string, vars?: Record<string, string | number>) => t(`admin.steering.charts.${key}` as MessageKey, vars);
  const fmt = (n: number) => formatNumber(n, locale);
  const chart = (id: string, rows: { key: string; label: string; lang: string | null; count: number }[], column: string): ChartView => {
    const bars: BarDatum[] = rows.map((r) => ({ key: r.key, label: r.label, value: r.count }));
    const desc = k(`${id}.desc`, { summary: rows.map((r) => `${r.label}: ${fmt(r.count)}`).join('; ') });
    return {
      id: `bericht-${id}`,
      title: k(`${id}.title`),
      note: null,
      svg: renderBarChart(bars, { id: `bericht-${id}`, title: k(`${id}.title`), desc, empty: k('empty'), format: fmt, labelLang: rows[0]?.lang ?? undefined }),
      table: { caption: k(`${id}.title`), columns: [column, k('count')], rows: rows.map((r) => ({ key: r.key, label: r.label, lang: r.lang, cells: [fmt(r.count)] })) },
    };
  };
  return [
    chart('status', report.byState.map((r) => ({ key: r.key, label: r.label, lang: 'de', count: r.count })), k('state')),
    chart(
      'aenderungen',
      REPORT_CHANGE_KINDS.map((kind) => ({ key: kind, label: t(`admin.steering.kind.${kind}` as MessageKey), lang: null, count: report.changesByKind[kind] })),
      k('kind'),
    ),
  ];
}

/** Loads the report; the user needs report.read (Redaktion, steering group, administration). */
export async function loadSteeringReport(db: Db, user: SessionUser | null, params: SteeringParams, options: SteeringOptions = {}): Promise<SteeringResult> {
  authorize(user, 'report.read');
  const now = options.now ?? new Date();
  const locale = options.locale ?? 'de';
  const t = createTranslator(locale);
  const options_ = await formOptions(db, params.municipality, params.catalogue ?? null);
  const catalogue = options_.catalogues.find((c) => c.slug === params.catalogue) ?? null;
  const node = catalogue ? (options_.nodes.find((n) => n.id === params.node) ?? null) : null;
  const since = parseSince(params.since, now);
  const form: SteeringForm = {
    catalogues: options_.catalogues.map(({ slug, title }) => ({ slug, title })),
    nodes: options_.nodes,
    catalogue: catalogue?.slug ?? '',
    node: node?.id ?? '',
    since: since.ok ? since.since : (params.since ?? ''),
  };
  if (!since.ok) return { status: 'invalid', form, errors: [{ field: 'seit', message: t(`admin.steering.errors.${since.error}` as MessageKey) }] };
  if (!catalogue) return { status: 'choose', form };

  const nodeId = node?.id ?? null;
  const gapScope = { municipality: params.municipality, catalogue: catalogue.slug, node: nodeId };
  // Sequential: PGlite runs one statement at a time, and PostgreSQL needs no more for six.
  const byState = await stateCounts(db, gapScope);
  const published = await loadPublicChanges(db, { kind: 'catalogue', catalogueId: catalogue.id, nodeId }, CHANGE_LIMIT + 1, { since: since.since, until: now });
  const records = await gapRecords(db, gapScope);
  const goals = await goalsWithoutMeasures(db, gapScope);
  const overdue = await overdueMeasures(db, catalogue.id, catalogue.slug, nodeId, now);

  // Newest first by publication time (the feed orders by revision id, which follows it).
  const all = published
    .map(reportChange)
    .filter((c): c is ReportChange => c !== null)
    .sort((a, b) => b.at.localeCompare(a.at) || b.revisionId - a.revisionId);
  const changes = all.slice(0, CHANGE_LIMIT);
  const changesByKind = Object.fromEntries(REPORT_CHANGE_KINDS.map((kind) => [kind, changes.filter((c) => c.kind === kind).length])) as Record<ReportChangeKind, number>;
  const base: Omit<SteeringReport, 'charts'> = {
    catalogue: { slug: catalogue.slug, title: catalogue.title },
    node,
    since: since.since,
    generatedAt: now.toISOString(),
    totals: {
      measures: byState.reduce((a, r) => a + r.count, 0),
      changes: changes.length,
      gapRecords: records.length,
      goalsWithoutMeasures: goals.length,
      overdue: overdue.length,
    },
    byState,
    changes,
    changesByKind,
    changesTruncated: published.length > CHANGE_LIMIT,
    gaps: { records, goals },
    overdue,
  };
  return { status: 'ok', form, report: { ...base, charts: steeringCharts(base, locale) } };
}
