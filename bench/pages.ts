/**
 * Page benchmark: `npm run bench -- pages [--seconds 10] [--connections 10] [--lighthouse-runs 3]`.
 *
 * Starts the production build twice on a fresh PGlite data directory with Herne's catalogues —
 * once with the rendered-page cache (default) and once without it (PAGE_CACHE_MB=0, i.e. every
 * request a cache miss) — and loads each with autocannon from this process over 127.0.0.1: a
 * static CSS file of the same server, the home page, a catalogue page, a measure page and a
 * search result page. With DATABASE_URL set, the same twice more on a temporary PostgreSQL
 * database (dropped afterwards). Reports requests/s as a ratio to the static file measured by
 * the same server in the same run, p50/p99 latency and the server's RSS before and after.
 * Before the load, Lighthouse (Debian's Chromium, CHROME_PATH or /usr/bin/chromium) scores
 * performance and accessibility of the home, search result and measure pages on the cached
 * PGlite server — the median of a few runs, with its default mobile settings (simulated slow
 * 4G and a 4× slower CPU) and with its desktop preset. Everything goes into bench/results.md
 * (section "pages"). A benchmark, never a timed test.
 */
import autocannon from 'autocannon';
import { writeResults } from './results';
import { rssMb, startServer, stopServer, temporaryDatabase } from './lib/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);
const LIGHTHOUSE_RUNS = arg('lighthouse-runs', 3);
const DATABASE_URL = process.env.DATABASE_URL?.trim() || '';

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

interface Score {
  page: string;
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  lcp: string;
  tbt: string;
}

/** Lighthouse's median of `runs` (its scores vary from run to run) per page and preset. */
async function lighthouseScores(base: string, pages: [string, string][], runs: number): Promise<Score[]> {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const scores: Score[] = [];
  try {
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const [page, p] of pages) {
        const samples: Score[] = [];
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(
            `${base}${p}`,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
            preset === 'desktop' ? desktopConfig : undefined,
          );
          const lhr = result!.lhr;
          samples.push({
            page,
            preset,
            performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
            accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
            lcp: lhr.audits['largest-contentful-paint']?.displayValue ?? '–',
            tbt: lhr.audits['total-blocking-time']?.displayValue ?? '–',
          });
        }
        samples.sort((a, b) => a.performance - b.performance);
        scores.push(samples[Math.floor(samples.length / 2)]!);
        console.log(`  Lighthouse ${preset} ${page}: ${samples.map((x) => x.performance).join(', ')} / accessibility ${samples.map((x) => x.accessibility).join(', ')}`);
      }
    }
  } finally {
    chrome.kill();
  }
  return scores;
}

let lighthouse: Score[] = [];

async function run(label: string, env: Record<string, string>, port: number, withLighthouse = false) {
  const server = await startServer(port, env);
  try {
    const pages = await pagesOf(server.base);
    if (withLighthouse && LIGHTHOUSE_RUNS > 0) {
      const scored = pages.filter(([page]) => page === 'home' || page === 'measure' || page.startsWith('search'));
      for (const [, p] of scored) await fetch(`${server.base}${p}`); // cached, as visitors get it
      lighthouse = await lighthouseScores(server.base, scored, LIGHTHOUSE_RUNS);
    }
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

const runs = [
  await run('PGlite, with the page cache', {}, 4990, true),
  await run('PGlite, without the cache (every request rendered)', { PAGE_CACHE_MB: '0' }, 4991),
];
if (DATABASE_URL) {
  const database = await temporaryDatabase(DATABASE_URL, 'vielfalt_bench_pages');
  try {
    runs.push(await run('PostgreSQL, with the page cache', { DATABASE_URL: database.url }, 4992));
    // The same database again: the catalogues are imported already.
    runs.push(await run('PostgreSQL, without the cache (every request rendered)', { DATABASE_URL: database.url, PAGE_CACHE_MB: '0' }, 4993));
  } finally {
    await database.drop();
  }
}

const lines: string[] = [];
if (lighthouse.length) {
  lines.push(
    `### Lighthouse (cached PGlite server, median of ${LIGHTHOUSE_RUNS} runs)`,
    '',
    '| page | preset | performance | accessibility | LCP | TBT |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...lighthouse.map((s) => `| ${s.page} | ${s.preset} | ${s.performance} | ${s.accessibility} | ${s.lcp} | ${s.tbt} |`),
    '',
  );
}
for (const r of runs) {
  const staticRps = r.rows[0]!.figure.rps;
  lines.push(`### ${r.label}`, '', '| page | requests/s | ratio to the static file | p50 ms | p99 ms | errors |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { page, figure } of r.rows) {
    lines.push(`| ${page} | ${figure.rps.toFixed(0)} | ${((figure.rps / staticRps) * 100).toFixed(0)} % | ${figure.p50} | ${figure.p99} | ${figure.errors} |`);
  }
  lines.push('', `Server RSS: ${r.rss.before} MB before, ${r.rss.after} MB after the load.`, '');
}
writeResults('pages', {
  command: `${DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench -- pages --seconds ${SECONDS} --connections ${CONNECTIONS} --lighthouse-runs ${LIGHTHOUSE_RUNS}`,
  body: [
    `The server in its own process, autocannon in the benchmark's over 127.0.0.1, ${CONNECTIONS} connections, ${SECONDS} s per page; all servers one after the other in the same run. Targets (issue 13): cached pages ≥ 50 % of the static file, cache misses ≥ 10 %; Lighthouse performance ≥ 98 and accessibility 100.`,
    '',
    ...lines,
  ].join('\n'),
});
console.log(lines.join('\n'));
