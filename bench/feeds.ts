/**
 * Change-feed benchmark: `npm run bench -- feeds [--measures 10000] [--rounds 10]`.
 *
 * Fills a temporary PGlite database with generated measures (the search benchmark's generator),
 * imports them twice (the second time with every fifth description changed, so measures have
 * several revisions, as after a year of editing) and reports the median time of each feed after
 * a warm-up: per catalogue, all catalogues, and a few searches. A benchmark, never a timed test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, type Db } from '../src/lib/server/db';
import { DEFAULT_MUNICIPALITY, ensureMunicipality } from '../src/lib/server/catalogue/municipality';
import { writeImportPlan } from '../src/lib/server/importers/plan/write';
import { catalogueFeed, municipalityFeed, searchFeed, type FeedContext } from '../src/lib/server/feeds';
import { createTranslator } from '../src/lib/i18n/translator';
import { generatePlans } from './search';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const total = arg('measures', 10_000);
  const rounds = arg('rounds', 10);
  console.log(`Feed-Benchmark: ${total} Maßnahmen, ${rounds} Runden (PGlite)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-'));
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  try {
    await runMigrations(database);
    const plans = generatePlans(total);
    for (const pass of [0, 1])
      await database.db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const municipalityId = await ensureMunicipality(tx, DEFAULT_MUNICIPALITY.slug, DEFAULT_MUNICIPALITY.name);
        for (const plan of plans) {
          const changed = pass === 0 ? plan : { ...plan, measures: plan.measures.map((m, i) => (i % 5 ? m : { ...m, description: `${m.description} (geändert)` })) };
          await writeImportPlan(tx, changed, { municipalityId, comment: 'Benchmark' });
        }
      });
    const ctx: FeedContext = { origin: 'https://vielfalt.example', municipality: DEFAULT_MUNICIPALITY.slug, t: createTranslator('de'), locale: 'de' };
    const db = database.db;
    const cases: [string, () => Promise<unknown>][] = [
      [`Katalog ${plans[0]!.slug}`, () => catalogueFeed(db, plans[0]!.slug, ctx)],
      ['alle Kataloge', () => municipalityFeed(db, ctx)],
      ['Suche (alle)', () => searchFeed(db, new URLSearchParams(), ctx)],
      ['Suche q=Kinder', () => searchFeed(db, new URLSearchParams('q=Kinder'), ctx)],
      ['Suche status=laufend', () => searchFeed(db, new URLSearchParams('status=laufend'), ctx)],
    ];
    for (const [label, run] of cases) {
      const times: number[] = [];
      let bytes = 0;
      for (let round = -1; round < rounds; round++) {
        const t = performance.now();
        const result = (await run()) as { status: string; xml?: string };
        if (round >= 0) times.push(performance.now() - t);
        bytes = result.xml?.length ?? 0;
      }
      console.log(`${label.padEnd(28)} Median ${median(times).toFixed(1).padStart(6)} ms  ${(bytes / 1024).toFixed(0)} KiB`);
    }
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
