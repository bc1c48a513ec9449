/**
 * Export benchmark: `npm run bench -- exports [--only pdf|tabular] [--measures 10000] [--keep-pdf DIR] [--compare]`.
 *
 * 1. Herne's real documents are imported into a temporary PGlite database; the PDF of the
 *    whole integration concept and of the whole diversity catalogue is rendered (time from the
 *    database to the finished PDF, pages, size; target < 5 s each). The first render includes
 *    starting the worker and loading the fonts, so it is reported separately.
 * 2. A second database gets ~10,000 generated measures (the search bench's generator); the
 *    CSV and XLSX export of all of them is timed (target < 2 s each).
 * `--compare` also renders both catalogues with pdfkit (bench/pdfkit-spike.ts) and checks both
 * engines on an Arabic paragraph and on the PDF structure (docs/exports.md).
 * With DATABASE_URL set, the CSV/XLSX part runs on a temporary PostgreSQL database as well.
 * A benchmark, never a timed test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, type Database, type Db } from '../src/lib/server/db';
import { ensureMunicipality } from '../src/lib/server/catalogue/municipality';
import { listCatalogues } from '../src/lib/server/catalogue/queries';
import { parseSources } from '../src/lib/server/importers/pipeline';
import { readSourceFile } from '../src/lib/server/importers/read-source';
import { writeImportPlan } from '../src/lib/server/importers/plan/write';
import type { ImportPlan } from '../src/lib/server/importers/plan/types';
import { createTranslator } from '../src/lib/i18n';
import { downloadCatalogue, type ExportFormat } from '../src/lib/server/exports/downloads';
import { stopPdfWorker } from '../src/lib/server/exports/pdf/render';
import { loadExportSelection } from '../src/lib/server/exports/measures';
import { measuresCsv, measuresXlsx } from '../src/lib/server/exports/tabular/write';
import { generatePlans } from './search';
import { renderWithPdfkit } from './pdfkit-spike';
import { getCatalogueDetail } from '../src/lib/server/catalogue/queries';
import { cataloguePrintDocument, printText, type PrintDocument } from '../src/lib/server/exports/print-document';
import { renderPdf } from '../src/lib/server/exports/pdf/render';
import { pdfText } from '../tests/helpers/pdf';
import { PDFDocument, PDFName } from 'pdf-lib';
import { DEFAULT_MUNICIPALITY } from '../src/lib/server/catalogue/municipality';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const t = createTranslator('de');
const origin = 'https://vielfalt.example';

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

async function fill(database: Database, plans: ImportPlan[]): Promise<void> {
  await runMigrations(database);
  const started = performance.now();
  await database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const municipalityId = await ensureMunicipality(tx, DEFAULT_MUNICIPALITY.slug, DEFAULT_MUNICIPALITY.name);
    for (const plan of plans) await writeImportPlan(tx, plan, { municipalityId, comment: 'Benchmark' });
  });
  console.log(`  ${plans.reduce((n, p) => n + p.measures.length, 0)} Maßnahmen geschrieben in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A temporary PGlite directory, removed afterwards. */
async function withDatabase<T>(plans: ImportPlan[], fn: (db: Db) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-exports-'));
  let database: Database | null = null;
  try {
    database = await openDatabase({ engine: 'pglite', dataDir: dir });
    await fill(database, plans);
    return await fn(database.db);
  } finally {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A temporary database on the PostgreSQL server of `url`, dropped afterwards. */
async function withPostgres<T>(url: string, plans: ImportPlan[], fn: (db: Db) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const name = `vielfalt_bench_exports_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  let database: Database | null = null;
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = await openDatabase({ engine: 'postgres', url: target.toString() });
    await fill(database, plans);
    return await fn(database.db);
  } finally {
    await database?.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  }
}

/** CPU time of this process since `start` (main thread, worker threads and PGlite): a figure the
 * shared machine's load does not inflate the way it inflates wall-clock time. */
const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return `${((used.user + used.system) / 1e6).toFixed(2)} s`;
};
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function benchPdf() {
  console.log(`\nPDF der echten Kataloge (PGlite, Typst im Worker-Thread; Last ${os.loadavg()[0]!.toFixed(1)} bei ${os.cpus().length} Kernen)`);
  const files = fs
    .readdirSync(path.join(root, 'data/sources/herne'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readSourceFile(path.join(root, 'data/sources/herne', f)));
  const { plans } = parseSources(files);
  await withDatabase(plans, async (db) => {
    const catalogues = (await listCatalogues(db, DEFAULT_MUNICIPALITY.slug)).filter((c) => c.kind !== 'vereinbarungen');
    const keep = arg('keep-pdf');
    for (const round of ['kalt', 'warm'] as const)
      for (const c of catalogues) {
        const started = performance.now();
        const cpu0 = process.cpuUsage();
        const r = await downloadCatalogue(db, c.slug, 'pdf', { t, origin, municipality: DEFAULT_MUNICIPALITY.slug });
        const ms = performance.now() - started;
        if (r.status !== 'ok') throw new Error(`${c.slug}: ${r.status}`);
        const d = r.download;
        console.log(`  ${round.padEnd(4)} ${c.title.slice(0, 45).padEnd(45)} ${s(ms).padStart(7)}  ${String(d.pages).padStart(4)} Seiten  ${kb(d.body.length).padStart(7)}  ${d.measures} Maßnahmen  CPU ${cpuSeconds(cpu0)}  Ziel < 5 s: ${ms < 5000 ? 'erreicht' : 'verfehlt'}`);
        if (keep && round === 'warm') {
          fs.mkdirSync(keep, { recursive: true });
          fs.writeFileSync(path.join(keep, `${c.slug}.pdf`), d.body);
        }
      }
    if (process.argv.includes('--compare')) await compare(db, catalogues.map((c) => c.slug));
  });
}

const ARABIC = 'تقدم المدينة دروسا في اللغة الألمانية للآباء والأمهات في رياض الأطفال';

async function structure(pdf: Buffer) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const has = (key: string) => doc.catalog.get(PDFName.of(key)) !== undefined;
  return `StructTreeRoot ${has('StructTreeRoot') ? 'ja' : 'nein'}, MarkInfo ${has('MarkInfo') ? 'ja' : 'nein'}, Lang ${has('Lang') ? 'ja' : 'nein'}, Outlines ${has('Outlines') ? 'ja' : 'nein'}`;
}

async function compare(db: Db, slugs: string[]) {
  console.log('\nVergleich Typst / pdfkit (gleiches Druckdokument, warm)');
  const fontDir = path.join(root, 'assets/fonts');
  for (const slug of slugs) {
    const detail = (await getCatalogueDetail(db, slug, DEFAULT_MUNICIPALITY.slug))!;
    const selection = await loadExportSelection(db, { catalogueIds: [detail.catalogue.id] });
    const document = cataloguePrintDocument(detail, selection, { t });
    for (const engine of ['Typst', 'pdfkit'] as const) {
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      const r = engine === 'Typst' ? await renderPdf(document) : await renderWithPdfkit(document, fontDir);
      const ms = performance.now() - started;
      console.log(`  ${slug.padEnd(28)} ${engine.padEnd(6)} ${s(ms).padStart(7)}  CPU ${cpuSeconds(cpu0)}  ${String(r.pages).padStart(4)} Seiten  ${kb(r.pdf.length).padStart(7)}  ${await structure(r.pdf)}`);
    }
  }
  const arabicDoc: PrintDocument = {
    lang: 'de', title: 'Arabisch', subtitle: null, publisher: null, stand: null, selection: null, foreword: null, generated: '', measureCount: 1,
    labels: { publisher: 'Herausgeber', stand: 'Stand', toc: 'Inhaltsverzeichnis', foreword: 'Vorwort', page: 'Seite', pageOf: 'von', newMarker: 'neu', references: 'Querverweise', generated: 'Erstellt am' },
    sections: [{ anchor: 'n-1', level: 1, heading: 'Handlungsfeld Test', body: printText(`${ARABIC}.`), measures: [], sections: [] }],
  };
  for (const engine of ['Typst', 'pdfkit'] as const) {
    const r = engine === 'Typst' ? await renderPdf(arabicDoc) : await renderWithPdfkit(arabicDoc, fontDir);
    const text = pdfText(r.pdf);
    const reversed = ARABIC.split(' ').reverse().join(' ');
    const verdict = text.includes(ARABIC) ? 'logische Reihenfolge' : text.includes(reversed) ? 'Wörter umgekehrt (visuelle Reihenfolge)' : 'nicht wiederzufinden';
    console.log(`  Arabisch ${engine.padEnd(6)} pdftotext: ${verdict}`);
  }
}

async function tabular(db: Db) {
  const ids = (await listCatalogues(db, DEFAULT_MUNICIPALITY.slug)).map((c) => c.id);
  for (const format of ['csv', 'xlsx'] as ExportFormat[])
    for (const round of ['kalt', 'warm']) {
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      const selection = await loadExportSelection(db, { catalogueIds: ids });
      const loaded = performance.now();
      const ctx = { measureUrl: (m: { slug: string }) => `${origin}/m/${m.slug}` };
      const body = format === 'csv' ? measuresCsv(selection, ctx) : await measuresXlsx(selection, ctx);
      const done = performance.now();
      const ms = done - started;
      console.log(`  ${format.toUpperCase().padEnd(4)} ${round.padEnd(4)} ${selection.measures.length} Maßnahmen  ${s(ms).padStart(7)} (laden ${s(loaded - started)}, schreiben ${s(done - loaded)}; CPU dieses Prozesses ${cpuSeconds(cpu0)})  ${kb(body.length).padStart(8)}  Ziel < 2 s: ${ms < 2000 ? 'erreicht' : 'verfehlt'}`);
    }
}

async function benchTabular(total: number) {
  const plans = generatePlans(total);
  console.log(`\nCSV/XLSX von ${total} generierten Maßnahmen (PGlite; Last ${os.loadavg()[0]!.toFixed(1)} bei ${os.cpus().length} Kernen)`);
  await withDatabase(plans, tabular);
  const url = process.env.DATABASE_URL;
  if (url) {
    console.log(`\nCSV/XLSX von ${total} generierten Maßnahmen (PostgreSQL)`);
    await withPostgres(url, plans, tabular);
  }
}

async function main() {
  try {
    const only = arg('only');
    if (only !== 'tabular') await benchPdf();
    if (only !== 'pdf') await benchTabular(Number(arg('measures') ?? 10_000));
  } finally {
    await stopPdfWorker();
  }
}

await main();
