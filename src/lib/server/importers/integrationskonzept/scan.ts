/**
 * First pass over one Integrationskonzept file: lines → records → labelled entries.
 *
 * A record is one table of the document: the Handlungsfeld heading, "Leitziel X:",
 * "Handlungsziel X1:", "Maßnahme n:", then Verantwortlich, Zielgruppe, Status, Bemerkungen.
 * The same labels appear in several encodings (see parse.ts); here every line is split into its
 * tab cells, each cell is turned into plain text, and a label at the start of the first cell
 * opens a new entry. Lines without a label continue the last entry.
 */
import { ImportError, type ImportWarning } from '../types';
import { SUPERSCRIPT_CLASS, cellToText, normInline, superscriptToDigits } from './text';

export type Label = 'leitziel' | 'handlungsziel' | 'massnahme' | 'verantwortlich' | 'zielgruppe' | 'status' | 'bemerkungen';

export interface Part {
  /** Plain text of the value (runs of spaces kept). */
  text: string;
  /** The value cells as printed (HTML kept), for the few places where bold matters. */
  raw: string;
  line: number;
  /** How the part joins the previous one: same cell line ("soft"), new line, new paragraph. */
  join: 'soft' | 'line' | 'para';
  markers: string[];
}

export interface Entry {
  label: Label;
  /** Letter, code or number of Leitziel/Handlungsziel/Maßnahme; qualifier of Verantwortlich ("für Herne"). */
  arg: string | null;
  /** The label as printed, e.g. "Maßnahme 4 :", "Projektstatus". */
  labelText: string;
  line: number;
  parts: Part[];
  /** Footnote markers in the label cell (e.g. in a Handlungsziel text). */
  markers: string[];
  /** Maßnahme only: a bold title printed right after the label ("<b>Kulturrallye</b>"). */
  boldTitle?: string;
}

export interface RawRecord {
  feld: string | null;
  feldLine: number | null;
  /** How the Handlungsfeld was found: the record's own heading or a fallback. */
  feldSource: 'record' | 'chapter' | 'previous' | 'none';
  startLine: number;
  endLine: number;
  entries: Entry[];
  footnotes: Map<string, { text: string; line: number }>;
}

export interface FrontLine {
  raw: string;
  text: string;
  line: number;
  /** A blank line came before. */
  blankBefore: boolean;
}

export interface ScannedFile {
  datei: string;
  records: RawRecord[];
  front: FrontLine[];
  warnings: ImportWarning[];
}

const LABELS: { label: Label; re: RegExp }[] = [
  { label: 'leitziel', re: /^Leitziel\s+([A-Z])\s*:\s*/ },
  { label: 'handlungsziel', re: /^Handlungsziel\s+([A-Z]\s?\d{1,2})\s*:\s*/ },
  { label: 'massnahme', re: /^Maßnahme\s*(?:(\d+(?:\s*\.\s*\d+)*)\s*:|:\s*(\d+(?:\.\d+)*)(?!\d)|:)\s*/ },
  { label: 'verantwortlich', re: /^Verantwortlich(?:\s+(für\s+[^:\n]{1,40}?))?\s*:\s*/ },
  { label: 'zielgruppe', re: /^Zielgruppen?\s*(?::\s*|$)/ },
  { label: 'status', re: /^(?:Projektstatus|Status|Sachstand)\s*(?::\s*|$)/ },
  { label: 'bemerkungen', re: /^(?:Bemerkungen|Bemerkung|Anmerkungen|Anmerkung)\s*(?::\s*|$)/ },
];

export function matchLabel(text: string): { label: Label; arg: string | null; labelText: string; length: number } | null {
  const t = text.replace(/^\s+/, '');
  const offset = text.length - t.length;
  for (const { label, re } of LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    const arg = (m[1] ?? m[2] ?? null)?.replace(/\s+/g, '') ?? null;
    return { label, arg: label === 'verantwortlich' ? (m[1]?.trim() ?? null) : arg, labelText: m[0].trim(), length: offset + m[0].length };
  }
  return null;
}

/** "Verantwortlich:" printed inside the measure cell, after the measure text. */
const INLINE_VERANTWORTLICH = /(^|\s)Verantwortlich(?:\s+(für\s+[^:\n]{1,40}?))?\s*:\s*/;

const FOOTNOTE_LINE = new RegExp(`^\\s*(?:<sup>\\s*(\\d+)\\s*</sup>|(${SUPERSCRIPT_CLASS}+))\\s*(\\S.*)$`);

/** Cheap detection: the labels of the measure tables. */
export function looksLikeIntegrationskonzept(text: string): boolean {
  if (!text || text.includes('\0')) return false;
  const plain = text.replace(/<[^>]+>|\*\*/g, '');
  return /Leitziel\s+[A-Z]\s*:/.test(plain) && /Handlungsziel\s+[A-Z]\s?\d{1,2}\s*:/.test(plain) && /Maßnahme\s*:?\s*\d/.test(plain);
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Heading {
  name: string;
  level: 'chapter' | 'record';
  line: number;
  consumed: number;
}

function matchHeading(lines: string[], i: number): Heading | null {
  const raw = lines[i] ?? '';
  if (raw.replace(/\t+\s*$/, '').includes('\t')) return null;
  const text = normInline(cellToText(raw).text);
  if (text === 'Handlungsfeld') {
    // A title page heading broken over several lines: "Handlungsfeld  ↵Interkulturelle  ↵Öffnung …"
    const words: string[] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() && !(lines[j] ?? '').includes('\t') && words.length < 12) {
      words.push(normInline(cellToText(lines[j] ?? '').text));
      j++;
    }
    if (!words.length) return null;
    return { name: words.join(' '), level: 'chapter', line: i + 1, consumed: j - i };
  }
  const m = /^Handlungsfeld\s+([^:]{2,120})$/.exec(text);
  if (!m) return null;
  return { name: m[1]!.trim(), level: /^\s*#\s/.test(raw) ? 'chapter' : 'record', line: i + 1, consumed: 1 };
}

function isSeparator(raw: string): boolean {
  return /^[\s\-–—_*=|]+$/.test(raw) && (raw.match(/[-–—_*=]/g)?.length ?? 0) >= 3;
}

export function validateText(datei: string, text: string): void {
  if (!text || !text.trim()) throw new ImportError('Die Datei ist leer.', datei, 1);
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new ImportError('Die Datei enthält Binärdaten (NUL-Byte) und ist kein Text.', datei, lineOfOffset(text, nul));
  // Leitziel or Handlungsziel labels are enough to read on (a truncated file then fails later,
  // naming the incomplete record); the CLI's detection (looksLikeIntegrationskonzept) is stricter.
  const plain = text.replace(/<[^>]+>|\*\*/g, '');
  if (!/Leitziel\s+[A-Z]\s*:|Handlungsziel\s+[A-Z]\s?\d{1,2}\s*:/.test(plain)) {
    const first = text.split(/\r\n|\r|\n/).findIndex((l) => l.trim()) + 1;
    throw new ImportError(
      'Kein Gesamtstädtisches Integrationskonzept: keine Datensätze mit „Leitziel …:“, „Handlungsziel …:“ und „Maßnahme …:“ gefunden.',
      datei,
      first || 1,
    );
  }
}

export function scanFile(datei: string, input: string): ScannedFile {
  validateText(datei, input);
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.replace(/\u00a0/g, ' '));
  const warnings: ImportWarning[] = [];
  const records: RawRecord[] = [];
  const front: FrontLine[] = [];
  let inFront = true;
  let cur: RawRecord | null = null;
  let lastRecordHeading: Heading | null = null;
  let lastChapter: Heading | null = null;
  let blank = false;
  let prevHardBreak = false;

  const close = (endLine: number) => {
    if (cur) {
      cur.endLine = endLine;
      records.push(cur);
    }
    cur = null;
  };

  const openRecord = (line: number): RawRecord => {
    const previous = records[records.length - 1] ?? null;
    const since = previous ? previous.startLine : 0;
    let feld: string | null = null;
    let feldLine: number | null = null;
    let feldSource: RawRecord['feldSource'] = 'none';
    if (lastRecordHeading && lastRecordHeading.line > since) {
      ({ name: feld, line: feldLine } = lastRecordHeading);
      feldSource = 'record';
    } else if (lastChapter && lastChapter.line > since) {
      ({ name: feld, line: feldLine } = lastChapter);
      feldSource = 'chapter';
    } else if (previous?.feld) {
      feld = previous.feld;
      feldLine = previous.feldLine;
      feldSource = 'previous';
    }
    return { feld, feldLine, feldSource, startLine: line, endLine: line, entries: [], footnotes: new Map() };
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (!raw.trim()) {
      blank = true;
      prevHardBreak = false;
      continue;
    }
    const heading = matchHeading(lines, i);
    if (heading) {
      close(lineNo - 1);
      inFront = false;
      if (heading.level === 'chapter') lastChapter = heading;
      else lastRecordHeading = heading;
      i += heading.consumed - 1;
      blank = false;
      prevHardBreak = false;
      continue;
    }
    const footnote = FOOTNOTE_LINE.exec(raw);
    if (footnote && !inFront) {
      const n = footnote[1] ?? superscriptToDigits(footnote[2] ?? '');
      const text = normInline(cellToText(footnote[3] ?? '').text);
      const target: RawRecord | undefined = cur ?? records[records.length - 1];
      if (target) target.footnotes.set(n, { text, line: lineNo });
      else warnings.push({ datei, zeile: lineNo, code: 'ignored-line', meldung: `Fußnote ${n} außerhalb eines Datensatzes übergangen.` });
      blank = false;
      continue;
    }
    if (isSeparator(raw)) {
      blank = false;
      continue;
    }

    const cells = raw.split('\t');
    const startsWithTab = cells.length > 1 && !cells[0]!.trim();
    const first = cellToText(cells[0]!);
    const label = startsWithTab ? null : matchLabel(first.text);

    if (inFront && !label) {
      front.push({ raw, text: first.text, line: lineNo, blankBefore: blank });
      blank = false;
      prevHardBreak = / {2,}$/.test(raw);
      continue;
    }
    inFront = false;

    const restCells = cells.slice(1).map((c) => ({ raw: c, ...cellToText(c) }));
    if (label) {
      if ((label.label === 'leitziel' || label.label === 'handlungsziel') && cur) {
        const has = (l: Label) => (cur as RawRecord).entries.some((e) => e.label === l);
        if (has('massnahme') || (label.label === 'leitziel' && has('leitziel')) || (label.label === 'handlungsziel' && has('handlungsziel'))) close(lineNo - 1);
      }
      if (!cur) cur = openRecord(lineNo);
      const remainder = first.text.slice(label.length);
      const valueTexts = [remainder, ...restCells.map((c) => c.text)].filter((t) => t.trim());
      const entry: Entry = {
        label: label.label,
        arg: label.arg,
        labelText: label.labelText,
        line: lineNo,
        parts: [],
        markers: label.label === 'handlungsziel' || label.label === 'leitziel' ? [...first.markers] : [],
      };
      const part: Part = {
        text: valueTexts.join('\n'),
        raw: restCells.map((c) => c.raw).join('\t'),
        line: lineNo,
        join: 'line',
        markers: [...(entry.markers.length ? [] : first.markers), ...restCells.flatMap((c) => c.markers)],
      };
      if (part.text.trim() || part.raw.trim()) entry.parts.push(part);
      if (label.label === 'massnahme') {
        const title = boldTitleAfterLabel(cells[0]!);
        if (title) entry.boldTitle = title;
      }
      (cur as RawRecord).entries.push(entry);
      if (entry.label === 'massnahme') splitInlineVerantwortlich(cur as RawRecord, entry);
    } else {
      if (!cur) {
        warnings.push({ datei, zeile: lineNo, code: 'ignored-line', meldung: 'Zeile außerhalb eines Datensatzes übergangen.' });
        blank = false;
        continue;
      }
      const last = (cur as RawRecord).entries[(cur as RawRecord).entries.length - 1];
      const texts = [first.text, ...restCells.map((c) => c.text)].filter((t) => t.trim());
      if (last && texts.length) {
        last.parts.push({
          text: texts.join('\n'),
          raw: startsWithTab ? restCells.map((c) => c.raw).join('\t') : raw,
          line: lineNo,
          join: startsWithTab || prevHardBreak ? 'soft' : blank ? 'para' : 'line',
          markers: [...first.markers, ...restCells.flatMap((c) => c.markers)],
        });
        if (last.label === 'massnahme') splitInlineVerantwortlich(cur as RawRecord, last);
      }
    }
    blank = false;
    prevHardBreak = / {2,}$/.test(raw);
  }
  close(lines.length);
  return { datei, records, front, warnings };
}

/**
 * "<b>Maßnahme 2:</b> <b>Spartenübergreifende Projekte</b> Fortlaufende …": the second bold span,
 * right after the label, is the measure's title (the Kultur chapter prints its titles so).
 */
function boldTitleAfterLabel(rawCell: string): string | null {
  const m = /^\s*<b>\s*Maßnahme[^<]*<\/b>\s*<b>([\s\S]*?)<\/b>/.exec(rawCell);
  if (!m) return null;
  const title = normInline(cellToText(m[1]!).text).replace(/\s*:$/, '');
  return title && !/^Verantwortlich\b/.test(title) ? title : null;
}

/** Moves "… Verantwortlich: X" at the end of the measure text into its own entry. */
function splitInlineVerantwortlich(record: RawRecord, entry: Entry): void {
  const part = entry.parts[entry.parts.length - 1];
  if (!part) return;
  const m = INLINE_VERANTWORTLICH.exec(part.text);
  if (!m) return;
  const at = m.index + (m[1]?.length ?? 0);
  const value = part.text.slice(m.index + m[0].length);
  part.text = part.text.slice(0, at);
  // The raw form after the label, for the bold test in grouped offers (not needed here).
  record.entries.push({
    label: 'verantwortlich',
    arg: m[2]?.trim() ?? null,
    labelText: m[0].trim(),
    line: part.line,
    parts: value.trim() ? [{ text: value, raw: '', line: part.line, join: 'line', markers: [] }] : [],
    markers: [],
  });
}
