/**
 * Search benchmark: `npm run bench -- search [--measures 1000,10000,100000] [--rounds 10]`.
 *
 * Builds a fresh database (a temporary PGlite directory; and, when DATABASE_URL is set, a
 * temporary PostgreSQL database that is dropped afterwards), fills it with ~10,000 measures
 * generated from the vocabulary of Herne's real documents (the real catalogues are parsed and
 * cloned; each clone's texts are recombined from the documents' sentences, titles, actors and
 * target groups), writes them through the importer's plan writer (so the search index is built
 * by the database triggers, as in production), and reports p50/p95 latency of the search with
 * facets over a fixed query mix, after a warm-up. Several sizes (comma-separated) show how the
 * latency grows; the figures go to bench/results.md (section "search"). A benchmark, never a
 * timed test.
 * `--only pglite|postgres` measures one engine; `--detail` prints every query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, type Database, type Db } from '../src/lib/server/db';
import { ensureMunicipality } from '../src/lib/server/catalogue/municipality';
import { parseSources } from '../src/lib/server/importers/pipeline';
import { readSourceFile } from '../src/lib/server/importers/read-source';
import { writeImportPlan } from '../src/lib/server/importers/plan/write';
import type { ImportPlan, PlannedMeasure } from '../src/lib/server/importers/plan/types';
import { parseSearchParams, searchIndexStats, searchMeasures } from '../src/lib/server/search';
import { writeResults } from './results';

const SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];

/** The fixed query mix: what counsellors and newcomers type, with filters and browsing. */
const QUERY_MIX: { label: string; kind: string; qs: string }[] = [
  ...['Sprachförderung', 'Sprachkurs', 'Kita', 'Kinder', 'Eltern', 'Flüchtlinge', 'Beratung', 'Integrationskurs', 'Ausbildung',
    'Gesundheit', 'Ehrenamt', 'Frauen', 'Diskriminierung', 'Senioren', 'Jugendliche Ausbildung', 'Schule Eltern', 'Arbeitsmarkt Migranten']
    .map((q) => ({ label: q, kind: 'Wörter', qs: `q=${encodeURIComponent(q)}` })),
  ...['Gefluechtete', 'Massnahmen', 'Foerderung'].map((q) => ({ label: q, kind: 'Umschrift', qs: `q=${q}` })),
  ...['Sprachfördrung', 'Integratinskurs', 'Beratng', 'Jugenliche'].map((q) => ({ label: q, kind: 'Tippfehler', qs: `q=${encodeURIComponent(q)}` })),
  ...['sprachf', 'kinderbe', 'gesundh'].map((q) => ({ label: `${q}…`, kind: 'Präfix', qs: `q=${q}` })),
  ...['3.2', 'A1', '4.1.2'].map((q) => ({ label: q, kind: 'Nummer', qs: `q=${q}` })),
  { label: 'Beratung + nach außen', kind: 'Filter', qs: 'q=Beratung&richtung=aussen' },
  { label: 'Kinder + Katalog', kind: 'Filter', qs: 'q=Kinder&katalog=integrationskonzept' },
  { label: 'Katalog + Handlungsfeld', kind: 'Filter', qs: 'katalog=integrationskonzept&handlungsfeld=bildung' },
  { label: 'Dimension + neu', kind: 'Filter', qs: 'dimension=2-geschlecht&neu=ja' },
  { label: 'Status laufend, Seite 2', kind: 'Filter', qs: 'status=laufend&seite=2' },
  { label: '(alle)', kind: 'Stöbern', qs: '' },
  { label: '(alle, zuletzt geändert)', kind: 'Stöbern', qs: 'sort=aenderung' },
];

// ---------------------------------------------------------------------------------------------

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

function sentences(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 25 && s.length < 400);
}

/** Plans of the real documents, cloned until there are `total` measures, texts recombined. */
export function generatePlans(total: number): ImportPlan[] {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const parsed = parseSources(SOURCES.map((f) => readSourceFile(path.join(root, 'data/sources/herne', f))));
  const base = parsed.plans;
  const all = base.flatMap((p) => p.measures);
  const corpus = [...new Set(all.flatMap((m) => [m.description, m.goals, m.statusText, m.remarks, ...Object.values(m.extra).map(String)]).flatMap(sentences))];
  const titles = [...new Set(all.filter((m) => !m.isGap).map((m) => m.title))];
  const groups = [...new Map(all.flatMap((m) => m.targetGroups).map((g) => [g.name, g])).values()];
  const actors = [...new Map(all.flatMap((m) => m.actors).map((a) => [a.name, a])).values()];
  const states = ['geplant', 'laufend', 'umgesetzt', 'dauerhaft', 'eingestellt', 'unbekannt'];
  const r = rng(20241123);

  const plans: ImportPlan[] = [];
  let count = 0;
  for (let copy = 0; count < total; copy++) {
    for (const plan of base) {
      if (count >= total) break;
      const keep = Math.min(plan.measures.length, total - count);
      const kept = new Set(plan.measures.slice(0, keep).map((m) => m.key));
      const measures = plan.measures.slice(0, keep).map((m): PlannedMeasure => {
        const references = m.references.map((ref) => (ref.toKey && !kept.has(ref.toKey) ? { ...ref, toKey: null } : ref));
        const parentKey = m.parentKey && kept.has(m.parentKey) ? m.parentKey : null;
        if (copy === 0) return { ...m, parentKey, references };
        const text = Array.from({ length: r.int(2, 5) }, () => r.pick(corpus)).join(' ');
        const title = m.isGap ? m.title : r.chance(0.5) ? r.pick(titles) : sentences(text)[0]?.split(/[,:;]/)[0]?.slice(0, 90) || r.pick(titles);
        return {
          ...m,
          parentKey,
          references,
          // A task area without its parent still needs a place.
          placements: m.placements.length || parentKey ? m.placements : plan.measures.find((x) => x.placements.length)!.placements,
          title,
          slugHint: undefined,
          description: text,
          goals: r.chance(0.3) ? r.pick(corpus) : m.goals,
          statusText: r.chance(0.5) ? r.pick(corpus) : m.statusText,
          remarks: r.chance(0.4) ? r.pick(corpus) : null,
          stateCode: r.pick(states),
          isNew: r.chance(0.1),
          directionInward: plan.kind === 'diversity' ? r.chance(0.6) : false,
          directionOutward: plan.kind === 'diversity' ? r.chance(0.6) : false,
          targetGroups: m.targetGroups.length ? Array.from({ length: r.int(1, 3) }, () => r.pick(groups)) : [],
          actors: m.actors.length
            ? [{ ...r.pick(actors), role: 'verantwortlich' as const }, ...(r.chance(0.5) ? [{ ...r.pick(actors), role: 'beteiligt' as const }] : [])]
            : [],
        };
      });
      // Task areas whose parent fell off the end keep their own placement (checked above).
      plans.push({
        ...plan,
        slug: copy === 0 ? plan.slug : `${plan.slug}-${copy}`,
        title: copy === 0 ? plan.title : `${plan.title} (Variante ${copy})`,
        position: copy * 10 + plan.position,
        edition: { ...plan.edition, label: `${plan.edition.label}${copy ? ` – Variante ${copy}` : ''}` },
        measures,
        contacts: copy === 0 ? plan.contacts : [],
      });
      count += measures.length;
    }
  }
  return plans;
}

/** Writes the plans through the importer in one transaction; returns the milliseconds it took. */
export async function fill(database: Database, plans: ImportPlan[]): Promise<number> {
  const started = performance.now();
  await database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const municipalityId = await ensureMunicipality(tx, 'herne');
    for (const plan of plans) await writeImportPlan(tx, plan, { municipalityId, comment: 'Benchmark' });
  });
  return performance.now() - started;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(label: string, database: Database, rounds: number) {
  const states = QUERY_MIX.map((m) => {
    const parsed = parseSearchParams(new URLSearchParams(m.qs));
    if (!parsed.ok) throw new Error(`Ungültige Anfrage im Mix: ${m.qs}`);
    return { ...m, state: parsed.state };
  });
  // Warm-up: plans prepared, caches and (on PGlite) the WebAssembly code tiered up.
  const hits = new Map<string, number>();
  for (let i = 0; i < 5; i++) for (const s of states) hits.set(s.label, (await searchMeasures(database.db, s.state, { municipality: 'herne' })).total);
  const samples: { kind: string; label: string; ms: number }[] = [];
  for (let round = 0; round < rounds; round++)
    for (const s of states) {
      const t = performance.now();
      await searchMeasures(database.db, s.state, { municipality: 'herne' });
      samples.push({ kind: s.kind, label: s.label, ms: performance.now() - t });
    }
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`\n${label}: ${samples.length} Suchen (${states.length} Anfragen × ${rounds} Runden, mit Facetten)`);
  console.log(`  gesamt        p50 ${quantile(all, 0.5).toFixed(1)} ms   p95 ${quantile(all, 0.95).toFixed(1)} ms   max ${all[all.length - 1]!.toFixed(1)} ms`);
  for (const kind of [...new Set(states.map((s) => s.kind))]) {
    const xs = samples.filter((s) => s.kind === kind).map((s) => s.ms).sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(13)} p50 ${quantile(xs, 0.5).toFixed(1).padStart(5)} ms   p95 ${quantile(xs, 0.95).toFixed(1).padStart(5)} ms`);
  }
  if (process.argv.includes('--detail'))
    for (const s of states) {
      const xs = samples.filter((x) => x.label === s.label).map((x) => x.ms).sort((a, b) => a - b);
      console.log(`    ${s.label.padEnd(28)} ${String(hits.get(s.label)).padStart(6)} Treffer   p50 ${quantile(xs, 0.5).toFixed(1).padStart(5)} ms`);
    }
  const kinds = [...new Set(states.map((s) => s.kind))].map((kind) => {
    const xs = samples.filter((s) => s.kind === kind).map((s) => s.ms).sort((a, b) => a - b);
    return { kind, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) };
  });
  return { p50: quantile(all, 0.5), p95: quantile(all, 0.95), searches: samples.length, kinds };
}

type Figures = Awaited<ReturnType<typeof measure>> & { engine: string; measures: number; fillSeconds: number | null };
const figures: Figures[] = [];

async function runEngine(label: string, database: Database, plans: ImportPlan[], rounds: number) {
  await runMigrations(database);
  const before = await searchIndexStats(database.db);
  let fillSeconds: number | null = null;
  if (before.documents === 0) {
    const fillMs = await fill(database, plans);
    fillSeconds = fillMs / 1000;
    const stats = await searchIndexStats(database.db);
    console.log(`\n${label}: ${plans.reduce((n, p) => n + p.measures.length, 0)} Maßnahmen in ${plans.length} Katalogen geschrieben in ${(fillMs / 1000).toFixed(1)} s` +
      ` (Suchindex per Trigger: ${stats.documents} Dokumente, ${stats.words} Wörter im Lexikon)`);
  } else {
    console.log(`\n${label}: vorhandene Daten (${before.documents} Dokumente, ${before.words} Wörter)`);
  }
  const result = await measure(label, database, rounds);
  figures.push({ ...result, engine: label, measures: plans.reduce((n, p) => n + p.measures.length, 0), fillSeconds });
  return result;
}

/** --keep <dir>: PGlite directory kept after the run (and reused when it has data), for profiling. */
function keepDir(): string | null {
  const i = process.argv.indexOf('--keep');
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : null;
}

async function benchPglite(plans: ImportPlan[], rounds: number) {
  const kept = keepDir();
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-'));
  try {
    const database = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      const r = await runEngine('PGlite', database, plans, rounds);
      console.log(`  Ziel p95 < 25 ms: ${r.p95 < 25 ? 'erreicht' : 'verfehlt'}`);
    } finally {
      await database.close();
    }
  } finally {
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** In a temporary database on the server of `url`, dropped afterwards. */
async function benchPostgres(url: string, plans: ImportPlan[], rounds: number) {
  const { default: pg } = await import('pg');
  const name = `vielfalt_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ engine: 'postgres', url: target.toString() });
    try {
      const r = await runEngine('PostgreSQL', database, plans, rounds);
      console.log(`  Ziel p95 < 10 ms: ${r.p95 < 10 ? 'erreicht' : 'verfehlt'}`);
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

function sizes(): number[] {
  const i = process.argv.indexOf('--measures');
  const raw = i >= 0 ? (process.argv[i + 1] ?? '') : '1000,10000,100000';
  const xs = raw.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!xs.length) throw new Error(`--measures: eine oder mehrere Zahlen, durch Komma getrennt (bekommen: "${raw}")`);
  return xs;
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

function report(rounds: number): string {
  const kinds = [...new Set(figures.flatMap((f) => f.kinds.map((k) => k.kind)))];
  const base = new Map(figures.map((f) => [f.engine, figures.find((g) => g.engine === f.engine)!]));
  const rows = figures.map((f) => {
    const first = base.get(f.engine)!;
    const growth = f === first ? '1.0×' : `${(f.p95 / first.p95).toFixed(1)}×`;
    return `| ${f.engine} | ${f.measures.toLocaleString('en')} | ${f.fillSeconds === null ? '–' : f.fillSeconds.toFixed(0)} | ${ms(f.p50)} | ${ms(f.p95)} | ${growth} | ${f.kinds.map((k) => `${ms(k.p50)} / ${ms(k.p95)}`).join(' | ')} |`;
  });
  return [
    `Generated measures from the vocabulary of Herne's documents, written through the importer (search index built by the triggers); ${QUERY_MIX.length} queries with facets × ${rounds} rounds after a warm-up, in this process (no HTTP). Growth: p95 against the smallest size of the same engine.`,
    '',
    `| engine | measures | fill s | p50 ms | p95 ms | p95 growth | ${kinds.map((k) => `${k} p50 / p95`).join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ${kinds.map(() => '---:').join(' | ')} |`,
    ...rows,
  ].join('\n');
}

async function main() {
  const totals = sizes();
  const rounds = arg('rounds', 10);
  const i = process.argv.indexOf('--only');
  const only = i >= 0 ? process.argv[i + 1] : null;
  const url = process.env.DATABASE_URL?.trim();
  for (const total of totals) {
    console.log(`Such-Benchmark: ${total} Maßnahmen aus dem Vokabular der Herner Dokumente, ${QUERY_MIX.length} Anfragen, ${os.cpus().length} Kerne`);
    const plans = generatePlans(total);
    if (only !== 'postgres') await benchPglite(plans, rounds);
    if (only === 'pglite') continue;
    if (url) await benchPostgres(url, plans, rounds);
    else console.log('\nPostgreSQL: übersprungen (DATABASE_URL nicht gesetzt).');
  }
  figures.sort((a, b) => a.engine.localeCompare(b.engine) || a.measures - b.measures);
  writeResults('search', {
    command: `${url ? 'DATABASE_URL=… ' : ''}npm run bench -- search --measures ${totals.join(',')} --rounds ${rounds}${only ? ` --only ${only}` : ''}`,
    body: report(rounds),
  });
}

// Run when started as the benchmark (scripts/bench.js); importing generatePlans runs nothing.
if (process.argv[1]?.endsWith('search.ts')) await main();
