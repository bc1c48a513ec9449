/**
 * The measure page's read model on Herne's real documents: its query budget on a cache miss
 * (issue 13: at most three statements) for every published measure, and fixed budgets for the
 * home and catalogue pages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows } from '../db/connection';
import { countQueries } from '../db/query-count';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { getCatalogueDetail, getMeasureDetail, listCatalogues } from './queries';
import { getHomeEntryPoints } from './home';
import { RelatedMemo } from './related-memo';

const SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];

describeEachEngine('the measure page on the real catalogues', (engine) => {
  let database: TestDatabase;
  let pages: { catalogue: string; slug: string }[];
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await importSources(database, SOURCES.map((f) => readSourceFile(`data/sources/herne/${f}`)), { municipality: 'herne' });
    pages = await queryRows<{ catalogue: string; slug: string }>(
      database.db,
      sql`select c.slug as catalogue, m.slug from measures m join catalogues c on c.id = m.catalogue_id
        where m.workflow_state = 'veroeffentlicht' order by c.slug, m.slug`,
    );
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('costs at most three statements per measure on a cache miss', async () => {
    expect(pages.length).toBeGreaterThan(250);
    const counts = new Map<number, number>();
    for (const page of pages) {
      const { result, statements } = await countQueries(() => getMeasureDetail(database.db, page.catalogue, page.slug, 'herne'));
      expect(result && 'measure' in result, `${page.catalogue}/${page.slug}`).toBe(true);
      counts.set(statements.length, (counts.get(statements.length) ?? 0) + 1);
    }
    expect(Math.max(...counts.keys()), JSON.stringify([...counts])).toBeLessThanOrEqual(3);
  }, 120_000);

  // Issue 13: the similarity ranking once per content version, not per request.
  it('ranks related measures once per content version', async () => {
    const page = pages.find((p) => p.catalogue === 'integrationskonzept')!;
    const memo = new RelatedMemo();
    const load = (version: bigint) => countQueries(() => getMeasureDetail(database.db, page.catalogue, page.slug, 'herne', { memo, version }));
    const ranks = (statements: string[]) => statements.some((s) => s.includes('similarity('));
    const unmemoised = await getMeasureDetail(database.db, page.catalogue, page.slug, 'herne');

    const first = await load(7n);
    expect(ranks(first.statements)).toBe(true);
    const second = await load(7n);
    expect(ranks(second.statements)).toBe(false);
    expect(second.statements.length).toBeLessThanOrEqual(first.statements.length);
    const related = (r: typeof first.result) => (r && 'measure' in r ? r.measure.related : null);
    expect(related(first.result)!.length).toBeGreaterThan(0);
    expect(related(second.result)).toEqual(related(first.result));
    expect(related(first.result)).toEqual(related(unmemoised));

    // A new content version (a publication) ranks again.
    const third = await load(8n);
    expect(ranks(third.statements)).toBe(true);
    expect(memo.size).toBe(1);
  });

  // The home page's data (entry points and catalogue list) in two statements, every count from
  // one aggregate (issue 13); the catalogue page at a fixed number, independent of the number of
  // measures: a loop of queries per row would break them at once.
  it('home and catalogue pages keep a fixed number of statements', async () => {
    const home = await countQueries(() => Promise.all([getHomeEntryPoints(database.db, 'herne'), listCatalogues(database.db, 'herne')]));
    expect(home.result[0].handlungsfelder.length).toBeGreaterThan(0);
    expect(home.result[1].length).toBe(3);
    expect(home.statements.length).toBe(2);
    const catalogue = await countQueries(() => getCatalogueDetail(database.db, 'integrationskonzept', 'herne'));
    expect(catalogue.result?.tree.length).toBeGreaterThan(0);
    expect(catalogue.statements.length).toBeLessThanOrEqual(7);
  });
});
