/**
 * The dashboard's figures (issue 15, point 4): counts of the catalogue by catalogue,
 * Handlungsfeld, diversity dimension, state, responsible actor and target group, review health
 * and the trend of changes from the revision history and across frozen editions. One aggregate
 * statement per chart.
 *
 * A measure counts as the public pages count it (catalogue/counting.ts, COUNTED_MEASURE_SQL:
 * published, not a gap record), so every number here equals the public one. Review health
 * classifies with the review-due rule of review/due.ts (intervals per catalogue and measure),
 * called, not copied.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { COUNTED_MEASURE_SQL } from '../catalogue/counting';
import { measureBelowNode } from '../gaps/subtree';
import { DUE_SOON_DAYS as REVIEW_DUE_SOON_DAYS, dueOn, effectiveInterval, reviewStatus } from '../review/due';
import { TIME_ZONE } from '../../i18n/format';

export interface DashboardScope {
  /** Municipality slug (locals.municipality). */
  municipality: string;
  /** Catalogue slug; empty or null: all catalogues of the municipality. */
  catalogue?: string | null;
  /**
   * Node id (Handlungsfeld, dimension): only measures placed at or below it. Honoured by
   * `stateCounts` (the steering report's scope); the dashboard does not set it.
   */
  node?: string | null;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** The most frequent entries, and what the rest adds up to ("weitere"). */
export interface TopCounts {
  rows: CountRow[];
  /** Entries beyond the top N: how many, and the sum of their counts; null when there are none. */
  rest: { entries: number; count: number } | null;
}

export interface ReviewHealthRow {
  key: string;
  label: string;
  current: number;
  dueSoon: number;
  overdue: number;
}

export interface TrendMonth {
  /** "YYYY-MM", in the city's time zone. */
  month: string;
  /** Revisions of measures recorded in the month. */
  changes: number;
  /** Distinct measures changed in the month. */
  measures: number;
}

export interface DashboardCharts {
  /** The effective filter ('' = all catalogues). */
  catalogue: string;
  catalogues: { slug: string; title: string }[];
  byCatalogue: CountRow[];
  byHandlungsfeld: CountRow[];
  byDimension: CountRow[];
  byState: CountRow[];
  byActor: TopCounts;
  byTargetGroup: TopCounts;
  reviewHealth: ReviewHealthRow[];
  trend: TrendMonth[];
  /** Frozen editions (Ausgaben) with the measures in their snapshot, gaps left out, oldest first per catalogue. */
  byEdition: CountRow[];
}

/** How many actors and target groups the charts name before "weitere". */
export const TOP_N = 10;
/** "Due soon": due within this many days (the due lists' window, review/due.ts). */
export const DUE_SOON_DAYS = REVIEW_DUE_SOON_DAYS;
/** Months of the trend, ending with the current one. */
export const TREND_MONTHS = 24;

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v ?? 0);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const isoDate = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
};

/** Top N by count (ties by label), the rest summed up. Rows must be sorted by count. */
export function topCounts(rows: readonly CountRow[], n = TOP_N): TopCounts {
  if (rows.length <= n) return { rows: [...rows], rest: null };
  const rest = rows.slice(n);
  return { rows: rows.slice(0, n), rest: { entries: rest.length, count: rest.reduce((a, r) => a + r.count, 0) } };
}

/** "YYYY-MM" of `now` in the city's time zone and the months before it, oldest first. */
export function trendMonths(now: Date, months = TREND_MONTHS): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

function scopeSql(scope: DashboardScope, alias = 'c'): SQL {
  const c = sql.raw(alias);
  const municipality = sql`${c}.municipality_id = (select id from municipalities where slug = ${scope.municipality})`;
  return scope.catalogue ? sql`${municipality} and ${c}.slug = ${scope.catalogue}` : municipality;
}

/** Catalogues with their counted measures (also the filter's options). */
async function cataloguesWithCounts(db: Db, municipality: string): Promise<(CountRow & { title: string })[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select c.slug, c.title, count(m.id)::int as n
        from catalogues c
        left join measures m on m.catalogue_id = c.id and ${COUNTED_MEASURE_SQL}
        where ${scopeSql({ municipality })}
        group by c.id
        order by c.position, c.title`,
  );
  return rows.map((r) => ({ key: str(r.slug), label: str(r.title), title: str(r.title), count: num(r.n) }));
}

/**
 * Top-level Handlungsfelder and dimensions with the measures anywhere below them (a measure
 * listed under two Leitziele of one field counts once), as the home page counts them.
 */
async function sectionCounts(db: Db, scope: DashboardScope): Promise<{ handlungsfelder: CountRow[]; dimensions: CountRow[] }> {
  const rows = await queryRows<Row>(
    db,
    sql`with recursive below as (
          select n.id as top_id, n.id from nodes n
          join catalogues c on c.id = n.catalogue_id
          where ${scopeSql(scope)} and n.parent_id is null and n.archived_at is null
            and n.type in ('handlungsfeld', 'dimension')
          union all
          select b.top_id, n.id from nodes n join below b on n.parent_id = b.id where n.archived_at is null
        )
        select top.id, top.type, top.code, top.title, count(distinct m.id)::int as n
        from nodes top
        join catalogues c on c.id = top.catalogue_id
        join below b on b.top_id = top.id
        left join measure_nodes mn on mn.node_id = b.id
        left join measures m on m.id = mn.measure_id and ${COUNTED_MEASURE_SQL}
        group by top.id, c.id
        order by c.position, c.title, top.position`,
  );
  const row = (r: Row): CountRow => ({ key: str(r.id), label: r.code ? `${str(r.code)}. ${str(r.title)}` : str(r.title), count: num(r.n) });
  return {
    handlungsfelder: rows.filter((r) => r.type === 'handlungsfeld').map(row),
    dimensions: rows.filter((r) => r.type === 'dimension').map(row),
  };
}

/** Every structured state, in its order, with the counted measures in it (zero included). */
export async function stateCounts(db: Db, scope: DashboardScope): Promise<CountRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select s.code, s.label, count(m.id)::int as n
        from measure_states s
        left join (measures m join catalogues c on c.id = m.catalogue_id)
          on m.state_code = s.code and ${COUNTED_MEASURE_SQL} and ${scopeSql(scope)} and ${measureBelowNode(scope.node, 'm')}
        group by s.code, s.label, s.position
        order by s.position, s.code`,
  );
  return rows.map((r) => ({ key: str(r.code), label: str(r.label), count: num(r.n) }));
}

/** Responsible actors (Verantwortlich) by number of counted measures, most first. */
async function actorCounts(db: Db, scope: DashboardScope): Promise<CountRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select a.slug, a.name, count(distinct m.id)::int as n
        from measure_actors ma
        join actors a on a.id = ma.actor_id
        join measures m on m.id = ma.measure_id and ${COUNTED_MEASURE_SQL}
        join catalogues c on c.id = m.catalogue_id
        where ma.role = 'verantwortlich' and ${scopeSql(scope)}
        group by a.id
        order by n desc, a.name`,
  );
  return rows.map((r) => ({ key: str(r.slug), label: str(r.name), count: num(r.n) }));
}

/** Target groups by number of counted measures, most first (as the public list counts them). */
async function targetGroupCounts(db: Db, scope: DashboardScope): Promise<CountRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select tg.slug, tg.name, count(distinct m.id)::int as n
        from measure_target_groups mtg
        join target_groups tg on tg.id = mtg.target_group_id
        join measures m on m.id = mtg.measure_id and ${COUNTED_MEASURE_SQL}
        join catalogues c on c.id = m.catalogue_id
        where ${scopeSql(scope)}
        group by tg.id
        order by n desc, tg.name`,
  );
  return rows.map((r) => ({ key: str(r.slug), label: str(r.name), count: num(r.n) }));
}

/**
 * Review health per catalogue: counted measures grouped by their last review date and interval
 * (one row per catalogue, date and interval), classified by `reviewStatus` at `now`: overdue;
 * due today or within DUE_SOON_DAYS (due soon); current.
 */
async function reviewHealth(db: Db, scope: DashboardScope, now: Date): Promise<ReviewHealthRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select c.slug, c.title, m.last_reviewed_at, m.review_interval_months as own_interval, c.review_interval_months as catalogue_interval, count(m.id)::int as n
        from catalogues c
        join measures m on m.catalogue_id = c.id and ${COUNTED_MEASURE_SQL}
        where ${scopeSql(scope)}
        group by c.id, m.last_reviewed_at, m.review_interval_months
        order by c.position, c.title`,
  );
  const byCatalogue = new Map<string, ReviewHealthRow>();
  for (const r of rows) {
    const key = str(r.slug);
    let row = byCatalogue.get(key);
    if (!row) byCatalogue.set(key, (row = { key, label: str(r.title), current: 0, dueSoon: 0, overdue: 0 }));
    const interval = effectiveInterval(r.own_interval == null ? null : num(r.own_interval), num(r.catalogue_interval));
    const status = reviewStatus(dueOn(isoDate(r.last_reviewed_at), interval), now);
    if (status === 'overdue') row.overdue += num(r.n);
    else if (status === 'current') row.current += num(r.n);
    else row.dueSoon += num(r.n);
  }
  return [...byCatalogue.values()];
}

/** Changes (revisions) of counted measures per month over TREND_MONTHS, months without changes as zero. */
async function trend(db: Db, scope: DashboardScope, now: Date): Promise<TrendMonth[]> {
  const months = trendMonths(now);
  const rows = await queryRows<Row>(
    db,
    sql`select to_char(r.created_at at time zone ${TIME_ZONE}, 'YYYY-MM') as month,
          count(*)::int as changes, count(distinct r.entity_id)::int as measures
        from revisions r
        join measures m on m.id = r.entity_id and ${COUNTED_MEASURE_SQL}
        join catalogues c on c.id = m.catalogue_id
        where r.entity_type = 'measure' and ${scopeSql(scope)}
          and r.created_at >= (${`${months[0]}-01`}::timestamp at time zone ${TIME_ZONE})
        group by 1`,
  );
  const found = new Map(rows.map((r) => [str(r.month), r]));
  return months.map((month) => ({ month, changes: num(found.get(month)?.changes), measures: num(found.get(month)?.measures) }));
}

/**
 * Frozen editions with the number of measures their snapshot holds (editions/content.ts:
 * EditionContent.measures, published measures at freezing time), gap records left out as in
 * COUNTED_MEASURE_SQL. Editions of the source documents have no snapshot and are not counted.
 */
async function editionCounts(db: Db, scope: DashboardScope): Promise<CountRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select e.id, e.label, c.title as catalogue_title,
          (select count(*) from jsonb_array_elements(coalesce(e.snapshot->'measures', '[]'::jsonb)) x
           where coalesce((x->>'isGap')::boolean, false) = false)::int as n
        from editions e
        join catalogues c on c.id = e.catalogue_id
        where ${scopeSql(scope)} and e.frozen_at is not null
        order by c.position, c.title, e.frozen_at, e.id`,
  );
  return rows.map((r) => ({ key: str(r.id), label: `${str(r.catalogue_title)} – ${str(r.label)}`, count: num(r.n) }));
}

export async function loadDashboardCharts(db: Db, scope: DashboardScope, now: Date = new Date()): Promise<DashboardCharts> {
  const all = await cataloguesWithCounts(db, scope.municipality);
  // An unknown catalogue slug is ignored (all catalogues), as in the gap analysis.
  const catalogue = scope.catalogue && all.some((c) => c.key === scope.catalogue) ? scope.catalogue : '';
  const s: DashboardScope = { municipality: scope.municipality, catalogue: catalogue || null };
  const sections = await sectionCounts(db, s);
  const byState = await stateCounts(db, s);
  const actors = await actorCounts(db, s);
  const groups = await targetGroupCounts(db, s);
  const health = await reviewHealth(db, s, now);
  const months = await trend(db, s, now);
  const byEdition = await editionCounts(db, s);
  return {
    catalogue,
    catalogues: all.map((c) => ({ slug: c.key, title: c.title })),
    byCatalogue: all.filter((c) => !catalogue || c.key === catalogue).map(({ key, label, count }) => ({ key, label, count })),
    byHandlungsfeld: sections.handlungsfelder,
    byDimension: sections.dimensions,
    byState,
    byActor: topCounts(actors),
    byTargetGroup: topCounts(groups),
    reviewHealth: health,
    trend: months,
    byEdition,
  };
}
