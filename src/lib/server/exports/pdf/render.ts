/**
 * Renders a print document (print-document.ts) to PDF with Typst, off the main thread: the
 * compiler runs in one long-lived worker thread (fonts loaded once), so a 5-second catalogue
 * never blocks other requests on the server's event loop. Requests are queued; the worker is
 * unref'd, so it never keeps a process (CLI, tests) alive.
 *
 * Fonts come only from assets/fonts (shipped in the repository); the system's fonts are not
 * used, so every machine produces the same PDF and nothing is fetched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { projectPath } from '../../util/project-root';
import type { PrintDocument } from '../print-document';
import { CATALOGUE_TEMPLATE } from './catalogue.typ';

export const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf', 'NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf'];

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** Milliseconds spent compiling in the worker. */
  ms: number;
}

// The worker's code (CommonJS, evaluated): load the native compiler and the fonts once, then
// compile every document it is sent.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { NodeCompiler } = require(workerData.compilerPath);
const fontBlobs = workerData.fonts.map((f) => fs.readFileSync(f));
const compiler = NodeCompiler.create({ workspace: '/print', fontArgs: [{ fontBlobs }] });
parentPort.on('message', ({ id, template, data }) => {
  const started = Date.now();
  try {
    compiler.mapShadow('/print/data.json', Buffer.from(data));
    const result = compiler.compile({ mainFileContent: template });
    const doc = result.result;
    if (!doc || result.hasError()) {
      const err = result.takeError ? result.takeError() : null;
      const diagnostics = err ? err.shortDiagnostics.map((x) => x.message || JSON.stringify(x)).join('; ') : 'unbekannter Fehler';
      parentPort.postMessage({ id, error: 'Typst: ' + diagnostics });
      return;
    }
    const pdf = compiler.pdf(doc);
    const pages = doc.numOfPages;
    compiler.evictCache(10);
    parentPort.postMessage({ id, pdf, pages, ms: Date.now() - started });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

type Pending = { resolve: (r: RenderedPdf) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function fontPaths(): string[] {
  const dir = projectPath('assets/fonts');
  return FONT_FILES.map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f));
}

function startWorker(): Worker {
  const require = createRequire(import.meta.url);
  const w = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { compilerPath: require.resolve('@myriaddreamin/typst-ts-node-compiler'), fonts: fontPaths() },
  });
  w.unref();
  w.on('message', (msg: { id: number; error?: string; pdf?: Uint8Array; pages?: number; ms?: number }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error));
    else p.resolve({ pdf: Buffer.from(msg.pdf!), pages: msg.pages!, ms: msg.ms! });
    if (!pending.size) w.unref();
  });
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`PDF-Erzeugung beendet (Code ${code}).`)));
  return w;
}

/** Typesets a print document as a tagged PDF (lang, title, bookmarks, internal links). */
export function renderPdf(document: PrintDocument): Promise<RenderedPdf> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<RenderedPdf>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Keep the process alive while a request waits for its PDF.
    w.ref();
    w.postMessage({ id, template: CATALOGUE_TEMPLATE, data: JSON.stringify(document) });
  });
}

/** Stops the worker (tests, benchmarks). */
export async function stopPdfWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
