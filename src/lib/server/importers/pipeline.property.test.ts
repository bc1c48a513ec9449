/**
 * Property tests (fast-check) of the importers' parse step: whatever is left of the real Herne
 * documents after random damage — lines deleted, duplicated, swapped, truncated, stray Unicode
 * and control characters, random bytes through `decodeSource` — `parseSources` either returns a
 * report or throws an `ImportError` naming the file (and line): never another exception, never
 * a slow run.
 *
 * Parsing a full document costs 10–80 ms, so full documents get a few dozen mutations each;
 * most inputs are excerpts (the document's head plus a random window of lines), which reach the
 * same parsers at a fraction of the cost. Inputs per CI run: see `RUNS` (> 10,000 in total).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSources } from './pipeline';
import { decodeSource } from './read-source';
import { ImportError, type SourceFile } from './types';

const DIR = path.resolve('data/sources/herne');
const DOCUMENTS: SourceFile[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => decodeSource(name, fs.readFileSync(path.join(DIR, name))));
const LINES = new Map(DOCUMENTS.map((d) => [d.name, d.text.split('\n')]));

/** Generated inputs per property; the sum is this area's total per run. */
const RUNS = {
  /** Per document: 000, 001, 002, 003, 004. */
  fullDocument: [20, 30, 30, 20, 150],
  /** 000 and 004 together (004 completes 000). */
  fullPair: 10,
  excerpts: 3_000,
  randomBytes: 5_000,
  damagedBytes: 1_800,
};

/** No single parse may take longer than this (a quadratic blow-up or a hang shows up here). */
const MAX_MS_PER_PARSE = 3_000;

// ------------------------------------------------------------------------------------------
// Mutations of a document's lines
// ------------------------------------------------------------------------------------------

/** Stray characters: controls, BOM, surrogates, combining marks, RTL marks, markup, emoji. */
const strayChar = fc.oneof(
  fc.constantFrom('\u0000', '\u0001', '\t', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029'),
  fc.constantFrom('\uFEFF', '\uD800', '\uDFFF', '\u0301', '\u200b', '\u200e', '\u202e', '\uFFFD', '😀', 'ß', 'Ä'),
  fc.constantFrom('**', '<br>', '|', '#', '-', ':', '„', '“', '1.', 'A1', '\\'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

/** A line to insert: random text, or a structural keyword line that the parsers react to. */
const strayLine = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'Handlungsfeld Bildung',
    'Leitziel Z: Alles',
    'Handlungsziel Z9: Alles',
    'Maßnahme 1',
    'Maßnahme: 99',
    '**Bedarf:**',
    '**Vereinbarung:**',
    '**Beteiligte:**',
    '**Verantwortlich:**',
    'Titel der Maßnahme',
    'Wer ist für die Maßnahme verantwortlich?',
    'nach Innen gerichtet',
    '| a | b |',
    '|---|---|',
    '4.1 Kapitel',
    '1. Dimension',
    'Kontakt:',
    '',
  ),
);

type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'char'; at: number; column: number; text: string }
  | { op: 'truncate'; at: number };

/** Positions are fractions of the current length, so a mutation fits any document. */
const where = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at: where, count: fc.integer({ min: 1, max: 30 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: where, count: fc.integer({ min: 1, max: 10 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('swap' as const), at: where, with: where }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: where, line: strayLine }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('char' as const), at: where, column: where, text: strayChar }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: where }), weight: 1 },
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });

function mutate(text: string, ops: Mutation[]): string {
  let lines = text.split('\n');
  const index = (f: number) => Math.floor(f * lines.length);
  for (const m of ops) {
    const at = index(m.at);
    switch (m.op) {
      case 'delete':
        lines.splice(at, m.count);
        break;
      case 'duplicate':
        lines.splice(at, 0, ...lines.slice(at, at + m.count));
        break;
      case 'swap': {
        const other = index(m.with);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
        break;
      }
      case 'insert':
        lines.splice(at, 0, m.line);
        break;
      case 'char': {
        const line = lines[at] ?? '';
        const column = Math.floor(m.column * (line.length + 1));
        lines[at] = line.slice(0, column) + m.text + line.slice(column);
        break;
      }
      case 'truncate':
        lines = lines.slice(0, Math.max(1, at));
        break;
    }
  }
  return lines.join('\n');
}

/** The head of a document (where its kind is recognised) plus a random window of its lines. */
function excerpt(lines: readonly string[], head: number, start: number, length: number): string {
  const from = Math.floor(start * lines.length);
  return [...lines.slice(0, head), ...lines.slice(Math.max(head, from), Math.max(head, from) + length)].join('\n');
}

// ------------------------------------------------------------------------------------------
// The contract
// ------------------------------------------------------------------------------------------

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns a report, or throws an ImportError "<file>:<line>: …" / "<file>: …" naming an input file. */
function expectReportOrImportError(files: SourceFile[], run: () => unknown = () => parseSources(files)): void {
  const started = performance.now();
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const names = [...files.map((f) => f.name), '-'].map(escape).join('|');
    expect(error.message).toMatch(new RegExp(`^(?:${names})(?::[1-9]\\d*)?: \\S`, 'u'));
    if (error.zeile !== null) expect(error.zeile).toBeGreaterThanOrEqual(1);
    return;
  } finally {
    expect(performance.now() - started, 'parse time in ms').toBeLessThan(MAX_MS_PER_PARSE);
  }
  expect(result).toMatchObject({ files: expect.any(Array), catalogues: expect.any(Array), warnings: expect.any(Array) });
}

describe('parseSources (property): damaged documents give a report or an ImportError with file and line', () => {
  DOCUMENTS.forEach((document, i) => {
    it(`full document ${document.name}, mutated`, () => {
      fc.assert(
        fc.property(mutations, (ops) => {
          expectReportOrImportError([{ name: document.name, text: mutate(document.text, ops) }]);
        }),
        { numRuns: RUNS.fullDocument[i] ?? 20 },
      );
    });
  });

  it('000 and 004 together, both mutated', () => {
    const [ik, extract] = [DOCUMENTS.find((d) => d.name.startsWith('000_'))!, DOCUMENTS.find((d) => d.name.startsWith('004_'))!];
    fc.assert(
      fc.property(mutations, mutations, (a, b) => {
        expectReportOrImportError([
          { name: ik.name, text: mutate(ik.text, a) },
          { name: extract.name, text: mutate(extract.text, b) },
        ]);
      }),
      { numRuns: RUNS.fullPair },
    );
  });

  it('excerpts of every document, mutated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOCUMENTS),
        fc.integer({ min: 0, max: 80 }),
        where,
        fc.integer({ min: 1, max: 150 }),
        mutations,
        (document, head, start, length, ops) => {
          expectReportOrImportError([{ name: document.name, text: mutate(excerpt(LINES.get(document.name)!, head, start, length), ops) }]);
        },
      ),
      { numRuns: RUNS.excerpts },
    );
  });
});

describe('decodeSource + parseSources (property): any bytes give a report or an ImportError', () => {
  const decodeAndParse = (name: string, bytes: Uint8Array) => () => parseSources([decodeSource(name, bytes)]);

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectReportOrImportError([{ name: 'zufall.txt', text: '' }], decodeAndParse('zufall.txt', bytes));
      }),
      { numRuns: RUNS.randomBytes },
    );
  });

  it('excerpts of the real documents as bytes, with random bytes overwritten or inserted', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.constantFrom(...DOCUMENTS),
        fc.integer({ min: 0, max: 80 }),
        where,
        fc.integer({ min: 1, max: 150 }),
        fc.array(fc.record({ at: where, byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (document, head, start, length, damage) => {
          let bytes = Array.from(encoder.encode(excerpt(LINES.get(document.name)!, head, start, length)));
          for (const { at, byte, insert } of damage) {
            const i = Math.floor(at * bytes.length);
            if (insert || i >= bytes.length) bytes = [...bytes.slice(0, i), byte, ...bytes.slice(i)];
            else bytes[i] = byte;
          }
          expectReportOrImportError([{ name: document.name, text: '' }], decodeAndParse(document.name, Uint8Array.from(bytes)));
        },
      ),
      { numRuns: RUNS.damagedBytes },
    );
  });
});
