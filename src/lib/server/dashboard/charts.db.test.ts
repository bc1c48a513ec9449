/**
 * The dashboard's figures on Herne's real documents (000 and 004 Integrationskonzept, 001
 * Diversity, 003 Vereinbarungen), on every engine: each count equals an independent plain SQL
 * count written here, and the numbers that can be read off the documents equal them too.
 *
 * From the documents (the integration concept's golden test, src/lib/server/importers/
 * integrationskonzept/golden.test.ts, counted record by record and checked with grep, e.g.
 * `grep -c '^## Handlungsfeld Bildung'` = 31): six Handlungsfelder with 38, 31, 48, 10, 24 and
 * 9 records; 4 of Interkulturelle Öffnung's and 1 of Kultur's records are gaps ("keine explizite
 * Maßnahme formuliert") and do not count, so 38, 31, 48, 6, 23 (+ its listed task areas, which
 * count as measures: catalogue/counting.ts) and 9. The diversity catalogue is grouped by its
 * seven dimensions (DOMAIN.md glossary).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows } from '../db/connection';
import { countQueries } from '../db/query-count';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { listCatalogues } from '../catalogue/queries';
import { listTargetGroups } from '../catalogue/target-groups';
import { loadDashboardCharts, TOP_N, trendMonths, type CountRow } from './charts';
import { buildChartViews } from './chart-views';
import { buildPublishedContent } from '../editions/content';

const SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];
const IKOE = 'Interkulturelle Öffnung der Stadtverwaltung Herne';
/** The fake clock: reviews and the trend window are judged at this moment. */
const NOW = new Date('2026-12-04T12:00:00Z');

const asMap = (rows: readonly CountRow[]) => Object.fromEntries(rows.map((r) => [r.label, r.count]));
const refMap = (rows: { label: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.label, Number(r.n)]));

describeEachEngine('dashboard figures on the real catalogues', (engine) => {
  let database: TestDatabase;
  const q = <T,>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await importSources(database, SOURCES.map((f) => readSourceFile(`data/sources/herne/${f}`)), { municipality: 'herne' });
    // Review dates: 10 diversity measures reviewed in June 2026 (current at NOW), 5 in December
    // 2025 (due within 30 days), the rest as imported (overdue).
    await database.db.execute(sql`update measures set last_reviewed_at = '2026-06-01' where id in (
      select m.id from measures m join catalogues c on c.id = m.catalogue_id
      where c.slug = 'diversity-massnahmenkatalog' and m.workflow_state = 'veroeffentlicht' and not m.is_gap order by m.position, m.id limit 10)`);
    await database.db.execute(sql`update measures set last_reviewed_at = '2025-12-20' where id in (
      select m.id from measures m join catalogues c on c.id = m.catalogue_id
      where c.slug = 'diversity-massnahmenkatalog' and m.workflow_state = 'veroeffentlicht' and not m.is_gap and m.last_reviewed_at is distinct from '2026-06-01'
      order by m.position, m.id limit 5)`);
    // History: two changes of one measure in March 2026, one at 00:30 on 1 January 2025 in Herne
    // (23:30 UTC the day before: inside the window), one at 23:30 on 31 December 2024 (outside).
    await database.db.execute(sql`insert into revisions (entity_type, entity_id, state, author_label, created_at)
      select 'measure', m.id, '{}'::jsonb, 'Test', t.at::timestamptz
      from (select m.id from measures m join catalogues c on c.id = m.catalogue_id
            where c.slug = 'integrationskonzept' and m.workflow_state = 'veroeffentlicht' and not m.is_gap order by m.position, m.id limit 1) m,
           (values ('2026-03-10T09:00:00Z'), ('2026-03-20T09:00:00Z'), ('2024-12-31T23:30:00Z'), ('2024-12-31T22:30:00Z')) as t(at)`);
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('counts per catalogue as the public catalogue list and as plain SQL, in one statement per chart (eight)', async () => {
    const { result: charts, statements } = await countQueries(() => loadDashboardCharts(database.db, { municipality: 'herne' }, NOW));
    expect(statements.length).toBeLessThanOrEqual(8);
    const ref = await q<{ label: string; n: number }>(sql`select c.title as label, count(*)::int as n from measures m
      join catalogues c on c.id = m.catalogue_id where m.workflow_state = 'veroeffentlicht' and m.is_gap = false group by c.title`);
    expect(asMap(charts.byCatalogue)).toEqual(refMap(ref));
    const pub = await listCatalogues(database.db, 'herne');
    expect(charts.byCatalogue.map((c) => [c.key, c.count])).toEqual(pub.map((c) => [c.slug, c.measureCount]));
    expect(charts.byCatalogue.map((c) => c.key)).toEqual(['integrationskonzept', 'diversity-massnahmenkatalog', 'vereinbarungen-neuzugewanderte']);
  });

  it('counts per Handlungsfeld as the documents and as plain SQL', async () => {
    const charts = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    // Independent: every measure linked to a node whose path of parents reaches the Handlungsfeld.
    const ref = await q<{ label: string; n: number }>(sql`with recursive up as (
        select n.id as node_id, n.id as ancestor_id, n.parent_id from nodes n
        union all
        select up.node_id, p.id, p.parent_id from up join nodes p on p.id = up.parent_id)
      select hf.title as label, count(distinct mn.measure_id)::int as n
      from nodes hf
      join up on up.ancestor_id = hf.id
      join measure_nodes mn on mn.node_id = up.node_id
      join measures m on m.id = mn.measure_id
      where hf.type = 'handlungsfeld' and hf.parent_id is null and m.workflow_state = 'veroeffentlicht' and not m.is_gap
      group by hf.title`);
    expect(asMap(charts.byHandlungsfeld)).toEqual(refMap(ref));
    // From the documents: six Handlungsfelder in their printed order …
    expect(charts.byHandlungsfeld.map((r) => r.label)).toEqual(['Ausbildung und Arbeit', 'Bildung', 'Gesundheit', IKOE, 'Kultur', 'Wohnen und Stadtentwicklung']);
    // … with their records less the gaps; Kultur also lists task areas of its own measures.
    const [kulturTasks] = await q<{ n: number }>(sql`select count(*)::int as n from measures m
      join measure_nodes mn on mn.measure_id = m.id and mn.is_primary
      where m.parent_measure_id is not null and m.workflow_state = 'veroeffentlicht' and not m.is_gap
        and mn.node_id in (with recursive t as (select id from nodes where type = 'handlungsfeld' and title = 'Kultur'
          union all select n.id from nodes n join t on n.parent_id = t.id) select id from t)`);
    expect(asMap(charts.byHandlungsfeld)).toEqual({
      'Ausbildung und Arbeit': 38,
      Bildung: 31,
      Gesundheit: 48,
      [IKOE]: 10 - 4,
      Kultur: 24 - 1 + Number(kulturTasks!.n),
      'Wohnen und Stadtentwicklung': 9,
    });
  });

  it('counts per diversity dimension, state, responsible actor and target group as plain SQL', async () => {
    const charts = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    expect(charts.byDimension.map((r) => r.label)).toEqual([
      '1. Übergreifende Maßnahmen', '2. Geschlecht', '3. Ethnische Herkunft', '4. Behinderung', '5. Alter', '6. Sexuelle Identität', '7. Religion/Weltanschauung',
    ]);
    const dims = await q<{ label: string; n: number }>(sql`select d.code || '. ' || d.title as label,
        (select count(distinct m.id) from measures m join measure_nodes mn on mn.measure_id = m.id
         where m.workflow_state = 'veroeffentlicht' and not m.is_gap
           and (mn.node_id = d.id or mn.node_id in (select id from nodes where parent_id = d.id)
                or mn.node_id in (select id from nodes where parent_id in (select id from nodes where parent_id = d.id))))::int as n
      from nodes d where d.type = 'dimension' and d.parent_id is null`);
    expect(asMap(charts.byDimension)).toEqual(refMap(dims));

    const states = await q<{ label: string; n: number }>(sql`select s.label, (select count(*) from measures m
      where m.state_code = s.code and m.workflow_state = 'veroeffentlicht' and not m.is_gap)::int as n from measure_states s`);
    expect(asMap(charts.byState)).toEqual(refMap(states));
    const [counted] = await q<{ n: number }>(sql`select count(*)::int as n from measures where workflow_state = 'veroeffentlicht' and not is_gap`);
    expect(charts.byState.reduce((a, r) => a + r.count, 0)).toBe(Number(counted!.n));

    const actors = await q<{ label: string; n: number }>(sql`select a.name as label, count(distinct ma.measure_id)::int as n
      from actors a join measure_actors ma on ma.actor_id = a.id join measures m on m.id = ma.measure_id
      where ma.role = 'verantwortlich' and m.workflow_state = 'veroeffentlicht' and not m.is_gap group by a.name`);
    const sortedActors = actors.map((a) => Number(a.n)).sort((x, y) => y - x);
    expect(charts.byActor.rows).toHaveLength(TOP_N);
    for (const r of charts.byActor.rows) expect(r.count).toBe(refMap(actors)[r.label]);
    expect(charts.byActor.rows.map((r) => r.count)).toEqual(sortedActors.slice(0, TOP_N));
    expect(charts.byActor.rest).toEqual({ entries: actors.length - TOP_N, count: sortedActors.slice(TOP_N).reduce((a, b) => a + b, 0) });
    expect(charts.byActor.rows[0]).toMatchObject({ label: 'Kommunales Integrationszentrum' });

    const groups = await q<{ label: string; n: number }>(sql`select tg.name as label, count(distinct mtg.measure_id)::int as n
      from target_groups tg join measure_target_groups mtg on mtg.target_group_id = tg.id join measures m on m.id = mtg.measure_id
      where m.workflow_state = 'veroeffentlicht' and not m.is_gap group by tg.name`);
    for (const r of charts.byTargetGroup.rows) expect(r.count).toBe(refMap(groups)[r.label]);
    expect(charts.byTargetGroup.rows.length + (charts.byTargetGroup.rest?.entries ?? 0)).toBe(groups.length);
    // And as the public target group list counts them.
    const pub = new Map((await listTargetGroups(database.db, 'herne')).map((g) => [g.name, g.measureCount]));
    for (const r of charts.byTargetGroup.rows) expect(r.count).toBe(pub.get(r.label));
  });

  it('classifies review health with the overdue rule, at the fake clock', async () => {
    const charts = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    // At 2026-12-04 (twelve-month intervals) a review before 2025-12-04 is overdue; up to
    // 2026-01-03 (due within 30 days) due soon.
    const ref = await q<{ slug: string; current: number; due: number; overdue: number }>(sql`select c.slug,
        count(*) filter (where m.last_reviewed_at > '2026-01-03')::int as current,
        count(*) filter (where m.last_reviewed_at >= '2025-12-04' and m.last_reviewed_at <= '2026-01-03')::int as due,
        count(*) filter (where m.last_reviewed_at is null or m.last_reviewed_at < '2025-12-04')::int as overdue
      from measures m join catalogues c on c.id = m.catalogue_id
      where m.workflow_state = 'veroeffentlicht' and not m.is_gap group by c.slug, c.position order by c.position`);
    expect(charts.reviewHealth.map((r) => [r.key, r.current, r.dueSoon, r.overdue])).toEqual(ref.map((r) => [r.slug, r.current, r.due, r.overdue]));
    expect(charts.reviewHealth.find((r) => r.key === 'diversity-massnahmenkatalog')).toMatchObject({ current: 10, dueSoon: 5, overdue: 84 - 15 });
  });

  it('counts changes per month in the city time zone over 24 months', async () => {
    const charts = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    expect(charts.trend.map((m) => m.month)).toEqual(trendMonths(NOW));
    expect(charts.trend[0]!.month).toBe('2025-01');
    expect(charts.trend.at(-1)!.month).toBe('2026-12');
    const ref = await q<{ month: string; changes: number; measures: number }>(sql`select to_char(r.created_at at time zone 'Europe/Berlin', 'YYYY-MM') as month,
        count(*)::int as changes, count(distinct r.entity_id)::int as measures
      from revisions r join measures m on m.id = r.entity_id
      where r.entity_type = 'measure' and m.workflow_state = 'veroeffentlicht' and not m.is_gap group by 1`);
    const byMonth = new Map(ref.map((r) => [r.month, r]));
    for (const m of charts.trend) expect([m.month, m.changes, m.measures]).toEqual([m.month, Number(byMonth.get(m.month)?.changes ?? 0), Number(byMonth.get(m.month)?.measures ?? 0)]);
    expect(charts.trend.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', changes: 2, measures: 1 });
    expect(charts.trend.find((m) => m.month === '2025-01')).toEqual({ month: '2025-01', changes: 1, measures: 1 });
  });

  it('filters by catalogue and ignores an unknown one', async () => {
    const diversity = await loadDashboardCharts(database.db, { municipality: 'herne', catalogue: 'diversity-massnahmenkatalog' }, NOW);
    expect(diversity.catalogue).toBe('diversity-massnahmenkatalog');
    expect(diversity.catalogues).toHaveLength(3);
    expect(diversity.byCatalogue).toEqual([expect.objectContaining({ key: 'diversity-massnahmenkatalog', count: 84 })]);
    expect(diversity.byHandlungsfeld).toEqual([]);
    expect(diversity.byDimension).toHaveLength(7);
    expect(diversity.byState.reduce((a, r) => a + r.count, 0)).toBe(84);
    expect(diversity.reviewHealth.map((r) => r.key)).toEqual(['diversity-massnahmenkatalog']);
    const unknown = await loadDashboardCharts(database.db, { municipality: 'herne', catalogue: 'gibt-es-nicht' }, NOW);
    expect(unknown.catalogue).toBe('');
    expect(unknown.byCatalogue).toHaveLength(3);
    const other = await loadDashboardCharts(database.db, { municipality: 'anderswo' }, NOW);
    expect(other.byCatalogue).toEqual([]);
    expect(other.byState.every((s) => s.count === 0)).toBe(true);
  });

  it('counts the measures of each frozen edition from its snapshot, gaps left out', async () => {
    const before = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    expect(before.byEdition).toEqual([]);
    const [ik] = await q<{ id: string }>(sql`select id from catalogues where slug = 'integrationskonzept'`);
    const content = await buildPublishedContent(database.db, ik!.id);
    await database.db.execute(sql`insert into editions (catalogue_id, label, slug, snapshot, frozen_at, stand_date)
      values (${ik!.id}, 'Stand Dezember 2026', 'stand-dezember-2026', ${JSON.stringify(content)}::jsonb, ${NOW.toISOString()}::timestamptz, '2026-12-04')`);
    const after = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    // The snapshot holds the published measures with the five gap records; the edition counts as the catalogue does.
    expect(content.measures.filter((m) => m.isGap)).toHaveLength(5);
    expect(after.byEdition).toEqual([
      expect.objectContaining({ label: 'Vielfalt in Herne – Gesamtstädtisches Integrationskonzept – Stand Dezember 2026', count: after.byCatalogue[0]!.count }),
    ]);
    const diversity = await loadDashboardCharts(database.db, { municipality: 'herne', catalogue: 'diversity-massnahmenkatalog' }, NOW);
    expect(diversity.byEdition).toEqual([]);
  });

  it("puts the database's numbers into every chart's data table", async () => {
    const charts = await loadDashboardCharts(database.db, { municipality: 'herne' }, NOW);
    const views = buildChartViews(charts, 'de');
    const table = (id: string) => views.find((v) => v.id === id)!.table;
    expect(table('chart-katalog').rows.map((r) => [r.label, r.cells])).toEqual(charts.byCatalogue.map((c) => [c.label, [String(c.count)]]));
    expect(table('chart-akteur').rows.at(-1)).toMatchObject({ label: `${charts.byActor.rest!.entries} weitere Akteure`, cells: [String(charts.byActor.rest!.count)] });
    expect(table('chart-pruefung').rows.map((r) => r.cells)).toEqual(charts.reviewHealth.map((r) => [r.current, r.dueSoon, r.overdue, r.current + r.dueSoon + r.overdue].map(String)));
    for (const v of views) {
      expect(v.svg, v.id).toMatch(/^<svg [^>]*role="img"/);
      expect(v.svg).toContain(`<title id="${v.id}-title">${v.title}</title>`);
    }
    expect(buildChartViews(charts, 'en').find((v) => v.id === 'chart-katalog')!.title).toBe('Measures per catalogue');
  });
});
