/**
 * Parser for the agreed measures ("blaue Kästen") of Herne's final report "Integration von
 * Neuzugewanderten" 2016–2019 (source 001). Pure: text in, catalogue and warnings out.
 *
 * Chapter 4 prints each agreement as a box: a header row (short title | one-line agreement with
 * the responsible actors in bold) followed by "Bedarf", "Maßnahme(n)", "Beteiligte",
 * "Vereinbarung(en)" and sometimes a funding caveat (⚡, or a bare leading space where the
 * icon was lost). Header rows come as HTML table rows (with or without <p>, whole-cell bold,
 * several rows for one box, stray cells) or as markdown (bold title paragraph + agreement
 * paragraph). The appendix "Zukünftige Aufgaben-Verantwortung" repeats all agreements; it is
 * cross-checked title by title and completes the responsible actors.
 */
import {
  ImportError,
  type ImportWarning,
  type ParseResult,
  type Quelle,
  type SourceFile,
  type Vereinbarung,
  type VereinbarungKapitel,
  type VereinbarungenCatalogue,
} from '../types';
import { findActors, splitActors, type AkteurTreffer } from './actors';
import { crossCheckTitles, findAnlageStart, parseAnlage, type AnlageEintrag, type TitelAbgleich } from './appendix';
import {
  endsParagraph,
  flatText,
  htmlBoldSpans,
  htmlListItems,
  htmlToText,
  isListLine,
  markdownBoldSpans,
  normalizeListLine,
  stripMarkdownInline,
} from './text';

export { splitActors, normalizeActors, findActors, canonicalActor, type AkteurTreffer } from './actors';
export { crossCheckTitles, parseAnlage, alignTitles, titleKey, type TitelAbgleich, type AnlageEintrag } from './appendix';

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

const BEDARF = /^\*\*Bedarf:\*\*/;
const TOP_LABEL = /^\*\*(Bedarf|Maßnahmen?|Beteiligte|Vereinbarung(?:en)?):\*\*\s*(.*)$/;
const NESTED_LABEL = /^\s*(?:[-•]\s+)?(?:\*\*)?(Ziel|Beteiligte):(?:\*\*)?\s*(.*)$/;
const SUBTITLE = /^\s*[-•]\s+\*\*([^*]+?)\*\*\s*$/;
const SEPARATOR = /^\s*-{2,}(?:\s*\t\s*-{2,})+\s*$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const FUNDING = /^(?:⚡\s*|\s(?=\p{Lu}))(.*)$/u;

/** Cheap check for the CLI: the box labels of the report are present. */
export function looksLikeVereinbarungen(text: string): boolean {
  if (!text || text.includes('\u0000')) return false;
  return /^\*\*Bedarf:\*\*/m.test(text) && /^\*\*Vereinbarung(?:en)?:\*\*/m.test(text) && /^\*\*Beteiligte:\*\*/m.test(text);
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export function parseVereinbarungen(files: SourceFile[]): ParseResult<VereinbarungenCatalogue> {
  const catalogues: VereinbarungenCatalogue[] = [];
  const warnings: ImportWarning[] = [];
  for (const file of files) {
    const r = parseFile(file);
    catalogues.push(r.catalogue);
    warnings.push(...r.warnings);
  }
  return { catalogues, warnings };
}

/** One file with the title cross-check report (for the CLI and tests). */
export function parseVereinbarungenFile(file: SourceFile): {
  catalogue: VereinbarungenCatalogue;
  warnings: ImportWarning[];
  abgleich: TitelAbgleich | null;
} {
  return parseFile(file);
}

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

interface Paragraph {
  lines: { text: string; idx: number; hard: boolean }[];
}

interface HeaderRow {
  idx: number;
  kurztitel: string;
  stichpunkte: string[];
  kurzvereinbarung: string;
  /** Cell text without list markers, to tell whole-cell bold from marked actors. */
  kurzPlain: string;
  fett: string[];
}

interface Box {
  kapitel: { nummer: string; titel: string };
  start: number;
  bedarfIdx: number;
  end: number;
  rows: HeaderRow[];
}

interface Ctx {
  datei: string;
  lines: string[];
  warnings: ImportWarning[];
  /** Bold spans of each box's "Vereinbarung" section (last-resort source of responsible actors). */
  vereinbarungFett: Map<Vereinbarung, string[]>;
}

function warn(ctx: Ctx, idx: number, meldung: string, code: string): void {
  ctx.warnings.push({ datei: ctx.datei, zeile: idx + 1, meldung, code });
}

function parseFile(file: SourceFile): { catalogue: VereinbarungenCatalogue; warnings: ImportWarning[]; abgleich: TitelAbgleich | null } {
  const datei = file.name;
  const text = file.text ?? '';
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new ImportError('Binärdatei – erwartet wird der Abschlussbericht als Text.', datei, text.slice(0, nul).split('\n').length);
  }
  if (!text.trim()) throw new ImportError('Die Datei ist leer.', datei);

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const ctx: Ctx = { datei, lines, warnings: [], vereinbarungFett: new Map() };

  const anlageStart = findAnlageStart(lines);
  const bodyEnd = anlageStart >= 0 ? anlageStart : lines.length;
  const bedarfLines = lines.slice(0, bodyEnd).flatMap((l, idx) => (BEDARF.test(l) ? [idx] : []));
  if (!bedarfLines.length) {
    const results = lines.map((l, idx) => (HEADING.test(l) && /Ergebnisse/.test(l) ? idx : -1)).reduce((a, b) => Math.max(a, b), -1);
    throw new ImportError(
      'Keine Vereinbarungs-Kästen („Bedarf“ … „Vereinbarung“) gefunden – kein Abschlussbericht dieser Art oder die Datei ist abgeschnitten.',
      datei,
      results >= 0 ? results + 1 : null,
    );
  }

  // Headings: subchapters ("4.2 Integration durch Bildung") hold the boxes.
  const headings = lines.flatMap((l, idx) => {
    const m = l.match(HEADING);
    return m && idx < bodyEnd ? [{ idx, text: flatText(m[2] ?? '') }] : [];
  });
  const subchapters = headings.flatMap((h) => {
    const m = h.text.match(/^(\d+\.\d+)\.?\s+(.+)$/);
    return m ? [{ idx: h.idx, nummer: m[1] ?? '', titel: (m[2] ?? '').trim() }] : [];
  });

  // Boxes: each "Bedarf" line, with its header found by walking back.
  const boxes: Box[] = [];
  for (let n = 0; n < bedarfLines.length; n++) {
    const b = bedarfLines[n]!;
    const chapter = [...subchapters].reverse().find((s) => s.idx < b);
    if (!chapter) throw new ImportError('Kasten „Bedarf“ außerhalb eines nummerierten Kapitels (z. B. „4.1 …“).', datei, b + 1);
    const lower = Math.max(chapter.idx + 1, n > 0 ? bedarfLines[n - 1]! + 1 : 0);
    const header = findHeader(ctx, b, lower);
    boxes.push({ kapitel: { nummer: chapter.nummer, titel: chapter.titel }, start: header.start, bedarfIdx: b, end: bodyEnd, rows: header.rows });
  }
  // A box ends before the next box header or heading.
  for (let n = 0; n < boxes.length; n++) {
    const box = boxes[n]!;
    const nextBox = boxes[n + 1]?.start ?? bodyEnd;
    const nextHeading = headings.find((h) => h.idx > box.bedarfIdx)?.idx ?? bodyEnd;
    box.end = Math.min(nextBox, nextHeading, bodyEnd);
  }

  // Agreements, grouped by chapter.
  const kapitel: VereinbarungKapitel[] = [];
  for (const box of boxes) {
    let k = kapitel.find((x) => x.nummer === box.kapitel.nummer);
    if (!k) {
      k = { nummer: box.kapitel.nummer, titel: box.kapitel.titel, vereinbarungen: [] };
      kapitel.push(k);
    }
    k.vereinbarungen.push(...boxToAgreements(ctx, box));
  }

  // Appendix: cross-check titles, complete responsible actors.
  const anlage = parseAnlage(text, datei);
  let abgleich: TitelAbgleich | null = null;
  if (anlage) {
    ctx.warnings.push(...anlage.warnings);
    abgleich = crossCheckTitles(kapitel, anlage.eintraege, datei);
    for (const p of abgleich.paare) {
      p.vereinbarung.anlage = {
        kurztitel: p.eintrag.titel,
        kurzvereinbarung: p.eintrag.kurzvereinbarung,
        quelle: { datei, zeile: p.eintrag.zeile },
      };
      mergeResponsible(ctx, p.vereinbarung, p.eintrag);
    }
    ctx.warnings.push(...abgleich.warnings);
  } else {
    warn(ctx, lines.length - 1, 'Anlage „Zukünftige Aufgaben-Verantwortung“ nicht gefunden; kein Abgleich der Kurztitel möglich.', 'anlage-fehlt');
  }
  for (const k of kapitel) for (const v of k.vereinbarungen) fallbackResponsible(ctx, v);

  const meta = readMeta(lines);
  const catalogue: VereinbarungenCatalogue = {
    kind: 'vereinbarungen',
    title: meta.title ?? 'Abschlussbericht',
    ...(meta.stand ? { stand: meta.stand } : {}),
    ...(meta.zeitraum ? { zeitraum: meta.zeitraum } : {}),
    ...(meta.herausgeber ? { herausgeber: meta.herausgeber } : {}),
    ...(meta.vorwort ? { vorwort: meta.vorwort } : {}),
    kapitel,
    quelle: { datei, zeile: 1 },
  };
  if (!meta.title) warn(ctx, 0, 'Titel des Berichts nicht gefunden.', 'titel-fehlt');
  return { catalogue, warnings: ctx.warnings, abgleich };
}

// ---------------------------------------------------------------------------------------------
// Box header
// ---------------------------------------------------------------------------------------------

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** Walks back from the "Bedarf" line to the header of the box. */
function findHeader(ctx: Ctx, bedarf: number, lower: number): { start: number; rows: HeaderRow[] } {
  const lines = ctx.lines;
  const line = (k: number) => lines[k] ?? '';
  let i = bedarf - 1;
  while (i >= lower && isBlank(lines[i])) i--;
  if (i >= lower && SEPARATOR.test(line(i))) {
    i--;
    while (i >= lower && isBlank(lines[i])) i--;
  }
  if (i >= lower && line(i).includes('\t')) {
    let top = i;
    while (top - 1 >= lower && line(top - 1).includes('\t') && !SEPARATOR.test(line(top - 1))) top--;
    const rows: HeaderRow[] = [];
    for (let r = top; r <= i; r++) {
      const row = parseHtmlRow(ctx, r);
      const prev = rows[rows.length - 1];
      if (!row.kurztitel && prev) {
        // Agreement cell continued in a row without title.
        prev.kurzvereinbarung = [prev.kurzvereinbarung, row.kurzvereinbarung].filter(Boolean).join('\n\n');
        prev.kurzPlain = `${prev.kurzPlain} ${row.kurzPlain}`.trim();
        prev.fett.push(...row.fett);
      } else rows.push(row);
    }
    return { start: top, rows };
  }
  // Markdown header: bold title paragraph, then the agreement paragraph.
  const para = (endIdx: number): { from: number; to: number } | null => {
    if (endIdx < lower || isBlank(lines[endIdx])) return null;
    let from = endIdx;
    while (from - 1 >= lower && !isBlank(lines[from - 1])) from--;
    return { from, to: endIdx };
  };
  const joined = (p: { from: number; to: number }) => lines.slice(p.from, p.to + 1).map((l) => l.trim()).join(' ');
  const fullyBold = (p: { from: number; to: number }) => /^\*\*[^]*\*\*$/.test(joined(p)) && !TOP_LABEL.test(joined(p));
  const p1 = para(i);
  if (p1) {
    if (fullyBold(p1) && !/\*\*[^*]+\*\*[^*]+\*\*/.test(joined(p1))) {
      warn(ctx, p1.from, `Kasten „${flatText(joined(p1))}“ ohne Kurzvereinbarung.`, 'kurzvereinbarung-fehlt');
      return { start: p1.from, rows: [mdRow(p1.from, joined(p1), '')] };
    }
    let j = p1.from - 1;
    while (j >= lower && isBlank(lines[j])) j--;
    const p2 = para(j);
    if (p2 && fullyBold(p2)) {
      const kurz = lines
        .slice(p1.from, p1.to + 1)
        .map((l) => l.trim())
        .join('\n');
      return { start: p2.from, rows: [mdRow(p2.from, joined(p2), kurz)] };
    }
  }
  warn(ctx, bedarf, 'Kasten ohne erkennbare Kopfzeile (Kurztitel und Kurzvereinbarung).', 'kopfzeile-fehlt');
  return { start: bedarf, rows: [{ idx: bedarf, kurztitel: '', stichpunkte: [], kurzvereinbarung: '', kurzPlain: '', fett: [] }] };
}

function mdRow(idx: number, titleMd: string, kurzMd: string): HeaderRow {
  const kurz = kurzMd
    .split('\n')
    .map((l) => stripMarkdownInline(l).trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    idx,
    kurztitel: stripMarkdownInline(titleMd).replace(/\s+/g, ' ').trim(),
    stichpunkte: [],
    kurzvereinbarung: kurz,
    kurzPlain: kurz,
    fett: markdownBoldSpans(kurzMd.replace(/\n/g, ' ')),
  };
}

function parseHtmlRow(ctx: Ctx, idx: number): HeaderRow {
  const cells = (ctx.lines[idx] ?? '').split('\t');
  const titleCell = cells[0] ?? '';
  const kurzCell = cells.length > 1 ? (cells[cells.length - 1] ?? '') : '';
  for (const extra of cells.slice(1, -1)) {
    const t = flatText(extra);
    if (t) warn(ctx, idx, `Überzählige Tabellenzelle „${t}“ in der Kopfzeile des Kastens ignoriert (Satzartefakt).`, 'artefakt');
  }
  const list = htmlListItems(titleCell);
  const kurztitel = list.punkte.length ? flatText(list.vorListe).replace(/\s*:$/, '') : flatText(titleCell);
  const kurzvereinbarung = htmlToText(kurzCell);
  return {
    idx,
    kurztitel,
    stichpunkte: list.punkte,
    kurzvereinbarung,
    kurzPlain: kurzvereinbarung.replace(/^- /gm, ''),
    fett: htmlBoldSpans(kurzCell),
  };
}

// ---------------------------------------------------------------------------------------------
// Box body
// ---------------------------------------------------------------------------------------------

type SectionKey = 'bedarf' | 'massnahme' | 'beteiligte' | 'vereinbarung';

interface SubTask {
  titel: string;
  idx: number;
  ziel: Paragraph[];
  beteiligte: Paragraph[];
}

const SECTION_OF: Record<string, SectionKey> = {
  Bedarf: 'bedarf',
  Maßnahme: 'massnahme',
  Maßnahmen: 'massnahme',
  Beteiligte: 'beteiligte',
  Vereinbarung: 'vereinbarung',
  Vereinbarungen: 'vereinbarung',
};

function nextNonBlank(lines: string[], from: number, end: number): string | undefined {
  for (let i = from; i < end; i++) if (!isBlank(lines[i])) return lines[i];
  return undefined;
}

function boxToAgreements(ctx: Ctx, box: Box): Vereinbarung[] {
  const { lines } = ctx;
  const sections: Record<SectionKey, Paragraph[]> = { bedarf: [], massnahme: [], beteiligte: [], vereinbarung: [] };
  const seen = new Set<SectionKey>();
  const funding: { text: string; idx: number }[] = [];
  const subs: SubTask[] = [];
  let target: Paragraph[] | null = null;
  let nested: SubTask | null = null;
  let blankBefore = true;
  let prevHard = false;
  let inFunding = false;

  const push = (t: Paragraph[], text: string, idx: number, newParagraph: boolean) => {
    if (!text) return;
    let last = t[t.length - 1];
    if (newParagraph || !last) {
      last = { lines: [] };
      t.push(last);
    }
    last.lines.push({ text, idx, hard: prevHard });
  };

  for (let i = box.bedarfIdx; i < box.end; i++) {
    const raw = lines[i] ?? '';
    if (isBlank(raw)) {
      blankBefore = true;
      prevHard = false;
      continue;
    }
    const hard = / {2,}$/.test(raw);
    const top = raw.match(TOP_LABEL);
    if (top) inFunding = false;
    if (top) {
      const key = SECTION_OF[top[1] ?? ''] ?? 'bedarf';
      if (key === 'beteiligte' && nested && !nested.beteiligte.length) {
        target = nested.beteiligte;
      } else {
        nested = null;
        seen.add(key);
        target = sections[key];
      }
      prevHard = false;
      push(target, (top[2] ?? '').trim(), i, true);
      blankBefore = false;
      prevHard = hard;
      continue;
    }
    const nestedLabel = nested ? raw.match(NESTED_LABEL) : null;
    if (nested && nestedLabel) {
      if (nestedLabel[1] === 'Ziel') target = nested.ziel;
      else if (!nested.beteiligte.length) target = nested.beteiligte;
      else {
        nested = null;
        seen.add('beteiligte');
        target = sections.beteiligte;
      }
      prevHard = false;
      push(target, (nestedLabel[2] ?? '').trim(), i, true);
      blankBefore = false;
      prevHard = hard;
      continue;
    }
    const sub = raw.match(SUBTITLE);
    if (sub && (target === sections.massnahme || nested)) {
      const following = nextNonBlank(lines, i + 1, box.end);
      const m = following?.match(NESTED_LABEL);
      if (m && m[1] === 'Ziel') {
        nested = { titel: stripMarkdownInline(sub[1] ?? '').trim(), idx: i, ziel: [], beteiligte: [] };
        subs.push(nested);
        target = null;
        blankBefore = false;
        prevHard = false;
        continue;
      }
    }
    const fund = !nested ? raw.match(FUNDING) : null;
    if (fund && seen.has('vereinbarung')) {
      funding.push({ text: stripMarkdownInline(fund[1] ?? '').trim(), idx: i });
      inFunding = true;
      target = null;
      blankBefore = false;
      prevHard = hard;
      continue;
    }
    const lastFunding = funding[funding.length - 1];
    if (inFunding && lastFunding) {
      // Continuation of the funding caveat.
      lastFunding.text += `${blankBefore ? '\n\n' : ' '}${stripMarkdownInline(raw.trim())}`;
      blankBefore = false;
      continue;
    }
    if (!target) {
      if (nested) target = nested.ziel;
      else {
        warn(ctx, i, 'Text im Kasten keinem Abschnitt zuzuordnen; übersprungen.', 'text-uebersprungen');
        continue;
      }
    }
    push(target, raw, i, blankBefore);
    blankBefore = false;
    prevHard = hard;
  }

  const render = (paras: Paragraph[]) => renderParagraphs(ctx, paras);
  const first = box.rows[0] ?? { kurztitel: '' };
  for (const key of ['bedarf', 'massnahme', 'beteiligte', 'vereinbarung'] as SectionKey[]) {
    if (!seen.has(key)) {
      warn(ctx, box.bedarfIdx, `Kasten „${first.kurztitel}“: Abschnitt „${labelOf(key)}“ fehlt.`, 'unvollstaendiger-kasten');
    }
  }
  if (box.rows.length > 1) {
    warn(
      ctx,
      box.start,
      `Ein Kasten mit ${box.rows.length} Kurztiteln (${box.rows.map((r) => `„${r.kurztitel}“`).join(', ')}); Bedarf, Maßnahme, Beteiligte und Vereinbarung gelten für alle.`,
      'gemeinsamer-kasten',
    );
  }

  const beteiligteText = render(sections.beteiligte).replace(/\n+/g, ' ');
  const beteiligte = splitActors(beteiligteText).map((t) => t.name);
  const unteraufgaben: Vereinbarung[] = subs.map((s) => {
    const text = render(s.beteiligte).replace(/\n+/g, ' ');
    return {
      kurztitel: s.titel,
      kurzvereinbarung: '',
      bedarf: '',
      massnahme: '',
      ziel: render(s.ziel),
      beteiligte: splitActors(text).map((t) => t.name),
      beteiligteText: text,
      vereinbarung: '',
      verantwortlich: [],
      finanzierungsvorbehalt: null,
      quelle: { datei: ctx.datei, zeile: s.idx + 1 },
    };
  });
  const body = {
    bedarf: render(sections.bedarf),
    massnahme: render(sections.massnahme),
    vereinbarung: render(sections.vereinbarung),
    finanzierungsvorbehalt: funding.length ? funding.map((f) => f.text).join('\n\n') : null,
  };

  return box.rows.map((row): Vereinbarung => {
    const quelle: Quelle = { datei: ctx.datei, zeile: row.idx + 1 };
    const v: Vereinbarung = {
      kurztitel: row.kurztitel,
      kurzvereinbarung: row.kurzvereinbarung,
      bedarf: body.bedarf,
      massnahme: body.massnahme,
      beteiligte: [...beteiligte],
      vereinbarung: body.vereinbarung,
      verantwortlich: actorsFromCell(row.fett, row.kurzPlain).map((t) => t.name),
      finanzierungsvorbehalt: body.finanzierungsvorbehalt,
      quelle,
    };
    if (row.stichpunkte.length) v.stichpunkte = row.stichpunkte;
    if (unteraufgaben.length) v.unteraufgaben = unteraufgaben;
    if (beteiligteText) v.beteiligteText = beteiligteText;
    if (box.rows.length > 1) v.gemeinsamMit = box.rows.filter((r) => r !== row).map((r) => r.kurztitel);
    ctx.vereinbarungFett.set(v, boldInParagraphs(sections.vereinbarung));
    return v;
  });
}

function labelOf(key: SectionKey): string {
  return { bedarf: 'Bedarf', massnahme: 'Maßnahme', beteiligte: 'Beteiligte', vereinbarung: 'Vereinbarung' }[key];
}

function boldInParagraphs(paras: Paragraph[]): string[] {
  return paras.flatMap((p) => p.lines.flatMap((l) => markdownBoldSpans(l.text)));
}

/** Renders paragraphs: markup stripped, list lines as "- ", page breaks inside paragraphs repaired. */
function renderParagraphs(ctx: Ctx, paras: Paragraph[]): string {
  const isItem = (line: string) => /^\s*(?:-|\d+\.) /.test(line);
  const rendered: { lines: string[]; idx: number }[] = [];
  for (const p of paras) {
    const out: string[] = [];
    for (const l of p.lines) {
      const list = isListLine(l.text);
      const clean = list ? stripMarkdownInline(normalizeListLine(l.text)) : stripMarkdownInline(l.text.trim());
      if (!clean) continue;
      if (!out.length || list || l.hard) out.push(clean);
      else out[out.length - 1] += ` ${clean}`;
    }
    if (!out.length) continue;
    const prev = rendered[rendered.length - 1];
    const prevLast = prev?.lines[prev.lines.length - 1];
    const head = out[0] ?? '';
    const idx = p.lines[0]?.idx ?? 0;
    if (prev && prevLast && !isItem(prevLast) && !isItem(head) && !endsParagraph(prevLast)) {
      // A paragraph cut by a page break: join it again ("Sprach-" + "mittler").
      const dehyphen = /\p{L}-$/u.test(prevLast) && /^\p{Ll}/u.test(head);
      prev.lines[prev.lines.length - 1] = dehyphen ? prevLast.slice(0, -1) + head : `${prevLast} ${head}`;
      prev.lines.push(...out.slice(1));
      warn(ctx, idx, 'Absatz über einen Seitenumbruch getrennt; wieder zusammengefügt.', 'seitenumbruch');
      continue;
    }
    rendered.push({ lines: out, idx });
  }
  let result = '';
  rendered.forEach((r, n) => {
    const text = r.lines.join('\n');
    if (n === 0) result = text;
    else {
      const prev = rendered[n - 1]?.lines ?? [];
      result += isItem(prev[prev.length - 1] ?? '') && isItem(r.lines[0] ?? '') ? `\n${text}` : `\n\n${text}`;
    }
  });
  return result.trim();
}

// ---------------------------------------------------------------------------------------------
// Responsible actors
// ---------------------------------------------------------------------------------------------

/**
 * Actors of a one-line agreement: its bold spans; when the whole cell is bold, the known actors
 * named in it.
 */
function actorsFromCell(fett: string[], plain: string): AkteurTreffer[] {
  if (!fett.length) return [];
  const boldLen = fett.join('').replace(/\s/g, '').length;
  const cellLen = plain.replace(/\s/g, '').length;
  if (cellLen && boldLen >= 0.9 * cellLen) return findActors(plain);
  const result: AkteurTreffer[] = [];
  for (const span of fett) {
    for (const t of splitActors(span)) {
      if (t.bekannt || t.wording.split(/\s+/).length <= 6) result.push(t);
      else result.push(...findActors(t.wording));
    }
  }
  return dedupeTreffer(result);
}

function dedupeTreffer(list: AkteurTreffer[]): AkteurTreffer[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(t.name) && seen.add(t.name));
}

function mergeResponsible(ctx: Ctx, v: Vereinbarung, e: AnlageEintrag): void {
  const fromAnlage = actorsFromCell(e.fett, e.kurzvereinbarung.replace(/^- /gm, '')).map((t) => t.name);
  const fromBox = v.verantwortlich;
  if (fromBox.length && fromAnlage.length) {
    const a = [...new Set(fromBox)].sort().join('|');
    const b = [...new Set(fromAnlage)].sort().join('|');
    if (a !== b) {
      warn(
        ctx,
        v.quelle.zeile - 1,
        `„${v.kurztitel}“: Verantwortliche im Kasten (${fromBox.join(', ')}) und in der Anlage, Zeile ${e.zeile} (${fromAnlage.join(', ')}) weichen ab; beide übernommen.`,
        'verantwortlich-abweichung',
      );
    }
  }
  v.verantwortlich = [...new Set([...fromBox, ...fromAnlage])];
}

function fallbackResponsible(ctx: Ctx, v: Vereinbarung): void {
  if (v.verantwortlich.length) return;
  const fromBody = (ctx.vereinbarungFett.get(v) ?? []).flatMap((span) => splitActors(span));
  const known = [...new Set(fromBody.filter((t) => t.bekannt).map((t) => t.name))];
  if (known.length) {
    v.verantwortlich = known;
    warn(ctx, v.quelle.zeile - 1, `„${v.kurztitel}“: Verantwortliche nur im Abschnitt „Vereinbarung“ hervorgehoben; von dort übernommen.`, 'verantwortlich-aus-vereinbarung');
    return;
  }
  const named = findActors(v.kurzvereinbarung).map((t) => t.name);
  if (named.length) {
    v.verantwortlich = named;
    warn(ctx, v.quelle.zeile - 1, `„${v.kurztitel}“: keine Verantwortlichen hervorgehoben; aus dem Wortlaut der Kurzvereinbarung erkannt: ${named.join(', ')}.`, 'verantwortlich-aus-text');
    return;
  }
  warn(ctx, v.quelle.zeile - 1, `„${v.kurztitel}“: keine Verantwortlichen genannt.`, 'ohne-verantwortliche');
}

// ---------------------------------------------------------------------------------------------
// Catalogue metadata
// ---------------------------------------------------------------------------------------------

function paragraphsOf(lines: string[], from: number, to: number): { text: string; idx: number }[] {
  const out: { text: string; idx: number }[] = [];
  let cur: string[] = [];
  let start = from;
  for (let i = from; i <= to && i < lines.length; i++) {
    if (isBlank(lines[i])) {
      if (cur.length) out.push({ text: cur.join(' '), idx: start });
      cur = [];
      continue;
    }
    if (!cur.length) start = i;
    cur.push((lines[i] ?? '').trim());
  }
  if (cur.length) out.push({ text: cur.join(' '), idx: start });
  return out;
}

function readMeta(lines: string[]): { title?: string; stand?: string; zeitraum?: string; herausgeber?: string; vorwort?: string } {
  const meta: { title?: string; stand?: string; zeitraum?: string; herausgeber?: string; vorwort?: string } = {};
  const firstHeading = lines.findIndex((l) => HEADING.test(l));
  const cover = paragraphsOf(lines, 0, (firstHeading >= 0 ? firstHeading : Math.min(lines.length, 20)) - 1)
    .map((p) => flatText(p.text))
    .filter(Boolean);
  const h1 = lines.find((l) => /^#\s/.test(l));
  const docType = h1 ? flatText(h1.replace(/^#\s+/, '')) : '';
  const project = cover.find((c) => /„.+“/.test(c)) ?? cover[0];
  if (project) {
    const zeitraum = project.match(/\((\d{4}\s*[-–]\s*\d{4})\)/);
    if (zeitraum) meta.zeitraum = zeitraum[1];
    const name = project.replace(/\s*\(\d{4}\s*[-–]\s*\d{4}\)\s*/, ' ').trim();
    meta.title = docType && !/Inhalt/i.test(docType) ? `${docType} – ${name}` : name;
  } else if (docType) meta.title = docType;

  const copyright = lines.find((l) => /^©/.test(l.trim()));
  const stand = copyright?.match(/((?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4})/);
  if (stand) meta.stand = stand[1];
  else if (meta.zeitraum) meta.stand = meta.zeitraum;

  const hIdx = lines.findIndex((l) => /^Herausgeber:/.test(l.trim()));
  if (hIdx >= 0) {
    const parts = [(lines[hIdx] ?? '').trim().replace(/^Herausgeber:\s*/, '')];
    for (let i = hIdx + 1; i < lines.length && !isBlank(lines[i]) && !(lines[i] ?? '').includes(':'); i++) parts.push((lines[i] ?? '').trim());
    meta.herausgeber = parts.map((p) => flatText(p)).filter(Boolean).join(', ');
  }

  // Short description: the first foreword opening that introduces the project.
  const forewords = lines.flatMap((l, idx) => (/^#{1,6}\s+(?:\*\*)?Vorwort/.test(l) ? [idx] : []));
  const projectName = project?.match(/„[^“]+“/)?.[0];
  for (const f of forewords) {
    const end = lines.findIndex((l, idx) => idx > f && HEADING.test(l));
    const first = paragraphsOf(lines, f + 1, (end >= 0 ? end : lines.length) - 1)[0];
    if (first && projectName && first.text.includes(projectName)) {
      meta.vorwort = stripMarkdownInline(first.text).replace(/\s+/g, ' ').trim();
      break;
    }
  }
  if (!meta.vorwort) {
    const intro = lines.findIndex((l) => /^#{1,6}\s+(?:\*\*)?1\.\s/.test(l) && !/Inhalt/.test(l));
    const first = intro >= 0 ? paragraphsOf(lines, intro + 1, lines.length - 1)[0] : undefined;
    if (first) meta.vorwort = stripMarkdownInline(first.text).replace(/\s+/g, ' ').trim();
  }
  return meta;
}
