/**
 * The whole import pipeline over Herne's real documents: all three kinds together, twice,
 * changed files, and broken files that must leave the database unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../helpers/db';
import { ROOT } from '../helpers/cli';
import { queryRows } from '../../src/lib/server/db';
import { importSources } from '../../src/lib/server/importers/pipeline';
import { decodeSource, readSourceFile } from '../../src/lib/server/importers/read-source';
import { ImportError, type SourceFile } from '../../src/lib/server/importers/types';

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

  it('changes nothing when the same files are imported again', async () => {
    const report = await importSources(database, sources(), { municipality: 'herne' });
    for (const o of report.outcomes) {
      expect(o.measures.created + o.measures.updated, o.catalogue.title).toBe(0);
      expect(o.nodes.created + o.nodes.updated).toBe(0);
      expect(o.conflicts).toEqual([]);
    }
    expect(await counts(database)).toEqual(afterFirst);
  });

  it('skips the annual review (reference material) with a note and imports the rest', async () => {
    const before = await counts(database);
    const report = await importSources(database, [...sources(), readSourceFile(path.join(SOURCES, '002_f4ed1d705e4e74d9.txt'))], { municipality: 'herne' });
    expect(report.skipped).toEqual([{ name: '002_f4ed1d705e4e74d9.txt', reason: expect.stringMatching(/Jahresrückblick.*nicht importiert/) }]);
    expect(report.warnings).toContainEqual(expect.objectContaining({ datei: '002_f4ed1d705e4e74d9.txt', code: 'skipped-document' }));
    expect(await counts(database)).toEqual(before);
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

it('keeps the demo documents identical to the published sources', () => {
  const shared = path.join(ROOT, '..', 'shared', 'seeds');
  if (!fs.existsSync(shared)) return;
  for (const f of fs.readdirSync(SOURCES)) expect(fs.readFileSync(path.join(SOURCES, f))).toEqual(fs.readFileSync(path.join(shared, f)));
});
