/**
 * Memory benchmark: `npm run bench -- memory [--seconds 8] [--measures 10000]`.
 *
 * Where the server's resident memory goes and how it grows under load (issue 13): the production
 * build on PGlite, started on a fresh data directory (the first start creates the store and
 * imports Herne's catalogues), stopped and started again (what a running installation has), then
 * loaded without the page cache (PAGE_CACHE_MB=0: every request rendered, the worst case) page by
 * page with autocannon; RSS after each step is the curve. The same for PostgreSQL's default
 * buffer cache (what Vielfalt used before) and for a data
 * directory with `--measures` generated measures (bench/search.ts's generator). Writes
 * bench/results.md (section "memory"). A benchmark, never a timed test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, runMigrations } from '../src/lib/server/db';
import { fill, generatePlans } from './search';
import { writeResults } from './results';
import { rssMb, startServer, stopServer } from './lib/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = arg('seconds', 8);
const MEASURES = arg('measures', 10_000);
const CONNECTIONS = 10;

interface Step {
  label: string;
  rss: number;
  rps?: number;
}

async function pagesOf(base: string): Promise<[string, string][]> {
  const catalogue = await (await fetch(`${base}/kataloge/integrationskonzept`)).text();
  const measure = /\/kataloge\/integrationskonzept\/massnahme\/[^"#?]+/.exec(catalogue)![0];
  return [
    ['home', '/'],
    ['catalogue', '/kataloge/integrationskonzept'],
    ['measure', measure],
    ['search', '/suche?q=Sprachkurs'],
  ];
}

async function curve(env: Record<string, string>, port: number, dataDir?: string): Promise<Step[]> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-memory-'));
  const steps: Step[] = [];
  try {
    const first = await startServer(port, { ...env, PAGE_CACHE_MB: '0' }, dir);
    steps.push({ label: dataDir ? 'first start (store filled beforehand)' : 'first start (store created, catalogues imported)', rss: rssMb(first.child.pid!) });
    await stopServer(first);
    const server = await startServer(port, { ...env, PAGE_CACHE_MB: '0' }, dir);
    try {
      steps.push({ label: 'after a restart, idle', rss: rssMb(server.child.pid!) });
      for (const [page, p] of await pagesOf(server.base)) {
        const result = await autocannon({ url: `${server.base}${p}`, connections: CONNECTIONS, duration: SECONDS });
        steps.push({ label: `after ${SECONDS} s on ${page}`, rss: rssMb(server.child.pid!), rps: result.requests.average });
      }
    } finally {
      await stopServer(server);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return steps;
}

async function filledDataDir(measures: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-memory-'));
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  try {
    await runMigrations(database);
    await fill(database, generatePlans(measures));
  } finally {
    await database.close();
  }
  return dir;
}

const runs: { label: string; steps: Step[] }[] = [];
runs.push({ label: 'Herne, defaults (shared_buffers 32MB)', steps: await curve({}, 4980) });
console.log(runs.at(-1));
runs.push({ label: 'Herne, PGLITE_SHARED_BUFFERS=128MB (PostgreSQL\'s default, before)', steps: await curve({ PGLITE_SHARED_BUFFERS: '128MB' }, 4981) });
console.log(runs.at(-1));
runs.push({ label: `${MEASURES.toLocaleString('en')} generated measures, defaults`, steps: await curve({ SEED: '0' }, 4983, await filledDataDir(MEASURES)) });
console.log(runs.at(-1));

const labels = runs[0]!.steps.map((s) => s.label);
const lines = [
  `PGlite; the server in its own process, loaded without the page cache (every request rendered) by autocannon, ${CONNECTIONS} connections, ${SECONDS} s per page, one page after the other; RSS (MB) after each step, requests/s in brackets. Targets (issue 13): under 200 MB at Herne's size, under 300 MB at 10,000 measures.`,
  '',
  `| step | ${runs.map((r) => r.label).join(' | ')} |`,
  `| --- | ${runs.map(() => '---:').join(' | ')} |`,
  ...labels.map((label, i) => `| ${label.replace(/^first start.*/, 'first start')} | ${runs.map((r) => { const s = r.steps[i]; return s ? `${s.rss}${s.rps === undefined ? '' : ` (${s.rps.toFixed(0)}/s)`}` : '–'; }).join(' | ')} |`),
];
writeResults('memory', { command: `npm run bench -- memory --seconds ${SECONDS} --measures ${MEASURES}`, body: lines.join('\n') });
console.log(lines.join('\n'));
