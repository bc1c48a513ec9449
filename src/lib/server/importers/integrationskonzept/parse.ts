/**
 * Parser for Herne's "Vielfalt in Herne – Gesamtstädtisches Integrationskonzept" (Stand
 * Oktober 2019) as extracted to text: data/sources/herne/000_… (the whole catalogue) and 004_…
 * (the Handlungsfeld "Interkulturelle Öffnung der Stadtverwaltung Herne" once more).
 *
 * Structure: Handlungsfeld → Leitziel (letter) → Handlungsziel (code "B2") → Maßnahme (number as
 * printed). Every measure is printed as its own table that repeats Handlungsfeld, Leitziel and
 * Handlungsziel; the repeated goal texts are merged into one node per (Handlungsfeld, code),
 * keeping the wording of the first printing and reporting every other wording once
 * ("text-variant"). A Handlungsziel belongs to the Leitziel of its code letter, also where the
 * table prints another Leitziel ("leitziel-mismatch"). The Handlungsfeld is taken from the
 * record's own heading line, not from the chapter heading.
 *
 * Encodings handled per record (they change from record to record, sometimes within one):
 * `Label<TAB>value`, `<b>Label</b><TAB>value`, `<p><b>Label</b></p><TAB><p>…</p>`, markdown
 * `### Label` / `**Label**` with the value in the next paragraphs, label and value on separate
 * lines, "Verantwortlich:" inline after the measure text or as its own row, lists as `<ul><li>`,
 * as "<ul> - a - b" without <li>, or as markdown "- " lines, footnote markers (`<sup>3</sup>`,
 * "¹") with the footnote text after the table. Labels vary: Status/Projektstatus,
 * Bemerkungen/Bemerkung; missing rows give empty fields (a warning for Verantwortlich,
 * Zielgruppe and Status, not for the often empty Bemerkungen).
 *
 * Decisions:
 * - Text stays as printed (typos included); HTML/markdown become plain text with "\n\n" between
 *   paragraphs and "- " lines for list items; a run of two or more spaces before a capital inside
 *   a cell was a line break of the table cell and becomes "\n".
 * - "Es wurde keine explizite Maßnahme formuliert" / "Eine Maßnahme wurde nicht formuliert" →
 *   the entry stays in `massnahmen` with `luecke: true`, keeping number, Verantwortlich,
 *   Zielgruppe and Status.
 * - Numbers are kept as strings, normalised ("Maßnahme 4 :" → "4", "Maßnahme : 1" → "1",
 *   "3.1" stays); irregular spellings, gaps and duplicates in a Handlungsziel are warnings.
 * - Kultur C3 Maßnahme 1 lists ten offers, each with its own Verantwortlich/Zielgruppe/Status
 *   rows. It stays one measure; the offers go to `angebote` (a record with more than one
 *   Verantwortlich row is read this way, "composite-measure").
 * - Cross-references are resolved against the whole catalogue after the merge; a reference that
 *   names no existing measure, only a Handlungsfeld, or (for "die gleiche Maßnahme …") a measure
 *   whose text has nothing in common with the referring one, is reported, naming the measure
 *   with the most similar text when one stands out.
 *
 * How 004 relates to 000 (checked line by line): 004 is an extract of the same version of the
 * chapter "Interkulturelle Öffnung der Stadtverwaltung Herne" — the same ten records (A1/1,
 * A2/1–3, B1/1, B2/1–2, D1/1, D2/1, E1/1) in the same order with the same texts, only with less
 * markup (no bold, lists without <li>, footnote "¹" instead of "<sup>10</sup>", Verantwortlich of
 * A1/1 in its own row). The one difference in wording: the last list item of A1/1's Status reads
 * "Kommunaler Strategieprozess" in 004 and "Kommunalen Strategieprozess" in 000. Merge rule: 000
 * (the file with the title block, else the one with most records) is the primary document; a
 * record of another file with the same Handlungsfeld, Handlungsziel code and number is the
 * same measure — it is not added again, its place is listed in `weitereQuellen`, and every
 * field that differs is reported ("version-difference", 000's wording is kept). Records found
 * only in the other file are added with their own `quelle` ("additional-record"); records of a
 * covered Handlungsfeld missing there are reported ("missing-in-secondary").
 */
import { normaliseActors } from '../actors/actors';
import {
  ImportError,
  type IkAkteur,
  type IkAngebot,
  type IkHandlungsfeld,
  type IkHandlungsziel,
  type IkLeitziel,
  type IkMassnahme,
  type ImportWarning,
  type IntegrationskonzeptCatalogue,
  type ParseResult,
  type Quelle,
  type Querverweis,
  type SourceFile,
} from '../types';
import { containment, findReferences } from './references';
import { scanFile, type Entry, type Label, type Part, type RawRecord, type ScannedFile } from './scan';
import { cellToText, compareKey, normInline, normValue, titleCase } from './text';

export { looksLikeIntegrationskonzept } from './scan';

/** Wordings that mean "no measure was formulated for this goal". */
const GAP = /keine\s+(?:explizite\s+|konkrete\s+)?Maßnahme\s+(?:wurde\s+)?formuliert|Maßnahme\s+wurde\s+nicht\s+formuliert|keine\s+Maßnahmen?\s+(?:vorgesehen|benannt)/i;

// ---------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------

/** Keeps e-mail addresses and phone numbers out of warning texts. */
function scrub(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[E-Mail]')
    .replace(/(?<![\d.])(?:\+\d{2}\s?)?0\d{2,5}[\s/-]?\d[\d\s/-]{4,}\d(?![\d.])/g, '[Telefon]');
}

function excerpt(text: string, max = 60): string {
  const t = normInline(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 20))} …`;
}

/** The words in which `variant` differs from `first`: „neu“ statt „alt“. */
function wordDiff(first: string, variant: string): string {
  const a = compareKey(first).split(' ');
  const b = compareKey(variant).split(' ');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const cut = (words: string[]) => (words.length > 12 ? `${words.slice(0, 12).join(' ')} …` : words.join(' '));
  const oldPart = cut(a.slice(p, a.length - s));
  const newPart = cut(b.slice(p, b.length - s));
  if (!oldPart) return `zusätzlich „${newPart}“`;
  if (!newPart) return `ohne „${oldPart}“`;
  return `„${newPart}“ statt „${oldPart}“`;
}

// ---------------------------------------------------------------------------
// Records → measures
// ---------------------------------------------------------------------------

interface Context {
  datei: string;
  feld: string;
  feldLine: number;
  leitziel: { letter: string; text: string; line: number } | null;
  handlungsziel: { code: string; text: string; line: number; markers: string[] };
}

/** Internal bookkeeping per measure, not part of the output. */
interface MeasureInfo {
  datei: string;
  feld: string;
  code: string;
  /** Field values with their source lines, for references and comparisons. */
  sources: { label: Label; text: string; line: number }[];
  fieldLines: Partial<Record<Label, number>>;
  composite: boolean;
}

interface ParsedMeasure {
  ctx: Context;
  measure: IkMassnahme;
  info: MeasureInfo;
  hzFussnoten: string[];
}

function joinParts(parts: Part[]): string {
  let out = '';
  for (const p of parts) {
    const text = p.text.replace(/^[ \t]+|[ \t]+$/g, '');
    if (!text.trim()) continue;
    // a soft break after "/" ("Fachbereich Soziales/  ↵Seniorenberatung") joins without a space
    if (out) out += p.join === 'soft' ? (out.endsWith('/') ? '' : ' ') : p.join === 'para' && !/^- /.test(text) ? '\n\n' : '\n';
    out += text;
  }
  return out;
}

function actorsOf(cell: string): { names: string[]; akteure: IkAkteur[] } {
  const akteure = normaliseActors(cell);
  return { names: akteure.map((a) => a.name), akteure };
}

class Builder {
  readonly warnings: ImportWarning[] = [];

  warn(datei: string, zeile: number, code: string, meldung: string): void {
    this.warnings.push({ datei, zeile, meldung: scrub(meldung), code });
  }

  /** The measures of one record (normally one). */
  recordMeasures(datei: string, rec: RawRecord): ParsedMeasure[] {
    if (!rec.feld) {
      throw new ImportError('Datensatz ohne Handlungsfeld (keine Überschrift „Handlungsfeld …“ davor).', datei, rec.startLine);
    }
    if (rec.feldSource === 'chapter' || rec.feldSource === 'previous') {
      this.warn(
        datei,
        rec.startLine,
        'heading-fallback',
        `Datensatz ohne eigene Zeile „Handlungsfeld …“; Handlungsfeld „${rec.feld}“ aus ${rec.feldSource === 'chapter' ? 'der Kapitelüberschrift' : 'dem vorigen Datensatz'} übernommen.`,
      );
    }
    let lz: Context['leitziel'] = null;
    let hz: Context['handlungsziel'] | null = null;
    const drafts: { mn: Entry; fields: Entry[] }[] = [];
    for (const e of rec.entries) {
      const text = normInline(joinParts(e.parts));
      if (e.label === 'leitziel') lz = { letter: e.arg ?? '', text, line: e.line };
      else if (e.label === 'handlungsziel') hz = { code: e.arg ?? '', text, line: e.line, markers: [...e.markers, ...e.parts.flatMap((p) => p.markers)] };
      else if (e.label === 'massnahme') drafts.push({ mn: e, fields: [] });
      else if (drafts.length) drafts[drafts.length - 1]!.fields.push(e);
      else this.warn(datei, e.line, 'ignored-line', `Feld „${e.labelText}“ vor der Maßnahme übergangen.`);
    }
    const complete = drafts.length > 0 && hz !== null && drafts.some((d) => d.fields.length > 0);
    if (!complete) {
      const missing = [!hz && 'Handlungsziel', !drafts.length && 'Maßnahme', drafts.length && !drafts.some((d) => d.fields.length) && 'Verantwortlich/Zielgruppe/Status']
        .filter(Boolean)
        .join(', ');
      this.warn(datei, rec.startLine, 'incomplete-record', `Unvollständiger Datensatz (es fehlt: ${missing}) übergangen.`);
      return [];
    }
    if (!lz) {
      this.warn(datei, rec.startLine, 'missing-field', `Datensatz ohne Leitziel; Leitziel ${hz!.code[0]} nach dem Code des Handlungsziels angenommen.`);
    }
    const ctx: Context = { datei, feld: rec.feld, feldLine: rec.feldLine ?? rec.startLine, leitziel: lz, handlungsziel: hz! };
    return drafts.map((d) => this.toMeasure(ctx, rec, d.mn, d.fields));
  }

  toMeasure(ctx: Context, rec: RawRecord, mn: Entry, fields: Entry[]): ParsedMeasure {
    const { datei } = ctx;
    const code = ctx.handlungsziel.code;
    const nummer = mn.arg ?? '';
    if (!nummer) this.warn(datei, mn.line, 'missing-number', `Maßnahme ohne Nummer in Handlungsziel ${code} (${ctx.feld}).`);
    else if (!/^Maßnahme \d+(?:\.\d+)*:$/.test(mn.labelText)) {
      this.warn(datei, mn.line, 'number-format', `Nummer uneinheitlich gedruckt („${mn.labelText}“), übernommen als „${nummer}“ (Handlungsziel ${code}, ${ctx.feld}).`);
    }
    const info: MeasureInfo = { datei, feld: ctx.feld, code, sources: [], fieldLines: {}, composite: false };
    const addSources = (label: Label, e: Entry) => {
      info.fieldLines[label] ??= e.line;
      for (const p of e.parts) if (p.text.trim()) info.sources.push({ label, text: normValue(p.text), line: p.line });
    };
    addSources('massnahme', mn);
    const text = normValue(joinParts(mn.parts));
    const markers = [...mn.parts.flatMap((p) => p.markers)];

    const vaEntries = fields.filter((f) => f.label === 'verantwortlich');
    const composite = vaEntries.length > 1;
    info.composite = composite;
    const own = composite ? fields.slice(0, fields.indexOf(vaEntries[0]!)) : fields;

    const values: Partial<Record<Label, string>> = {};
    for (const f of own) {
      markers.push(...f.parts.flatMap((p) => p.markers));
      if (f.label === 'verantwortlich') {
        info.fieldLines.verantwortlich = f.line;
        continue;
      }
      addSources(f.label, f);
      const value = normValue(joinParts(f.parts));
      if (values[f.label] !== undefined) {
        this.warn(datei, f.line, 'duplicate-field', `Feld „${f.labelText}“ doppelt in Maßnahme ${nummer} (Handlungsziel ${code}, ${ctx.feld}); Inhalte zusammengeführt.`);
        values[f.label] = [values[f.label], value].filter(Boolean).join('\n\n');
      } else values[f.label] = value;
    }

    const measure: IkMassnahme = {
      nummer,
      text,
      verantwortlich: [],
      zielgruppe: values.zielgruppe ?? '',
      status: values.status ?? '',
      bemerkungen: values.bemerkungen ?? '',
      luecke: GAP.test(text),
      querverweise: [],
      quelle: { datei, zeile: mn.line },
      ...(mn.boldTitle ? { titel: mn.boldTitle } : {}),
    };

    if (!composite) {
      const va = vaEntries[0];
      if (va) {
        const cell = joinParts(va.parts.map((p) => ({ ...p, join: 'soft' as const })));
        const printed = normInline(cell);
        measure.verantwortlichText = va.arg ? `${va.arg}: ${printed}` : printed;
        const { names, akteure } = actorsOf(cell);
        measure.verantwortlich = names;
        measure.akteure = akteure;
      }
      const missing = [!va && 'Verantwortlich', values.zielgruppe === undefined && 'Zielgruppe', values.status === undefined && 'Status'].filter(Boolean);
      if (missing.length) {
        this.warn(datei, mn.line, 'missing-field', `Maßnahme ${nummer} in Handlungsziel ${code} (${ctx.feld}) ohne ${missing.join(', ')}.`);
      }
    } else {
      measure.angebote = this.offers(ctx, nummer, fields.slice(fields.indexOf(vaEntries[0]!)));
      const akteure: IkAkteur[] = [];
      for (const a of measure.angebote.flatMap((o) => o.akteure)) if (!akteure.some((x) => x.name === a.name)) akteure.push(a);
      measure.verantwortlich = akteure.map((a) => a.name);
      measure.akteure = akteure;
      measure.verantwortlichText = [...new Set(measure.angebote.map((o) => o.verantwortlichText))].join('; ');
      this.warn(
        datei,
        mn.line,
        'composite-measure',
        `Maßnahme ${nummer} in Handlungsziel ${code} (${ctx.feld}) führt ${measure.angebote.length} Einzelangebote mit eigenen Zeilen „Verantwortlich“ auf; übernommen als eine Maßnahme mit Angeboten.`,
      );
    }

    const hzFussnoten = this.footnotes(ctx, rec, ctx.handlungsziel.markers, `Handlungsziel ${code}`);
    const fussnoten = this.footnotes(ctx, rec, markers, `Maßnahme ${nummer} in Handlungsziel ${code}`);
    if (fussnoten.length) measure.fussnoten = fussnoten;
    return { ctx, measure, info, hzFussnoten };
  }

  offers(ctx: Context, nummer: string, entries: Entry[]): IkAngebot[] {
    const groups: Entry[][] = [];
    for (const e of entries) {
      if (e.label === 'verantwortlich' || !groups.length) groups.push([e]);
      else groups[groups.length - 1]!.push(e);
    }
    return groups.map((group) => {
      const va = group[0]!;
      const [first, ...more] = va.parts;
      let actorText = first ? first.text : '';
      let titel = joinParts(more.map((p) => ({ ...p, join: 'soft' as const })));
      // "<b>Stadtbibliothek</b> SommerLeseclub / Leseclub Junior": the bold part is the actor
      const bold = first ? /^\s*<b>(.*?)<\/b>\s*(\S[\s\S]*)$/.exec(first.raw) : null;
      if (bold && !more.length) {
        actorText = cellToText(bold[1]!).text;
        titel = cellToText(bold[2]!).text;
      }
      const values: Partial<Record<Label, string>> = {};
      for (const e of group.slice(1)) values[e.label] = normValue(joinParts(e.parts));
      const { names, akteure } = actorsOf(actorText);
      const offer: IkAngebot = {
        titel: normInline(titel),
        verantwortlich: names,
        verantwortlichText: normInline(actorText),
        akteure,
        zielgruppe: values.zielgruppe ?? '',
        status: values.status ?? '',
        quelle: { datei: ctx.datei, zeile: va.line },
      };
      const missing = [!offer.titel && 'Titel', values.zielgruppe === undefined && 'Zielgruppe', values.status === undefined && 'Status'].filter(Boolean);
      if (missing.length) {
        this.warn(
          ctx.datei,
          va.line,
          'missing-field',
          `Angebot ${offer.titel ? `„${excerpt(offer.titel, 40)}“ ` : ''}zu Maßnahme ${nummer} in Handlungsziel ${ctx.handlungsziel.code} (${ctx.feld}) ohne ${missing.join(', ')}.`,
        );
      }
      return offer;
    });
  }

  footnotes(ctx: Context, rec: RawRecord, markers: string[], where: string): string[] {
    const out: string[] = [];
    for (const n of markers) {
      const fn = rec.footnotes.get(n);
      if (!fn) {
        this.warn(ctx.datei, rec.startLine, 'footnote', `Fußnotenzeichen ${n} (${where}, ${ctx.feld}) ohne Fußnotentext.`);
        continue;
      }
      if (!out.includes(fn.text)) out.push(fn.text);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Catalogue tree
// ---------------------------------------------------------------------------

interface Variant {
  text: string;
  quelle: Quelle;
  count: number;
}

interface HzNode {
  node: IkHandlungsziel;
  variants: Map<string, Variant>;
}

interface LzNode {
  node: IkLeitziel;
  textSet: boolean;
  variants: Map<string, Variant>;
  hz: Map<string, HzNode>;
}

interface FeldNode {
  node: IkHandlungsfeld;
  lz: Map<string, LzNode>;
}

class Tree {
  readonly felder = new Map<string, FeldNode>();
  readonly info = new Map<IkMassnahme, MeasureInfo>();

  constructor(private readonly b: Builder) {}

  feld(name: string, quelle: Quelle): FeldNode {
    let f = this.felder.get(name);
    if (!f) {
      f = { node: { name, leitziele: [], quelle }, lz: new Map() };
      this.felder.set(name, f);
    }
    return f;
  }

  registerText(target: { node: { text: string; quelle?: Quelle }; variants: Map<string, Variant> }, text: string, quelle: Quelle): void {
    if (!text) return;
    if (!target.node.text) {
      target.node.text = text;
      target.node.quelle = quelle;
      return;
    }
    const key = compareKey(text);
    if (key === compareKey(target.node.text)) return;
    const v = target.variants.get(key);
    if (v) v.count++;
    else target.variants.set(key, { text, quelle, count: 1 });
  }

  place(pm: ParsedMeasure): { lz: LzNode; hz: HzNode } {
    const { ctx } = pm;
    const f = this.feld(ctx.feld, { datei: ctx.datei, zeile: ctx.feldLine });
    const code = ctx.handlungsziel.code;
    const letter = code[0]!;
    let lz = f.lz.get(letter);
    if (!lz) {
      lz = { node: { letter, text: '', handlungsziele: [] }, textSet: false, variants: new Map(), hz: new Map() };
      f.lz.set(letter, lz);
    }
    if (ctx.leitziel && ctx.leitziel.letter !== letter) {
      this.b.warn(
        ctx.datei,
        ctx.leitziel.line,
        'leitziel-mismatch',
        `Handlungsziel ${code} (${ctx.feld}) steht unter „Leitziel ${ctx.leitziel.letter}“; nach dem Code Leitziel ${letter} zugeordnet.`,
      );
      const printed = f.lz.get(ctx.leitziel.letter);
      if (printed) this.registerText(printed, ctx.leitziel.text, { datei: ctx.datei, zeile: ctx.leitziel.line });
    } else if (ctx.leitziel) {
      this.registerText(lz, ctx.leitziel.text, { datei: ctx.datei, zeile: ctx.leitziel.line });
    }
    let hz = lz.hz.get(code);
    if (!hz) {
      hz = { node: { code, text: '', massnahmen: [] }, variants: new Map() };
      lz.hz.set(code, hz);
    }
    this.registerText(hz, ctx.handlungsziel.text, { datei: ctx.datei, zeile: ctx.handlungsziel.line });
    if (pm.hzFussnoten.length) hz.node.fussnoten = [...new Set([...(hz.node.fussnoten ?? []), ...pm.hzFussnoten])];
    return { lz, hz };
  }

  add(pm: ParsedMeasure): void {
    const { hz } = this.place(pm);
    hz.node.massnahmen.push(pm.measure);
    this.info.set(pm.measure, pm.info);
  }

  find(feld: string, code: string, nummer: string): IkMassnahme | undefined {
    return this.felder.get(feld)?.lz.get(code[0] ?? '')?.hz.get(code)?.node.massnahmen.find((m) => m.nummer === nummer);
  }

  measures(feld?: string): IkMassnahme[] {
    const out: IkMassnahme[] = [];
    for (const f of this.felder.values()) {
      if (feld && f.node.name !== feld) continue;
      for (const lz of f.lz.values()) for (const hz of lz.hz.values()) out.push(...hz.node.massnahmen);
    }
    return out;
  }

  /** Sorted output nodes. */
  output(): IkHandlungsfeld[] {
    const byCode = (a: string, b: string) => a[0]!.localeCompare(b[0]!) || Number(a.slice(1)) - Number(b.slice(1));
    return [...this.felder.values()].map((f) => {
      f.node.leitziele = [...f.lz.values()]
        .sort((a, b) => a.node.letter.localeCompare(b.node.letter))
        .map((lz) => {
          lz.node.handlungsziele = [...lz.hz.values()].sort((a, b) => byCode(a.node.code, b.node.code)).map((h) => h.node);
          return lz.node;
        });
      return f.node;
    });
  }
}

// ---------------------------------------------------------------------------
// Front matter: title block and foreword
// ---------------------------------------------------------------------------

interface FrontMatter {
  title: string | null;
  subtitle?: string;
  stand: string | null;
  herausgeber?: string;
  vorwort?: string;
  line: number;
}

function parseFront(scan: ScannedFile): FrontMatter | null {
  const lines = scan.front;
  if (!lines.length) return null;
  const titleParts: string[] = [];
  let subtitle: string | undefined;
  let stand: string | null = null;
  const herausgeber: string[] = [];
  const vorwort: string[] = [];
  let mode: 'title' | 'herausgeber' | 'vorwort' | 'other' = 'title';
  let titleLine = lines[0]!.line;
  for (const l of lines) {
    const text = normInline(l.text);
    if (!text) continue;
    const heading = /^\s*(#{1,6})\s/.exec(l.raw);
    if (/^Vorwort$/i.test(text)) {
      mode = 'vorwort';
      continue;
    }
    const standMatch = /^Stand:\s*(.+)$/.exec(text);
    if (standMatch) {
      stand = standMatch[1]!.trim();
      mode = 'other';
      continue;
    }
    if (/^Herausgeber(?:in)?:?$/i.test(text)) {
      mode = 'herausgeber';
      continue;
    }
    if (mode === 'title') {
      if (heading && (heading[1]!.length <= 2 || !titleParts.length)) {
        if (!titleParts.length) titleLine = l.line;
        titleParts.push(titleCase(text));
      } else if (/^\s*\*\*.*\*\*\s*$/.test(l.raw) && !subtitle) subtitle = text;
      continue;
    }
    if (mode === 'herausgeber') herausgeber.push(text);
    else if (mode === 'vorwort') {
      if (l.blankBefore || !vorwort.length) vorwort.push(text);
      else vorwort[vorwort.length - 1] += ` ${text}`;
    }
  }
  if (!titleParts.length && !stand) return null;
  return {
    title: titleParts.length ? titleParts.join(' – ') : null,
    subtitle,
    stand,
    herausgeber: herausgeber.length ? herausgeber.join('\n') : undefined,
    vorwort: vorwort.length ? vorwort.join('\n\n') : undefined,
    line: titleLine,
  };
}

// ---------------------------------------------------------------------------
// Merge, checks, references
// ---------------------------------------------------------------------------

const COMPARED: { key: 'text' | 'verantwortlichText' | 'zielgruppe' | 'status' | 'bemerkungen'; label: Label; name: string }[] = [
  { key: 'text', label: 'massnahme', name: 'Maßnahmentext' },
  { key: 'verantwortlichText', label: 'verantwortlich', name: 'Verantwortlich' },
  { key: 'zielgruppe', label: 'zielgruppe', name: 'Zielgruppe' },
  { key: 'status', label: 'status', name: 'Status' },
  { key: 'bemerkungen', label: 'bemerkungen', name: 'Bemerkungen' },
];

function mergeSecondary(b: Builder, tree: Tree, primary: string, scan: ScannedFile, measures: ParsedMeasure[]): void {
  const covered = new Set<string>();
  const matched = new Set<IkMassnahme>();
  for (const pm of measures) {
    const { ctx, measure } = pm;
    covered.add(ctx.feld);
    const existing = tree.find(ctx.feld, ctx.handlungsziel.code, measure.nummer);
    const where = `Maßnahme ${measure.nummer} in Handlungsziel ${ctx.handlungsziel.code} (${ctx.feld})`;
    if (!existing || matched.has(existing)) {
      tree.add(pm);
      b.warn(scan.datei, measure.quelle.zeile, 'additional-record', `${where} steht nur in ${scan.datei}, nicht in ${primary}; übernommen.`);
      continue;
    }
    matched.add(existing);
    tree.place(pm); // compares the goal texts
    existing.weitereQuellen = [...(existing.weitereQuellen ?? []), measure.quelle];
    const info = tree.info.get(existing)!;
    for (const c of COMPARED) {
      const a = existing[c.key] ?? '';
      const other = measure[c.key] ?? '';
      if (compareKey(a) === compareKey(other)) continue;
      b.warn(
        scan.datei,
        pm.info.fieldLines[c.label] ?? measure.quelle.zeile,
        'version-difference',
        `${where}: ${c.name} weicht von ${info.datei} Zeile ${info.fieldLines[c.label] ?? existing.quelle.zeile} ab – ${wordDiff(a, other)}; übernommen wird die Fassung aus ${info.datei}.`,
      );
    }
    const fa = (existing.fussnoten ?? []).join(' ');
    const fb = (measure.fussnoten ?? []).join(' ');
    if (compareKey(fa) !== compareKey(fb)) {
      b.warn(scan.datei, measure.quelle.zeile, 'version-difference', `${where}: Fußnoten weichen von ${info.datei} ab – ${wordDiff(fa, fb)}.`);
    }
  }
  for (const feld of covered) {
    for (const m of tree.measures(feld)) {
      const info = tree.info.get(m)!;
      if (info.datei === primary && !matched.has(m)) {
        b.warn(
          scan.datei,
          1,
          'missing-in-secondary',
          `Maßnahme ${m.nummer} in Handlungsziel ${info.code} (${feld}) aus ${primary} Zeile ${m.quelle.zeile} fehlt in ${scan.datei}.`,
        );
      }
    }
  }
}

function checkNumbers(b: Builder, tree: Tree): void {
  for (const f of tree.felder.values()) {
    for (const lz of f.lz.values()) {
      for (const hz of lz.hz.values()) {
        const seen = new Map<string, IkMassnahme>();
        const mains: number[] = [];
        for (const m of hz.node.massnahmen) {
          if (!m.nummer) continue;
          const prev = seen.get(m.nummer);
          if (prev) {
            b.warn(
              m.quelle.datei,
              m.quelle.zeile,
              'duplicate-number',
              `Maßnahme ${m.nummer} in Handlungsziel ${hz.node.code} (${f.node.name}) doppelt vergeben (auch ${prev.quelle.datei} Zeile ${prev.quelle.zeile}).`,
            );
          } else seen.set(m.nummer, m);
          const main = Number(m.nummer.split('.')[0]);
          if (Number.isInteger(main)) mains.push(main);
        }
        const max = Math.max(0, ...mains);
        for (let k = 1; k <= max; k++) {
          if (mains.includes(k)) continue;
          const next = hz.node.massnahmen.find((m) => Number(m.nummer.split('.')[0]) > k)!;
          b.warn(
            next.quelle.datei,
            next.quelle.zeile,
            'missing-number',
            `In Handlungsziel ${hz.node.code} (${f.node.name}) fehlt Maßnahme ${k}; die Zählung ${k === 1 ? `beginnt bei ${next.nummer}` : `springt auf ${next.nummer}`}.`,
          );
        }
      }
    }
  }
}

function reportVariants(b: Builder, tree: Tree): void {
  for (const f of tree.felder.values()) {
    const hzTexts = [...f.lz.values()].flatMap((lz) => [...lz.hz.values()].map((h) => h.node));
    for (const lz of f.lz.values()) {
      if (!lz.node.text) {
        b.warn(f.node.quelle?.datei ?? '', f.node.quelle?.zeile ?? 1, 'missing-field', `Leitziel ${lz.node.letter} (${f.node.name}) ist nirgends mit eigenem Text gedruckt.`);
      }
      for (const v of lz.variants.values()) {
        b.warn(
          v.quelle.datei,
          v.quelle.zeile,
          'text-variant',
          `Leitziel ${lz.node.letter} (${f.node.name}) abweichend gedruckt (${v.count}×, erstmals hier): ${wordDiff(lz.node.text, v.text)}; übernommen wird die erste Fassung (${lz.node.quelle?.datei} Zeile ${lz.node.quelle?.zeile}).`,
        );
      }
      for (const hz of lz.hz.values()) {
        for (const v of hz.variants.values()) {
          const other = hzTexts.find((n) => n !== hz.node && compareKey(n.text) === compareKey(v.text));
          b.warn(
            v.quelle.datei,
            v.quelle.zeile,
            'text-variant',
            `Handlungsziel ${hz.node.code} (${f.node.name}) abweichend gedruckt (${v.count}×, erstmals hier): ${
              other ? `der Text ist der von Handlungsziel ${other.code}` : wordDiff(hz.node.text, v.text)
            }; übernommen wird die erste Fassung (${hz.node.quelle?.datei} Zeile ${hz.node.quelle?.zeile}).`,
          );
        }
      }
    }
  }
}

function fullText(m: IkMassnahme): string {
  return [m.text, m.status, m.bemerkungen, m.verantwortlichText ?? ''].join(' ');
}

interface Candidate {
  feld: string;
  code: string;
  measure: IkMassnahme;
  score: number;
}

/** The measure whose text the referring one evidently means, if one stands out. */
function evidentTarget(tree: Tree, source: IkMassnahme, pool: IkMassnahme[]): Candidate | null {
  const scored = pool
    .filter((m) => m !== source && !m.luecke)
    .map((m) => {
      const info = tree.info.get(m)!;
      return { feld: info.feld, code: info.code, measure: m, score: containment(source.text, fullText(m)) };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 0.4 || (second && best.score - second.score < 0.15)) return null;
  return best;
}

function describe(c: Candidate, sameFeld: string | null): string {
  const where = c.feld === sameFeld ? '' : `Handlungsfeld ${c.feld}, `;
  return `${where}Handlungsziel ${c.code}, Maßnahme ${c.measure.nummer} („${excerpt(c.measure.text, 50)}“)`;
}

function resolveReferences(b: Builder, tree: Tree): void {
  const names = [...tree.felder.keys()];
  for (const m of tree.measures()) {
    const info = tree.info.get(m)!;
    for (const src of info.sources) {
      for (const ref of findReferences(src.text, names)) {
        const named = ref.handlungsfeldPrinted;
        const resolvedFeld = named ? ref.handlungsfeld : info.feld;
        const q: Querverweis = {
          handlungsfeld: named ? (resolvedFeld ?? named) : null,
          handlungsziel: ref.handlungsziel,
          nummer: ref.nummer,
          text: ref.text,
          ziel: null,
        };
        m.querverweise.push(q);
        const here = `Querverweis in Maßnahme ${m.nummer}, Handlungsziel ${info.code} (${info.feld})`;
        const printed = [named && `Handlungsfeld ${named}`, ref.leitziel && `Leitziel ${ref.leitziel}`, ref.handlungsziel && `Handlungsziel ${ref.handlungsziel}`, ref.nummer && `Maßnahme ${ref.nummer}`]
          .filter(Boolean)
          .join(', ');
        if (!resolvedFeld) {
          b.warn(info.datei, src.line, 'unresolved-reference', `${here} auf „${printed}“ nicht auflösbar: Handlungsfeld „${named}“ unbekannt.`);
          continue;
        }
        if (ref.leitziel && ref.handlungsziel && ref.handlungsziel[0] !== ref.leitziel) {
          b.warn(info.datei, src.line, 'reference-mismatch', `${here} nennt Leitziel ${ref.leitziel} zu Handlungsziel ${ref.handlungsziel}.`);
        }
        const code = ref.handlungsziel ?? (ref.nummer ? info.code : null);
        if (!code || !ref.nummer) {
          const pool = code ? tree.measures(resolvedFeld).filter((x) => tree.info.get(x)!.code === code) : tree.measures(resolvedFeld);
          const guess = evidentTarget(tree, m, pool);
          b.warn(
            info.datei,
            src.line,
            'unresolved-reference',
            `${here} nennt nur ${code ? `Handlungsziel ${code}` : `das Handlungsfeld ${resolvedFeld}`}, keine Maßnahme${
              guess ? `; gemeint ist offenbar ${describe(guess, info.feld)}` : ''
            }.`,
          );
          continue;
        }
        const target = tree.find(resolvedFeld, code, ref.nummer);
        if (!target) {
          const inHz = tree.measures(resolvedFeld).filter((x) => tree.info.get(x)!.code === code);
          const guess = evidentTarget(tree, m, inHz) ?? evidentTarget(tree, m, tree.measures(resolvedFeld));
          b.warn(
            info.datei,
            src.line,
            'unresolved-reference',
            `${here} auf „${printed}“ nicht auflösbar: ${
              inHz.length ? `Handlungsziel ${code} hat keine Maßnahme ${ref.nummer}` : `Handlungsziel ${code} gibt es in ${resolvedFeld} nicht`
            }${guess ? `; gemeint ist offenbar ${describe(guess, resolvedFeld)}` : ''}.`,
          );
          continue;
        }
        if (target === m) {
          b.warn(info.datei, src.line, 'suspicious-reference', `${here} verweist auf die Maßnahme selbst.`);
        }
        q.ziel = { handlungsfeld: resolvedFeld, handlungsziel: code, nummer: ref.nummer };
        if (ref.kind === 'gleich' && target !== m && containment(m.text, fullText(target)) < 0.3) {
          const guess = evidentTarget(tree, m, tree.measures(resolvedFeld));
          if (guess && guess.measure !== target && guess.score >= 0.6) {
            b.warn(
              info.datei,
              src.line,
              'suspicious-reference',
              `${here}: „${printed}“ („${excerpt(target.text, 50)}“) ist nicht die gleiche Maßnahme; gemeint ist offenbar ${describe(guess, resolvedFeld)}.`,
            );
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Parses the Integrationskonzept files into one catalogue. The file with the title block (else
 * the one with most records) is the primary document; the others are merged into it (see the
 * comment at the top). Throws ImportError (file and line) for a file that is empty, binary, of
 * another kind, or without one complete record.
 */
export function parseIntegrationskonzept(files: SourceFile[]): ParseResult<IntegrationskonzeptCatalogue> {
  if (!files.length) throw new ImportError('Keine Quelldatei übergeben.', '(keine Datei)');
  const b = new Builder();
  const scans = files.map((f) => {
    const scan = scanFile(f.name, f.text);
    const measures = scan.records.flatMap((r) => b.recordMeasures(f.name, r));
    if (!measures.length) {
      const last = scan.records[scan.records.length - 1];
      throw new ImportError(
        'Kein vollständiger Datensatz (Leitziel, Handlungsziel, Maßnahme mit Verantwortlich/Zielgruppe/Status) – ist die Datei abgeschnitten?',
        f.name,
        last?.startLine ?? 1,
      );
    }
    return { scan, measures, front: parseFront(scan) };
  });
  for (const s of scans) b.warnings.unshift(...s.scan.warnings);

  const primary =
    scans.find((s) => s.front?.title) ?? [...scans].sort((x, y) => y.measures.length - x.measures.length)[0]!;
  const tree = new Tree(b);
  for (const pm of primary.measures) tree.add(pm);
  for (const s of scans) if (s !== primary) mergeSecondary(b, tree, primary.scan.datei, s.scan, s.measures);

  checkNumbers(b, tree);
  reportVariants(b, tree);
  resolveReferences(b, tree);

  const front = primary.front;
  if (!front?.title) b.warn(primary.scan.datei, 1, 'missing-title', 'Kein Titelblock gefunden; Titel „Gesamtstädtisches Integrationskonzept“ angenommen.');
  if (!front?.stand) b.warn(primary.scan.datei, 1, 'missing-title', 'Keine Angabe „Stand:“ gefunden.');

  const catalogue: IntegrationskonzeptCatalogue = {
    kind: 'integrationskonzept',
    title: front?.title ?? 'Gesamtstädtisches Integrationskonzept',
    ...(front?.subtitle ? { subtitle: front.subtitle } : {}),
    stand: front?.stand ?? '',
    ...(front?.herausgeber ? { herausgeber: front.herausgeber } : {}),
    ...(front?.vorwort ? { vorwort: front.vorwort } : {}),
    handlungsfelder: tree.output(),
    quelle: { datei: primary.scan.datei, zeile: front?.line ?? 1 },
  };
  return { catalogues: [catalogue], warnings: b.warnings };
}

