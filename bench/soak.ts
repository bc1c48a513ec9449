/**
 * Load and soak: `npm run bench -- soak [--seconds 600] [--connections 100] [--check]`.
 *
 * Starts the production build on a fresh database with Herne's catalogues (PGlite; PostgreSQL
 * when DATABASE_URL is set: a temporary database is created and dropped) and lets
 * `--connections` clients loop for `--seconds` over a realistic mix: public pages (home,
 * catalogues, measures, actors), searches with varied queries, suggestions from the public form
 * (each client claims its own address through X-Forwarded-For, as behind the city's proxy, so
 * the per-address rate limit answers only where it should) and back-office edits (an editor
 * account loads a measure's edit form and saves it with a changed remark, version included).
 * Errors are 5xx answers, network failures and unexpected statuses; a 409 of an edit that
 * raced another is the optimistic lock at work and counted apart. RSS of the server process is
 * sampled every 10 s. Writes the figures into bench/results.md (section "soak", or
 * "soak-check" for the short CI run). With `--check` it exits non-zero on any error or on RSS
 * growth of 10 % or more after the warm-up (every page and search once before the clock starts,
 * then the first third of the run). A benchmark, never a timed test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeResults } from './results';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 600);
const CONNECTIONS = arg('connections', 100);
const PORT = arg('port', 4995);
const CHECK = process.argv.includes('--check');
const SAMPLE_MS = 10_000;
const EDITOR = { email: 'soak-redaktion@example.org', password: 'soak-passwort-lang-genug' };
const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

// ---- database and server -------------------------------------------------------------

async function temporaryPostgres(): Promise<{ url: string; drop(): Promise<void> } | null> {
  if (!process.env.DATABASE_URL) return null;
  const { default: pg } = await import('pg');
  const name = `vielfalt_soak_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

function serverEnv(dataDir: string, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    ORIGIN: `http://127.0.0.1:${PORT}`,
    ADDRESS_HEADER: 'x-forwarded-for',
    LOG_LEVEL: 'silent',
    MAINTENANCE: '0',
  };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).ok) return child;
    } catch {
      // not yet listening
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

// ---- HTTP helpers -------------------------------------------------------------------

const base = `http://127.0.0.1:${PORT}`;
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The fields a browser would post (no JS) from the first form whose tag contains `marker`. */
function formFields(html: string, marker: string): URLSearchParams {
  const start = html.indexOf(marker);
  if (start < 0) throw new Error(`form ${marker} not found`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = new URLSearchParams();
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    const type = /\btype="([^"]*)"/.exec(tag)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(tag)) continue;
    if (type === 'submit' || type === 'button') continue;
    fields.append(decode(name), decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? (type === 'checkbox' ? 'on' : '')));
  }
  for (const [, attrs, body] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /\bname="([^"]*)"/.exec(attrs!)?.[1];
    if (name) fields.append(decode(name), decode(body!));
  }
  for (const [, attrs, body] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /\bname="([^"]*)"/.exec(attrs!)?.[1];
    if (!name) continue;
    const options = [...body!.matchAll(/<option\b([^>]*)>/g)].map((m) => m[1]!);
    const chosen = options.filter((o) => /\bselected\b/.test(o));
    for (const o of chosen.length ? chosen : options.slice(0, /\bmultiple\b/.test(attrs!) ? 0 : 1))
      fields.append(decode(name), decode(/\bvalue="([^"]*)"/.exec(o)?.[1] ?? ''));
  }
  return fields;
}

// The server trusts X-Forwarded-For (ADDRESS_HEADER) like behind a proxy, and then needs it on every
// request; form posts ask for HTML as a browser without JavaScript does (else SvelteKit answers JSON).
const PROXY = { 'x-forwarded-for': '127.0.0.1', accept: 'text/html' };

async function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${pathname}`, { headers: { ...PROXY, ...headers } });
}

async function post(pathname: string, body: URLSearchParams, headers: Record<string, string> = {}) {
  return fetch(`${base}${pathname}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { ...PROXY, origin: base, 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

/**
 * Where the slowest requests come from: a pause of the whole server shows as many slow requests
 * that were in flight at the same time and a long stretch without any answer; a starving queue
 * as slow requests spread over the run.
 */
function tailLine(): string {
  const spans = tally.spans.filter((s) => s.start >= 0);
  if (spans.length < 100) return 'Tail: too few requests to analyse.';
  const slowest = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, Math.ceil(spans.length / 100));
  const ends = spans.map((s) => s.end).sort((a, b) => a - b);
  let gap = { from: 0, ms: 0 };
  for (let i = 1; i < ends.length; i++) if (ends[i]! - ends[i - 1]! > gap.ms) gap = { from: ends[i - 1]!, ms: ends[i]! - ends[i - 1]! };
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  const starts = slowest.map((s) => s.start).sort((a, b) => a - b);
  const kinds = Object.entries(slowest.reduce<Record<string, number>>((m, s) => ((m[s.kind] = (m[s.kind] ?? 0) + 1), m), {}))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `Tail: the slowest 1 % (${slowest.length} requests: ${kinds}) started between ${sec(starts[0]!)} s and ${sec(starts.at(-1)!)} s (median ${sec(starts[Math.floor(starts.length / 2)]!)} s) and took ${sec(slowest.at(-1)!.end - slowest.at(-1)!.start)}–${sec(slowest[0]!.end - slowest[0]!.start)} s; the longest stretch without any answer: ${sec(gap.ms)} s from ${sec(gap.from)} s.`;
}

// ---- the mix -------------------------------------------------------------------------

interface Tally {
  latencies: Record<string, number[]>;
  /** Every answered request: when it started and ended (ms since the load began), for the tail analysis. */
  spans: { kind: string; start: number; end: number }[];
  errors: { kind: string; detail: string }[];
  conflicts: number;
  rateLimited: number;
  /** Outcomes of saved edits as the redirect names them (?gespeichert=entwurf, …). */
  saves: Record<string, number>;
}
const tally: Tally = { latencies: {}, spans: [], errors: [], conflicts: 0, rateLimited: 0, saves: {} };
let loadStarted = performance.now();

async function timed(kind: string, work: () => Promise<Response>, ok: (status: number) => boolean): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await work();
    const ended = performance.now();
    (tally.latencies[kind] ??= []).push(ended - started);
    tally.spans.push({ kind, start: started - loadStarted, end: ended - loadStarted });
    if (!ok(response.status)) tally.errors.push({ kind, detail: `HTTP ${response.status}` });
    return response;
  } catch (error) {
    tally.errors.push({ kind, detail: (error as Error).message });
    return null;
  }
}

const QUERIES = ['Sprachkurs', 'Kita', 'Eltern', 'Arbeit', 'Beratung', 'Schule', 'Frauen', 'Gesundheit', 'Ehrenamt', 'Wohnen', 'Integrationsrat', 'Sport'];

async function discover() {
  const pick = (html: string, re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[0]))];
  const home = await (await get('/')).text();
  const catalogues = pick(home, /\/kataloge\/[a-z0-9-]+(?=")/g);
  const measures: string[] = [];
  for (const c of catalogues) measures.push(...pick(await (await get(c)).text(), /\/kataloge\/[a-z0-9-]+\/massnahme\/[a-z0-9-]+(?=["#?])/g));
  const actors = pick(await (await get('/akteure')).text(), /\/akteure\/[a-z0-9-]+(?=")/g);
  return { pages: ['/', '/suche', '/akteure', '/zielgruppen', ...catalogues, ...measures, ...actors], measures };
}

async function login(): Promise<string> {
  const response = await post('/anmelden', new URLSearchParams({ email: EDITOR.email, password: EDITOR.password, weiter: '/admin' }));
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (response.status !== 303 || !cookie) throw new Error(`login failed: HTTP ${response.status} ${(await response.text()).replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").slice(0, 600)}`);
  return cookie;
}

async function editMeasureIds(cookie: string): Promise<string[]> {
  const html = await (await get('/admin/massnahmen', { cookie })).text();
  return [...new Set([...html.matchAll(/\/admin\/massnahmen\/([0-9a-f-]{36})(?=")/g)].map((m) => m[1]!))];
}

async function client(index: number, until: number, targets: { pages: string[]; editIds: string[]; cookie: string; suggestForm: URLSearchParams }) {
  const address = `10.${(index >> 8) & 255}.${index & 255}.${1 + (index % 200)}`;
  let round = 0;
  while (Date.now() < until) {
    round++;
    const r = (index * 7919 + round * 104729) % 1000;
    if (r < 700) {
      const page = targets.pages[(index * 31 + round) % targets.pages.length]!;
      const response = await timed('page', () => get(page, { 'x-forwarded-for': address }), (s) => s === 200);
      await response?.arrayBuffer().catch(() => undefined);
    } else if (r < 900) {
      const q = `${QUERIES[(index + round) % QUERIES.length]}${round % 5 === 0 ? ' Herne' : ''}`;
      const response = await timed('search', () => get(`/suche?q=${encodeURIComponent(q)}&seite=${1 + (round % 3)}`, { 'x-forwarded-for': address }), (s) => s === 200);
      await response?.arrayBuffer().catch(() => undefined);
    } else if (r < 950) {
      const body = new URLSearchParams(targets.suggestForm);
      body.set('title', `Lastprobe ${index}-${round}: Sprachcafé im Stadtteil`);
      body.set('description', 'Ein offenes Sprachcafé für Neuzugewanderte, einmal in der Woche, mit Kinderbetreuung.');
      body.set('consent', 'on');
      // Its own address per suggestion, as distinct visitors: the rate limit (5 per hour and address) is tested elsewhere.
      const response = await timed('suggestion', () => post('/vorschlagen', body, { 'x-forwarded-for': `172.16.${index & 255}.${round & 255}` }), (s) => s === 303 || s === 429);
      if (response?.status === 429) tally.rateLimited++;
      await response?.arrayBuffer().catch(() => undefined);
    } else {
      const id = targets.editIds[(index + round) % targets.editIds.length]!;
      const form = await timed('edit (form)', () => get(`/admin/massnahmen/${id}`, { cookie: targets.cookie }), (s) => s === 200);
      if (!form || form.status !== 200) continue;
      const fields = formFields(await form.text(), 'action="?/save"');
      fields.set('remarks', `${fields.get('remarks') ?? ''} (Lastprobe ${index}-${round})`.trim());
      fields.set('comment', 'Lastprobe');
      const saved = await timed('edit (save)', () => post(`/admin/massnahmen/${id}?/save`, fields, { cookie: targets.cookie }), (s) => s === 303 || s === 409);
      if (saved?.status === 409) tally.conflicts++;
      if (saved?.status === 303) {
        const outcome = new URL(saved.headers.get('location') ?? '/', base).searchParams.get('gespeichert') ?? 'none';
        tally.saves[outcome] = (tally.saves[outcome] ?? 0) + 1;
      }
      await saved?.arrayBuffer().catch(() => undefined);
    }
  }
}

/**
 * Before the clock starts: every page and every search once (ten at a time), so caches and the
 * engine's heap hold their working set and the RSS curve shows growth under load, not filling.
 */
async function warmUp(targets: { pages: string[] }) {
  const work = [...targets.pages, ...QUERIES.flatMap((q) => [1, 2, 3].map((page) => `/suche?q=${encodeURIComponent(q)}&seite=${page}`))];
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const response = await get(work[next++]!, { 'x-forwarded-for': '192.0.2.1' }).catch(() => null);
      await response?.arrayBuffer().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return work.length;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
};

// ---- run -------------------------------------------------------------------------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-soak-'));
const postgres = await temporaryPostgres();
const env = serverEnv(dataDir, postgres?.url ?? '');
// The editor account first (the CLI holds the embedded database's lock only while it runs).
const created = spawnSync(
  process.execPath,
  [path.join(root, 'bin', 'vielfalt.js'), 'user', 'create', '--email', EDITOR.email, '--name', 'Lastprobe', '--role', 'redaktion', '--password', EDITOR.password],
  { cwd: root, env, encoding: 'utf8' },
);
if (created.status !== 0) throw new Error(`user create failed: ${created.stderr}`);
let server: ChildProcess | null = null;
let exitCode = 0;
try {
  server = await startServer(env);
  const pid = server.pid!;
  const targets = await discover();
  const cookie = await login();
  const editIds = (await editMeasureIds(cookie)).slice(0, 40);
  const suggestHtml = await (await get('/vorschlagen')).text();
  const suggestForm = formFields(suggestHtml, 'suggestion-form');
  const warmed = await warmUp(targets);
  await new Promise((r) => setTimeout(r, 3500)); // the form's token must be older than its minimum fill time
  console.log(`soak (${ENGINE}): ${CONNECTIONS} clients, ${SECONDS} s, ${targets.pages.length} pages, ${editIds.length} measures to edit; warmed up with ${warmed} requests`);

  const samples: { second: number; rss: number }[] = [{ second: 0, rss: rssMb(pid) }];
  const started = Date.now();
  loadStarted = performance.now();
  tally.spans.length = 0;
  const sampler = setInterval(() => samples.push({ second: Math.round((Date.now() - started) / 1000), rss: rssMb(pid) }), SAMPLE_MS);
  const until = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => client(i, until, { ...targets, editIds, cookie, suggestForm })));
  clearInterval(sampler);
  samples.push({ second: Math.round((Date.now() - started) / 1000), rss: rssMb(pid) });

  const kinds = Object.keys(tally.latencies).sort();
  const all = kinds.flatMap((k) => tally.latencies[k]!);
  const warm = samples.filter((s) => s.second >= SECONDS / 3);
  // Growth from the first two samples after the warm-up to the last two (one sample is noisy: a
  // garbage collection may just have run).
  const mean = (xs: { rss: number }[]) => xs.reduce((n, x) => n + x.rss, 0) / xs.length;
  const growth = warm.length > 1 ? (mean(warm.slice(-2)) - mean(warm.slice(0, 2))) / mean(warm.slice(0, 2)) : 0;
  const lines = [
    `${ENGINE === 'postgres' ? 'PostgreSQL (temporary database)' : 'PGlite'}; ${CONNECTIONS} concurrent clients for ${SECONDS} s over 127.0.0.1; mix: 70 % public pages, 20 % searches, 5 % suggestions, 5 % back-office edits (load form + save).`,
    '',
    '| kind | requests | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...kinds.map((k) => {
      const v = tally.latencies[k]!;
      return `| ${k} | ${v.length} | ${percentile(v, 50).toFixed(0)} | ${percentile(v, 95).toFixed(0)} | ${percentile(v, 99).toFixed(0)} |`;
    }),
    `| all | ${all.length} | ${percentile(all, 50).toFixed(0)} | ${percentile(all, 95).toFixed(0)} | ${percentile(all, 99).toFixed(0)} |`,
    '',
    `Throughput: ${(all.length / SECONDS).toFixed(0)} requests/s. Errors: ${tally.errors.length}${tally.errors.length ? ` (${[...new Set(tally.errors.map((e) => `${e.kind}: ${e.detail}`))].slice(0, 5).join('; ')})` : ''}. Edit conflicts (409, expected when two clients save the same measure): ${tally.conflicts}. Suggestions rate-limited (429): ${tally.rateLimited}. Saved edits by outcome: ${Object.entries(tally.saves).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}.`,
    '',
    tailLine(),
    '',
    `Server RSS every ${SAMPLE_MS / 1000} s (MB): ${samples.map((s) => `${s.second}s ${s.rss}`).join(', ')}.`,
    `Growth after the warm-up (first third; mean of the last two samples against the first two): ${(growth * 100).toFixed(1)} %.`,
  ];
  console.log(lines.join('\n'));
  writeResults(CHECK ? 'soak-check' : 'soak', {
    command: `${ENGINE === 'postgres' ? 'DATABASE_URL=… ' : ''}npm run bench -- soak --seconds ${SECONDS} --connections ${CONNECTIONS}${CHECK ? ' --check' : ''}`,
    body: lines.join('\n'),
  });
  // An edit that saved nothing ("unchanged") would mean the form was not read back as posted.
  const savedChanges = Object.entries(tally.saves).filter(([k]) => k !== 'unchanged' && k !== 'none').reduce((n, [, v]) => n + v, 0);
  if (CHECK && (tally.errors.length > 0 || growth >= 0.1 || all.length === 0 || savedChanges === 0)) {
    console.error(`soak check failed: ${tally.errors.length} errors, RSS growth ${(growth * 100).toFixed(1)} %`);
    exitCode = 1;
  }
} finally {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  await postgres?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
