/**
 * API benchmark: `npm run bench -- api [--measures 10000] [--rounds 20]`. Fills a temporary
 * PGlite database (and PostgreSQL when DATABASE_URL is set) with the generated catalogues of
 * the search benchmark and times list requests through the API router (routing, validation,
 * query, presenter, JSON and ETag): p50/p95 per endpoint and overall.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, type Database, type Db } from '../src/lib/server/db';
import { ensureMunicipality } from '../src/lib/server/catalogue/municipality';
import { writeImportPlan } from '../src/lib/server/importers/plan/write';
import { handleApiRequest } from '../src/lib/server/api/router';
import { API_PATHS } from '../src/lib/components/paths';
import { generatePlans } from './search';
import { DEFAULT_MUNICIPALITY } from '../src/lib/server/catalogue/municipality';

const REQUESTS = [
  '/measures',
  '/measures?q=Sprachf%C3%B6rderung',
  '/measures?katalog=integrationskonzept&page=3&limit=50',
  '/measures?status=laufend&sort=aenderung',
  '/catalogues',
  '/catalogues/integrationskonzept/nodes?limit=100',
  '/actors?page=2',
  '/target-groups',
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function run(label: string, database: Database, total: number, rounds: number) {
  await runMigrations(database);
  const started = performance.now();
  await database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const municipalityId = await ensureMunicipality(tx, DEFAULT_MUNICIPALITY.slug, DEFAULT_MUNICIPALITY.name);
    for (const plan of generatePlans(total)) await writeImportPlan(tx, plan, { municipalityId, comment: 'Benchmark' });
  });
  console.log(`\n${label}: ${total} Maßnahmen geschrieben in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const call = async (url: string) => {
    const response = await handleApiRequest(new Request(`http://bench.local/api/v1${url}`), { db: database.db, municipality: DEFAULT_MUNICIPALITY.slug, paths: API_PATHS });
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 3; i++) for (const url of REQUESTS) await call(url);
  const samples: { url: string; ms: number }[] = [];
  for (let round = 0; round < rounds; round++)
    for (const url of REQUESTS) {
      const t = performance.now();
      await call(url);
      samples.push({ url, ms: performance.now() - t });
    }
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`${label}: ${samples.length} Anfragen (${REQUESTS.length} Listen × ${rounds} Runden)`);
  console.log(`  gesamt   p50 ${quantile(all, 0.5).toFixed(1)} ms   p95 ${quantile(all, 0.95).toFixed(1)} ms   max ${all.at(-1)!.toFixed(1)} ms`);
  for (const url of REQUESTS) {
    const xs = samples.filter((s) => s.url === url).map((s) => s.ms).sort((a, b) => a - b);
    console.log(`  ${url.padEnd(56)} p50 ${quantile(xs, 0.5).toFixed(1).padStart(6)} ms   p95 ${quantile(xs, 0.95).toFixed(1).padStart(6)} ms`);
  }
}

async function main() {
  const total = arg('measures', 10_000);
  const rounds = arg('rounds', 20);
  console.log(`API-Benchmark: ${total} Maßnahmen, ${os.cpus().length} Kerne`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-api-'));
  try {
    const database = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      await run('PGlite', database, total, rounds);
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return console.log('\nPostgreSQL: übersprungen (DATABASE_URL nicht gesetzt).');
  const { default: pg } = await import('pg');
  const name = `vielfalt_bench_api_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ engine: 'postgres', url: target.toString() });
    try {
      await run('PostgreSQL', database, total, rounds);
    } finally {
      await database.close();
    }
  } finally {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  }
}

await main();
