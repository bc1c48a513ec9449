/**
 * The steering group's report on Herne's real documents (000 and 004 Integrationskonzept, 001
 * Diversity, 003 Vereinbarungen), on every engine. The five gap records of the integration
 * concept are the ones the gap analysis's test reads off the source text (gaps/analysis.db.test.ts):
 * four in "Interkulturelle Öffnung der Stadtverwaltung Herne" (A1, B1, B2, E1), one in Kultur (B3).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows } from '../db/connection';
import { countQueries } from '../db/query-count';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { ForbiddenError, type SessionUser } from '../auth/policy';
import { loadDashboardCharts } from '../dashboard/charts';
import { pdfText } from '../../../../tests/helpers/pdf';
import { renderPdf, stopPdfWorker } from '../exports/pdf/render';
import { steeringPrintDocument } from './steering-print';
import { defaultSince, loadSteeringReport, parseSince, type SteeringParams, type SteeringReport } from './steering';

const SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];
const IKOE = 'Interkulturelle Öffnung der Stadtverwaltung Herne';
const IK = 'integrationskonzept';
const NOW = new Date('2026-12-04T12:00:00Z');

const user = (role: SessionUser['role']): SessionUser => ({ id: '00000000-0000-4000-8000-000000000001', email: `${role}@example.org`, name: null, role, actorIds: [] });
const redaktion = user('redaktion');

describeEachEngine('steering group report on the imported Herne documents', (engine) => {
  let database: TestDatabase;
  const q = <T,>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
  let changedId = '';
  let oldId = '';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await importSources(database, SOURCES.map((f) => readSourceFile(`data/sources/herne/${f}`)), { municipality: 'herne' });
    // The import's first publications happen now, after the fake clock NOW (revisions are
    // append-only, their times cannot be moved): the report lists changes up to its NOW only.
    // Two published changes with controlled times: one in Bildung on 15 June 2026 (after the
    // "since" of 1 March 2026), one in Gesundheit on 15 January 2026 (before it).
    const pick = (field: string) =>
      q<{ id: string }>(sql`select m.id from measures m join catalogues c on c.id = m.catalogue_id
        join measure_nodes mn on mn.measure_id = m.id and mn.is_primary
        where c.slug = ${IK} and m.workflow_state = 'veroeffentlicht' and not m.is_gap
          and mn.node_id in (with recursive t as (select id from nodes where type = 'handlungsfeld' and title = ${field} and parent_id is null
            union all select n.id from nodes n join t on n.parent_id = t.id) select id from t)
        order by m.position, m.id limit 1`);
    changedId = (await pick('Bildung'))[0]!.id;
    oldId = (await pick('Gesundheit'))[0]!.id;
    for (const [id, at, title] of [
      [changedId, '2026-06-15T09:00:00Z', 'Geänderter Titel nach dem Stichtag'],
      [oldId, '2026-01-15T09:00:00Z', 'Geänderter Titel vor dem Stichtag'],
    ] as const) {
      await database.db.execute(sql`insert into revisions (entity_type, entity_id, state, author_label, created_at)
        select 'measure', r.entity_id, r.state || jsonb_build_object('title', ${title}::text), 'Test', ${at}::timestamptz
        from revisions r where r.entity_type = 'measure' and r.entity_id = ${id} order by r.id desc limit 1`);
    }
  }, 300_000);
  afterAll(async () => {
    await stopPdfWorker();
    await database?.destroy();
  });

  const report = async (params: Omit<SteeringParams, 'municipality'>): Promise<SteeringReport> => {
    const result = await loadSteeringReport(database.db, redaktion, { municipality: 'herne', ...params }, { now: NOW });
    if (result.status !== 'ok') throw new Error(`report: ${result.status}`);
    return result.report;
  };
  const fieldId = async (title: string) =>
    (await q<{ id: string }>(sql`select n.id from nodes n join catalogues c on c.id = n.catalogue_id
      where c.slug = ${IK} and n.type = 'handlungsfeld' and n.parent_id is null and n.title = ${title}`))[0]!.id;

  it('counts the measures by state as the dashboard does, for each catalogue, in six statements', async () => {
    for (const catalogue of [IK, 'diversity-massnahmenkatalog', 'vereinbarungen-neuzugewanderte']) {
      const { result, statements } = await countQueries(() => report({ catalogue, since: '2026-03-01' }));
      expect(statements.length).toBeLessThanOrEqual(6);
      const dashboard = await loadDashboardCharts(database.db, { municipality: 'herne', catalogue }, NOW);
      expect(result.byState).toEqual(dashboard.byState);
      expect(result.totals.measures).toBe(dashboard.byCatalogue[0]!.count);
      expect(result.totals.measures).toBeGreaterThan(0);
      // The chart's data table carries the same numbers.
      expect(result.charts[0]!.table.rows.map((r) => [r.label, r.cells[0]])).toEqual(dashboard.byState.map((s) => [s.label, String(s.count)]));
    }
  });

  it('lists the five gap records of the integration concept and the Handlungsziele without measures', async () => {
    const r = await report({ catalogue: IK, since: '2026-03-01' });
    expect(r.gaps.records.map((g) => g.placement)).toEqual([`${IKOE} › A1`, `${IKOE} › B1`, `${IKOE} › B2`, `${IKOE} › E1`, 'Kultur › B3']);
    expect(r.totals.gapRecords).toBe(5);
    // A1, B1 and E1 hold only their gap record (gaps/analysis.db.test.ts).
    expect(r.gaps.goals.map((g) => g.code)).toEqual(['A1', 'B1', 'E1']);
  });

  it('lists a change published after "since" and not one before it', async () => {
    const r = await report({ catalogue: IK, since: '2026-03-01' });
    expect(r.changes.map((c) => [c.measureId, c.kind, c.title, c.fields])).toEqual([[changedId, 'changed', 'Geänderter Titel nach dem Stichtag', ['title']]]);
    expect(r.changes[0]!.at).toBe('2026-06-15T09:00:00.000Z');
    expect(r.changes[0]!.href).toMatch(/^\/kataloge\/integrationskonzept\/massnahme\//);
    expect(r.changesByKind).toEqual({ new: 0, changed: 1, restored: 0, archived: 0 });
    const earlier = await report({ catalogue: IK, since: '2026-01-01' });
    expect(earlier.changes.map((c) => c.measureId)).toEqual([changedId, oldId]);
    // Midnight in Herne: a change at 09:00 UTC on the day counts from that day on.
    expect((await report({ catalogue: IK, since: '2026-06-15' })).changes).toHaveLength(1);
    expect((await report({ catalogue: IK, since: '2026-06-16' })).changes).toHaveLength(0);
  });

  it('lists the measures overdue for review with the overdue rule', async () => {
    await database.db.execute(sql`update measures set last_reviewed_at = '2026-10-01' where id = ${changedId}`);
    const r = await report({ catalogue: IK, since: '2026-03-01' });
    const [ref] = await q<{ n: number }>(sql`select count(*)::int as n from measures m join catalogues c on c.id = m.catalogue_id
      where c.slug = ${IK} and m.workflow_state = 'veroeffentlicht' and not m.is_gap
        and (m.last_reviewed_at is null or m.last_reviewed_at < '2025-12-04')`);
    expect(r.overdue).toHaveLength(Number(ref!.n));
    expect(r.totals.overdue).toBe(Number(ref!.n));
    expect(r.overdue.some((m) => m.measureId === changedId)).toBe(false);
    expect(r.overdue.some((m) => m.measureId === oldId)).toBe(true);
  });

  it('restricts every section to the chosen Handlungsfeld', async () => {
    const whole = await report({ catalogue: IK, since: '2026-01-01' });
    const ikoe = await report({ catalogue: IK, node: await fieldId(IKOE), since: '2026-01-01' });
    expect(ikoe.node?.label).toBe(IKOE);
    const dashboard = await loadDashboardCharts(database.db, { municipality: 'herne', catalogue: IK }, NOW);
    expect(ikoe.totals.measures).toBe(dashboard.byHandlungsfeld.find((h) => h.label === IKOE)!.count);
    expect(ikoe.totals.measures).toBeLessThan(whole.totals.measures);
    expect(ikoe.gaps.records.map((g) => g.placementCode)).toEqual(['A1', 'B1', 'B2', 'E1']);
    expect(ikoe.gaps.goals.map((g) => g.code)).toEqual(['A1', 'B1', 'E1']);
    expect(ikoe.changes).toEqual([]);
    expect(ikoe.overdue.every((m) => m.placement?.startsWith(IKOE))).toBe(true);
    expect(ikoe.overdue.length).toBeLessThan(whole.overdue.length);

    const bildung = await report({ catalogue: IK, node: await fieldId('Bildung'), since: '2026-01-01' });
    expect(bildung.changes.map((c) => c.measureId)).toEqual([changedId]);
    expect(bildung.gaps.records).toEqual([]);
    expect(bildung.gaps.goals).toEqual([]);
    expect(bildung.totals.measures).toBe(dashboard.byHandlungsfeld.find((h) => h.label === 'Bildung')!.count);
    expect(bildung.overdue.every((m) => m.placement?.startsWith('Bildung'))).toBe(true);
  });

  it('validates the date with German messages, asks for a catalogue and needs report.read', async () => {
    const invalid = await loadSteeringReport(database.db, redaktion, { municipality: 'herne', catalogue: IK, since: '2026-02-30' }, { now: NOW });
    expect(invalid).toMatchObject({ status: 'invalid', errors: [{ field: 'seit', message: 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.' }] });
    const future = await loadSteeringReport(database.db, redaktion, { municipality: 'herne', catalogue: IK, since: '2026-12-05' }, { now: NOW });
    expect(future).toMatchObject({ status: 'invalid', errors: [{ message: 'Das Datum darf nicht in der Zukunft liegen.' }] });
    const choose = await loadSteeringReport(database.db, redaktion, { municipality: 'herne', catalogue: 'gibt-es-nicht' }, { now: NOW });
    expect(choose.status).toBe('choose');
    expect(choose.form.catalogues.map((c) => c.slug)).toEqual([IK, 'diversity-massnahmenkatalog', 'vereinbarungen-neuzugewanderte']);
    // Default: twelve months back; an unknown Handlungsfeld is dropped.
    const fallback = await report({ catalogue: IK, node: '00000000-0000-4000-8000-000000000000' });
    expect(fallback.since).toBe('2025-12-04');
    expect(fallback.node).toBeNull();
    expect(defaultSince(new Date('2026-03-31T12:00:00Z'))).toBe('2025-03-31');
    expect(parseSince('2024-02-29', NOW)).toEqual({ ok: true, since: '2024-02-29' });
    await expect(loadSteeringReport(database.db, user('beitragende'), { municipality: 'herne', catalogue: IK }, { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('prints the report as PDF through the editions’ Typst path', async () => {
    const r = await report({ catalogue: IK, since: '2026-03-01' });
    const { pdf, pages } = await renderPdf(steeringPrintDocument(r));
    expect(pages).toBeGreaterThan(3);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Bericht für die Lenkungsgruppe');
    expect(text).toContain(r.catalogue.title);
    expect(text).toContain('Lücken (5)');
    expect(text).toContain('Geänderter Titel nach dem Stichtag');
  }, 120_000);
});
