/**
 * Page benchmark: `npm run bench -- pages [--seconds 10] [--connections 10]`.
 *
 * Starts the production build twice on a fresh PGlite data directory with Herne's catalogues —
 * once with the rendered-page cache (default) and once without it (PAGE_CACHE_MB=0, i.e. every
 * request a cache miss) — and loads each with autocannon from this process over 127.0.0.1: a
 * static CSS file of the same server, the home page, a catalogue page, a measure page and a
 * search result page. Reports requests/s as a ratio to the static file measured by the same
 * server in the same run, p50/p99 latency and the server's RSS before and after, and writes
 * them into bench/results.md (section "pages"). A benchmark, never a timed test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { writeResults } from './results';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);

interface Server {
  child: ChildProcess;
  base: string;
  dataDir: string;
}

async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-pages-'));
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, LOG_LEVEL: 'silent', MAINTENANCE: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, base, dataDir };
}

async function stopServer(server: Server) {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string): Promise<Figure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

async function pagesOf(base: string): Promise<[string, string][]> {
  const home = await (await fetch(`${base}/`)).text();
  const css = /\/_app\/immutable\/assets\/[^"]+\.css/.exec(home)![0];
  const catalogue = await (await fetch(`${base}/kataloge/integrationskonzept`)).text();
  const measure = /\/kataloge\/integrationskonzept\/massnahme\/[^"#?]+/.exec(catalogue)![0];
  return [
    ['static file (CSS)', css],
    ['home', '/'],
    ['catalogue (Integrationskonzept)', '/kataloge/integrationskonzept'],
    ['measure', measure],
    ['search results ("Sprachkurs")', '/suche?q=Sprachkurs'],
  ];
}

async function run(label: string, env: Record<string, string>, port: number) {
  const server = await startServer(port, env);
  try {
    const pages = await pagesOf(server.base);
    const before = rssMb(server.child.pid!);
    const rows: { page: string; figure: Figure }[] = [];
    for (const [page, p] of pages) {
      await fetch(`${server.base}${p}`); // warm: the first request fills the cache (when on)
      rows.push({ page, figure: await load(`${server.base}${p}`) });
      console.log(`  ${label}: ${page} ${rows.at(-1)!.figure.rps.toFixed(0)}/s`);
    }
    return { label, rows, rss: { before, after: rssMb(server.child.pid!) } };
  } finally {
    await stopServer(server);
  }
}

const cached = await run('with the page cache', {}, 4990);
const miss = await run('without the cache (every request rendered)', { PAGE_CACHE_MB: '0' }, 4991);

const lines: string[] = [];
for (const r of [cached, miss]) {
  const staticRps = r.rows[0]!.figure.rps;
  lines.push(`### ${r.label}`, '', '| page | requests/s | ratio to the static file | p50 ms | p99 ms | errors |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { page, figure } of r.rows) {
    lines.push(`| ${page} | ${figure.rps.toFixed(0)} | ${((figure.rps / staticRps) * 100).toFixed(0)} % | ${figure.p50} | ${figure.p99} | ${figure.errors} |`);
  }
  lines.push('', `Server RSS: ${r.rss.before} MB before, ${r.rss.after} MB after the load.`, '');
}
writeResults('pages', {
  command: `npm run bench -- pages --seconds ${SECONDS} --connections ${CONNECTIONS}`,
  body: [`PGlite; the server in its own process, autocannon in the benchmark's over 127.0.0.1, ${CONNECTIONS} connections, ${SECONDS} s per page; both servers one after the other in the same run.`, '', ...lines].join('\n'),
});
console.log(lines.join('\n'));
