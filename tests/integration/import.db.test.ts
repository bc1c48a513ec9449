/**
 * The whole import pipeline over Herne's real documents: all three kinds together, twice,
 * changed files, and broken files that must leave the database unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../helpers/db';
import { ROOT } from '../helpers/cli';
import { queryRows } from '../../src/lib/server/db';
import { importSources } from '../../src/lib/server/importers/pipeline';
import { decodeSource, readSourceFile } from '../../src/lib/server/importers/read-source';
import { ImportError, type SourceFile } from '../../src/lib/server/importers/types';
import { getCatalogueDetail, getMeasureDetail, listCatalogues } from '../../src/lib/server/catalogue/queries';
import { getHomeEntryPoints } from '../../src/lib/server/catalogue/home';
import { listActors } from '../../src/lib/server/catalogue/actors';
import type { MeasureSummary, TreeNode } from '../../src/lib/server/catalogue/read-models';
import { parseSearchParams, searchMeasures } from '../../src/lib/server/search';
import { measures } from '../../src/lib/server/db/schema';
import { recordRevisions } from '../../src/lib/server/revisions/record';
import { loadLastImportReport } from '../../src/lib/server/importers/last-report';
import { loadMeasure } from '../../src/lib/server/editing/measures/load-measure';
import { parseMeasure } from '../../src/lib/server/editing/measures/parse-measure';
import { staleMeasures } from '../../src/lib/server/dashboard/my-tasks';
import { DEFAULT_MUNICIPALITY } from '../../src/lib/server/catalogue/municipality';

const SOURCES = path.join(ROOT, 'data', 'sources', 'herne');
const FILES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];
const sources = (): SourceFile[] => FILES.map((f) => readSourceFile(path.join(SOURCES, f)));

async function counts(database: TestDatabase) {
  const [row] = await queryRows<Record<string, number>>(
    database.db,
    sql`select (select count(*)::int from catalogues) as catalogues, (select count(*)::int from measures) as measures,
               (select count(*)::int from nodes) as nodes, (select count(*)::int from actors) as actors,
               (select count(*)::int from contacts) as contacts, (select count(*)::int from revisions) as revisions,
               (select count(*)::int from measure_references) as refs`,
  );
  return row!;
}

describeEachEngine('importing Herne’s documents', (engine) => {
  let database: TestDatabase;
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const report = await importSources(database, sources(), { municipality: 'herne' });
    expect(report.outcomes.map((o) => o.catalogue.created)).toEqual([true, true, true]);
    afterFirst = await counts(database);
  }, 120_000);
  afterAll(async () => {
    await database.destroy();
  });

  it('creates the three catalogues with their measures, structure, actors and contacts', async () => {
    expect(afterFirst.catalogues).toBe(3);
    expect(afterFirst.measures).toBeGreaterThan(250);
    expect(afterFirst.contacts).toBe(9);
    const perKind = await queryRows<{ kind: string; n: number; gaps: number }>(
      database.db,
      sql`select c.kind, count(*) filter (where not m.is_gap and m.parent_measure_id is null)::int as n,
                 count(*) filter (where m.is_gap)::int as gaps
          from measures m join catalogues c on c.id = m.catalogue_id group by c.kind order by c.kind`,
    );
    const byKind = Object.fromEntries(perKind.map((r) => [r.kind, r]));
    expect(byKind.diversity).toMatchObject({ n: 84, gaps: 0 });
    expect(byKind.vereinbarungen!.n).toBe(43);
    expect(byKind.integrationskonzept!.gaps).toBeGreaterThan(0);
    // A measure listed under two diversity dimensions is one measure with two placements.
    const [multi] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from (
            select mn.measure_id from measure_nodes mn join nodes n on n.id = mn.node_id
            join catalogues c on c.id = n.catalogue_id and c.kind = 'diversity'
            group by mn.measure_id having count(distinct split_part(n.import_key, '/', 1)) > 1) x`,
    );
    expect(multi!.n).toBe(1);
  });

  it('counts measures by one rule: home page, catalogue list and search facets agree (issue 19)', async () => {
    const catalogues = Object.fromEntries((await listCatalogues(database.db, DEFAULT_MUNICIPALITY.slug)).map((c) => [c.slug, c.measureCount]));
    expect(catalogues).toEqual({ integrationskonzept: 165, 'diversity-massnahmenkatalog': 84, 'vereinbarungen-neuzugewanderte': 50 });
    const search = await searchMeasures(database.db, parseSearchParams(new URLSearchParams()).state, { municipality: DEFAULT_MUNICIPALITY.slug });
    expect(Object.fromEntries(search.facets.katalog.map((f) => [f.value, f.count]))).toEqual(catalogues);
    expect(search.total).toBe(165 + 84 + 50);
    const home = await getHomeEntryPoints(database.db, DEFAULT_MUNICIPALITY.slug);
    expect(home.handlungsfelder.reduce((sum, s) => sum + s.measureCount, 0)).toBe(165);
    // Sub-measures are listed under their measure in the catalogue tree, each once.
    const detail = (await getCatalogueDetail(database.db, 'vereinbarungen-neuzugewanderte', DEFAULT_MUNICIPALITY.slug))!;
    const listed = (ms: MeasureSummary[]): number => ms.reduce((n, m) => n + 1 + listed(m.children ?? []), 0);
    const inTree = (nodes: TreeNode[]): number => nodes.reduce((n, node) => n + listed(node.measures) + inTree(node.children), 0);
    expect(inTree(detail.tree)).toBe(50);
    const schnittstellen = detail.tree.flatMap((n) => n.measures).find((m) => m.number === '4.1.2')!;
    expect(schnittstellen.children?.map((c) => c.number)).toEqual(['4.1.2.1', '4.1.2.2', '4.1.2.3', '4.1.2.4', '4.1.2.5', '4.1.2.6', '4.1.2.7']);
  });

  it('lists actors and target groups without duplicates, pseudo-actors or empty entries (issue 19)', async () => {
    const list = await listActors(database.db, { municipality: DEFAULT_MUNICIPALITY.slug });
    const names = list.map((a) => a.name);
    expect(list.every((a) => a.measureCount > 0)).toBe(true);
    expect(names).not.toContain('Alle Akteure');
    expect(names).toContain('Fachbereich Kinder-Jugend-Familie');
    for (const duplicate of ['bobeq', 'Caritasverband Herne', 'Deutsches Rotes Kreuz', 'Fachbereich Kinder – Jugend – Familie', 'Jobcenter Herne'])
      expect(names).not.toContain(duplicate);
    const [{ n: allActors }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from actors`);
    expect({ allActors, listed: list.length }).toEqual({ allActors: 170, listed: 166 });
    const home = await getHomeEntryPoints(database.db, DEFAULT_MUNICIPALITY.slug);
    expect(home.actorTotal).toBe(166);
    expect(home.targetGroups.map((g) => g.name)).not.toContain('Deren Kinder die Grundschule besuchen');
    expect(home.targetGroupTotal).toBe(160);
  });

  it('shows the source edition’s Stand for imported text (issue 19)', async () => {
    const [ik] = await queryRows<{ slug: string }>(database.db, sql`select m.slug from measures m join catalogues c on c.id = m.catalogue_id
      where c.slug = 'integrationskonzept' and not m.is_gap order by m.position limit 1`);
    const [div] = await queryRows<{ slug: string }>(database.db, sql`select m.slug from measures m join catalogues c on c.id = m.catalogue_id
      where c.slug = 'diversity-massnahmenkatalog' order by m.position limit 1`);
    const stand = async (catalogue: string, slug: string) => {
      const found = await getMeasureDetail(database.db, catalogue, slug, DEFAULT_MUNICIPALITY.slug);
      return found && 'measure' in found ? found.measure.stand : null;
    };
    expect(await stand('integrationskonzept', ik!.slug)).toEqual({ kind: 'edition', stand: 'Oktober 2019' });
    expect(await stand('diversity-massnahmenkatalog', div!.slug)).toEqual({ kind: 'edition', stand: 'August 2024' });
  });

  it('counts imported text as checked at its document’s date, not as never checked (issue 19)', async () => {
    const rows = await queryRows<{ slug: string; reviewed: string | null; n: number }>(
      database.db,
      sql`select c.slug, m.last_reviewed_at::text as reviewed, count(*)::int as n from measures m
        join catalogues c on c.id = m.catalogue_id group by c.slug, m.last_reviewed_at order by c.slug`,
    );
    expect(rows.map(({ slug, reviewed }) => [slug, reviewed])).toEqual([
      ['diversity-massnahmenkatalog', '2024-08-01'],
      ['integrationskonzept', '2019-10-01'],
      ['vereinbarungen-neuzugewanderte', '2019-09-01'],
    ]);
    // A year after the newest document, only the older documents' measures are due for review.
    const due = await staleMeasures(database.db, new Date('2025-06-01T00:00:00Z'), null);
    const published = await queryRows<{ slug: string; n: number }>(
      database.db,
      sql`select c.slug, count(*)::int as n from measures m join catalogues c on c.id = m.catalogue_id
        where m.workflow_state = 'veroeffentlicht' and not m.is_gap group by c.slug`,
    );
    const count = (slug: string) => published.find((p) => p.slug === slug)?.n ?? 0;
    expect(due.total).toBe(count('integrationskonzept') + count('vereinbarungen-neuzugewanderte'));
    expect(due.items.every((m) => m.lastReviewedAt !== null)).toBe(true);
  });

  it('keeps the whole report with the run, for the back office (issue 19)', async () => {
    const last = (await loadLastImportReport(database.db))!;
    expect(last.files.map((f) => f.name).sort()).toEqual([...FILES].sort());
    expect(last.report!.warnings.length).toBe(last.warningCount);
    expect(last.warningCount).toBeGreaterThan(50);
    expect(last.report!.warnings[0]).toEqual({ datei: expect.stringMatching(/\.txt$/), zeile: expect.any(Number), meldung: expect.any(String), code: expect.any(String) });
    expect(last.byCode.reduce((n, c) => n + c.count, 0)).toBe(last.warningCount);
    expect(last.catalogues.map((c) => c.slug).sort()).toEqual(['diversity-massnahmenkatalog', 'integrationskonzept', 'vereinbarungen-neuzugewanderte']);
    expect(last.catalogues.every((c) => c.title && c.created > 0)).toBe(true);
  });

  it('every imported measure can be saved unchanged by an editor: no field exceeds the form’s limits', async () => {
    const ids = await queryRows<{ id: string }>(database.db, sql`select id from measures order by id`);
    expect(ids.length).toBeGreaterThan(250);
    const refused: string[] = [];
    for (const { id } of ids) {
      const { editable, row } = await loadMeasure(database.db, id);
      try {
        parseMeasure(editable);
      } catch (error) {
        refused.push(`${row.title}: ${JSON.stringify((error as { fields?: unknown }).fields ?? String(error))}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const report = await importSources(database, sources(), { municipality: 'herne' });
    for (const o of report.outcomes) {
      expect(o.measures.created + o.measures.updated, o.catalogue.title).toBe(0);
      expect(o.nodes.created + o.nodes.updated).toBe(0);
      expect(o.conflicts).toEqual([]);
    }
    expect(await counts(database)).toEqual(afterFirst);
  });

  it('imports the annual review 002 beside the catalogues, and a second time changes nothing', async () => {
    const before = await counts(database);
    const files = [...sources(), readSourceFile(path.join(SOURCES, '002_f4ed1d705e4e74d9.txt'))];
    const report = await importSources(database, files, { municipality: 'herne' });
    expect(report.skipped).toEqual([]);
    expect(report.reviewOutcomes).toHaveLength(1);
    expect(report.reviewOutcomes[0]!.events.created).toBeGreaterThan(10);
    // The catalogues are untouched by it.
    for (const o of report.outcomes) expect(o.measures.created + o.measures.updated, o.catalogue.title).toBe(0);
    expect((await counts(database)).measures).toEqual(before.measures);
    const again = await importSources(database, files, { municipality: 'herne' });
    const r = again.reviewOutcomes[0]!;
    expect([r.events, r.offers, r.networks, r.contacts].map((c) => c.created + c.updated)).toEqual([0, 0, 0, 0]);
    // The following tests compare with the database including the review.
    afterFirst = await counts(database);
  });

  it('updates only the measure whose text changed, with one revision', async () => {
    const changed = sources().map((f) =>
      f.name.startsWith('000')
        ? { ...f, text: f.text.replace('<b>Status</b>\tRegelangebot\n', '<b>Status</b>\tRegelangebot seit 2020\n') }
        : f,
    );
    expect(changed[0]!.text).not.toBe(sources()[0]!.text);
    const report = await importSources(database, changed, { municipality: 'herne' });
    const ik = report.outcomes.find((o) => o.catalogue.slug === 'integrationskonzept')!;
    expect(ik.measures.updated).toBe(1);
    expect(ik.measures.created).toBe(0);
    const after = await counts(database);
    expect(after.revisions).toBe(afterFirst.revisions + 1);
    const [row] = await queryRows<{ status_text: string; version: number }>(
      database.db,
      sql`select status_text, version from measures where status_text = 'Regelangebot seit 2020'`,
    );
    expect(row).toEqual({ status_text: 'Regelangebot seit 2020', version: 2 });
    afterFirst = after;
  });

  it.each([
    ['a truncated document', () => ({ name: FILES[0]!, text: sources()[0]!.text.slice(0, 1500) })],
    ['a binary file', () => decodeSource('bild.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))],
    ['another kind of document', () => ({ name: 'protokoll.txt', text: 'Protokoll der Sitzung vom 3. März\n\nTOP 1: Begrüßung\nTOP 2: Verschiedenes\n' })],
    ['invalid UTF-8', () => decodeSource('latin1.txt', new Uint8Array([0x4d, 0x61, 0xdf, 0x6e, 0x61, 0x68, 0x6d, 0x65]))],
  ])('refuses %s with file and line, leaving the database unchanged', async (_label, broken) => {
    const before = await counts(database);
    let error: unknown;
    try {
      await importSources(database, [...sources(), broken()], { municipality: 'herne' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^[^:]+\.txt(:\d+)?: /);
    expect(await counts(database)).toEqual(before);
  });
});

describeEachEngine('the Stand of an edited measure', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await importSources(database, sources(), { municipality: 'herne' });
  }, 120_000);
  afterAll(async () => {
    await database.destroy();
  });

  it('is the publication date once the measure was changed in the app', async () => {
    const [row] = await queryRows<{ id: string; slug: string }>(database.db, sql`select m.id, m.slug from measures m
      join catalogues c on c.id = m.catalogue_id where c.slug = 'integrationskonzept' and not m.is_gap order by m.position limit 1`);
    // What publishing an edit leaves behind: a newer updated_at and a revision that is not the importer's.
    const published = new Date('2027-03-04T10:00:00Z');
    await database.db.update(measures).set({ remarks: 'Ergänzt', updatedAt: published }).where(eq(measures.id, row!.id));
    await recordRevisions(database.db, [{ entityType: 'measure', entityId: row!.id, state: {}, authorLabel: 'Redaktion', comment: 'Ergänzt' }]);
    const found = await getMeasureDetail(database.db, 'integrationskonzept', row!.slug, DEFAULT_MUNICIPALITY.slug);
    expect(found && 'measure' in found ? found.measure.stand : null).toEqual({ kind: 'published', date: published.toISOString() });
  });
});

it('keeps the demo documents identical to the published sources', () => {
  const shared = path.join(ROOT, '..', 'shared', 'seeds');
  if (!fs.existsSync(shared)) return;
  for (const f of fs.readdirSync(SOURCES)) expect(fs.readFileSync(path.join(SOURCES, f))).toEqual(fs.readFileSync(path.join(shared, f)));
});
