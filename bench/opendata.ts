/**
 * Open-data benchmark: `npm run bench -- opendata [--measures 10000] [--rounds 5]`.
 *
 * Fills a temporary PGlite database with generated measures (the search benchmark's generator:
 * Herne's documents cloned and recombined) and reports, per round after a warm-up, the time to
 * load the published content and to build each file (DCAT record, HSDS ZIP, Integreat JSON),
 * with their sizes. A benchmark, never a timed test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, type Db } from '../src/lib/server/db';
import { ensureMunicipality } from '../src/lib/server/catalogue/municipality';
import { writeImportPlan } from '../src/lib/server/importers/plan/write';
import { buildDcatCatalog } from '../src/lib/server/opendata/dcat';
import { hsdsZip } from '../src/lib/server/opendata/hsds';
import { buildIntegreatExport } from '../src/lib/server/opendata/integreat';
import { loadOpenData } from '../src/lib/server/opendata/load';
import { openDataProfile } from '../src/lib/server/opendata/profile';
import { generatePlans } from './search';
import { DEFAULT_MUNICIPALITY } from '../src/lib/server/catalogue/municipality';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main() {
  const total = arg('measures', 10_000);
  const rounds = arg('rounds', 5);
  const origin = 'https://vielfalt.example';
  console.log(`Offene-Daten-Benchmark: ${total} Maßnahmen, ${rounds} Runden, ${os.cpus().length} Kerne (PGlite)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-'));
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  try {
    await runMigrations(database);
    const plans = generatePlans(total);
    await database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const municipalityId = await ensureMunicipality(tx, DEFAULT_MUNICIPALITY.slug, DEFAULT_MUNICIPALITY.name);
      for (const plan of plans) await writeImportPlan(tx, plan, { municipalityId, comment: 'Benchmark' });
    });
    const times: Record<string, number[]> = { laden: [], dcat: [], hsds: [], integreat: [] };
    const sizes: Record<string, number> = {};
    let published = 0;
    for (let round = -1; round < rounds; round++) {
      let t = performance.now();
      const data = (await loadOpenData(database.db, DEFAULT_MUNICIPALITY.slug))!;
      const loadMs = performance.now() - t;
      published = data.measures.length;
      t = performance.now();
      const dcat = JSON.stringify(buildDcatCatalog(data, { origin, profile: openDataProfile(data.municipality) }), null, 2);
      const dcatMs = performance.now() - t;
      t = performance.now();
      const zip = hsdsZip(data, origin);
      const hsdsMs = performance.now() - t;
      t = performance.now();
      const integreat = JSON.stringify(buildIntegreatExport(data, { origin }), null, 2);
      const integreatMs = performance.now() - t;
      if (round < 0) continue; // warm-up
      times.laden!.push(loadMs);
      times.dcat!.push(dcatMs);
      times.hsds!.push(hsdsMs);
      times.integreat!.push(integreatMs);
      Object.assign(sizes, { dcat: Buffer.byteLength(dcat), hsds: zip.byteLength, integreat: Buffer.byteLength(integreat) });
    }
    console.log(`  veröffentlicht (ohne Lücken): ${published} Maßnahmen`);
    console.log(`  laden (loadOpenData)   Median ${median(times.laden!).toFixed(0)} ms`);
    for (const k of ['dcat', 'hsds', 'integreat'] as const)
      console.log(`  ${k.padEnd(22)} Median ${median(times[k]!).toFixed(0)} ms (+ laden), ${kb(sizes[k]!)}`);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
