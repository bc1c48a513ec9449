/**
 * Parser for Herne's "DIVERSITY bei der Stadtverwaltung Herne – Maßnahmen-Katalog"
 * (Büro für Gleichstellung und Vielfalt). Pure: text in, catalogue model and warnings out.
 *
 * Document layout (PDF text extraction):
 *   title page, Impressum (Herausgeberin, Stand), Inhaltsverzeichnis, Vorwort,
 *   "Gender und Diversity Mainstreaming in der Stadt Herne" (introduction),
 *   chapters "N. <Dimension>" — each an overview table (neu | Titel | nach Innen | nach Außen)
 *   followed by entries:
 *     Dezernat <römisch> / <Organisationseinheit> / Titel der Maßnahme / <Titel> / [neu] /
 *     Beschreibung [der Maßnahme] / … / Ziele und Zielgruppen / … /
 *     Wer ist für die Maßnahme verantwortlich? / …
 *   appendix "Anhang: Anlaufstellen und Ansprechpersonen" (contacts).
 *
 * Directions exist only in the overview tables; "neu" in both tables and entries. Entries
 * listed under several dimensions become one measure (same id) with a "merged" warning.
 */
import { slugify } from '../../text/slug';
import {
  ImportError,
  type DivDimension,
  type DiversityCatalogue,
  type DivMassnahme,
  type ImportWarning,
  type ParseResult,
  type Quelle,
  type SourceFile,
  type Wirkrichtung,
} from '../types';
import { parseContacts } from './contacts';
import {
  crossCheckOverview,
  fmtDir,
  isOverviewHeader,
  parseOverviewTable,
  type Abweichung,
  type EintragKurz,
  type Uebersicht,
  type UebersichtPruefung,
} from './overview';
import { buildText, normalizeText, normalizeTitle, toLines, type Line } from './text';

export { crossCheckOverview, parseOverviewTable } from './overview';
export type { Abweichung, EintragKurz, Uebersicht, UebersichtPruefung, UebersichtZeile } from './overview';

const DEFAULT_TITLE = 'DIVERSITY bei der Stadtverwaltung Herne – Maßnahmen-Katalog';

/** Cheap detection: the entry field labels and the overview table header of this catalogue. */
export function looksLikeDiversity(text: string): boolean {
  if (!text || text.includes('\u0000')) return false;
  return (
    /diversity/i.test(text.slice(0, 20_000)) &&
    /^\s*Titel der Ma(?:ß|ss)nahme\s*$/m.test(text) &&
    /Wer ist für die Ma(?:ß|ss)nahme verantwortlich/.test(text) &&
    /nach\s+(?:Innen|Au(?:ß|ss)en)\s+gerichtet/i.test(text)
  );
}

/** One entry as read, before merging. */
export interface RohEintrag {
  dimension: string;
  titel: string;
  neu: boolean;
  wirkrichtung?: Wirkrichtung[];
  beschreibung: string;
  ziele_zielgruppen: string;
  verantwortlich: string;
  dezernat: string | null;
  organisationseinheit: string | null;
  quelle: Quelle;
}

export interface DiversityParseDetail {
  catalogue: DiversityCatalogue;
  warnings: ImportWarning[];
  /** Overview tables as read, per dimension. */
  uebersichten: Uebersicht[];
  /** Cross-check of each overview table against its entries. */
  pruefungen: UebersichtPruefung[];
  /** All differences of all dimensions, in document order. */
  abweichungen: Abweichung[];
  /** Entries as read (before merging), in document order. */
  eintraege: RohEintrag[];
}

export function parseDiversity(files: SourceFile[]): ParseResult<DiversityCatalogue> {
  const catalogues: DiversityCatalogue[] = [];
  const warnings: ImportWarning[] = [];
  for (const file of files) {
    const detail = parseDiversityDetailed(file);
    catalogues.push(detail.catalogue);
    warnings.push(...detail.warnings);
  }
  return { catalogues, warnings };
}

// ---------------------------------------------------------------------------

const RE_TITEL = /^Titel der Ma(?:ß|ss)nahme\s*:?\s*(.*)$/i;
const RE_BESCHREIBUNG = /^Beschreibung(?: der Ma(?:ß|ss)nahme)?\s*(?::\s*(.*))?$/i;
const RE_ZIELE = /^Ziele? und Zielgruppen?\s*(?::\s*(.*))?$/i;
const RE_VERANTWORTLICH = /^(?:Wer ist für die Ma(?:ß|ss)nahme verantwortlich\s*\??|Verantwortlich(?:e Stelle)?)\s*(?::\s*(.*))?$/i;
const RE_DEZERNAT = /^Dezernat\s+([IVX]+|\d+)$/;
const RE_NEU = /^neu!?$/i;
const RE_DIRECTION = /^(?:Wirkrichtung:\s*)?nach\s+(Innen|Au(?:ß|ss)en)(?:\s+(?:und|\/)\s+(?:nach\s+)?(Innen|Au(?:ß|ss)en))?(?:\s+gerichtet)?$/i;
const RE_CHAPTER = /^(\d{1,2})\.\s+(\S[^\t]*?)[\s.]*$/;
const RE_ANHANG = /^Anhang\b/;

function direction(word: string | undefined): Wirkrichtung | null {
  if (!word) return null;
  return /^innen$/i.test(word) ? 'innen' : 'aussen';
}

interface Chapter {
  nummer: string;
  name: string;
  start: number;
  end: number;
}

export function parseDiversityDetailed(file: SourceFile): DiversityParseDetail {
  const datei = file.name;
  const text = file.text ?? '';
  if (!text.trim()) throw new ImportError('Datei ist leer – kein Diversity-Maßnahmenkatalog.', datei);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const zeile = text.slice(0, nul).split('\n').length;
    throw new ImportError('Binärdatei (NUL-Byte) – kein Text eines Diversity-Maßnahmenkatalogs.', datei, zeile);
  }
  const looksLike = looksLikeDiversity(text);
  const titleLike = /^\s*DIVERSITY\s*$/im.test(text.slice(0, 5000)) && /Ma(?:ß|ss)nahmen-?\s?Katalog/i.test(text.slice(0, 5000));
  if (!looksLike && !titleLike) {
    throw new ImportError(
      'kein Diversity-Maßnahmenkatalog (weder Titel noch Felder „Titel der Maßnahme“ / „Wer ist für die Maßnahme verantwortlich?“ gefunden).',
      datei,
    );
  }

  const warnings: ImportWarning[] = [];
  const warn = (zeile: number, code: string, meldung: string) => warnings.push({ datei, zeile, code, meldung });
  const lines = toLines(text, (zeile) => warn(zeile, 'page-artefact', 'Seitenzahl/Fußzeile entfernt.'));
  const lastZeile = lines[lines.length - 1]?.zeile ?? 1;
  const t = (i: number) => lines[i]?.text.trim() ?? '';
  const nextNonEmpty = (i: number) => {
    let k = i;
    while (k < lines.length && !t(k)) k++;
    return k;
  };

  // --- table of contents ------------------------------------------------------------
  const tocStart = lines.findIndex((l) => /^Inhaltsverzeichnis$/i.test(l.text.trim()));
  const toc: { nummer: string; name: string; dezernate: string[] }[] = [];
  let tocEnd = tocStart;
  if (tocStart >= 0) {
    for (let i = tocStart + 1; i < lines.length; i++) {
      const raw = lines[i]!.text;
      if (!raw.trim()) continue;
      const m = /^(.*?)[\s.]*\t\s*\d+\s*$/.exec(raw) ?? /^(.*?)\.{3,}\s*\d+\s*$/.exec(raw);
      if (!m) break;
      tocEnd = i;
      const entry = (m[1] ?? '').trim();
      const ch = /^(\d{1,2})\.\s+(.+)$/.exec(entry);
      const dz = RE_DEZERNAT.exec(entry);
      if (ch) toc.push({ nummer: ch[1]!, name: ch[2]!.trim(), dezernate: [] });
      else if (dz && toc.length > 0) toc[toc.length - 1]!.dezernate.push(entry);
    }
  }
  const bodyStart = tocStart >= 0 ? tocEnd + 1 : 0;

  // --- chapters -----------------------------------------------------------------------
  const anhang = (() => {
    for (let i = bodyStart; i < lines.length; i++) if (RE_ANHANG.test(t(i)) && !lines[i]!.text.includes('\t')) return i;
    return -1;
  })();
  const bodyEnd = anhang >= 0 ? anhang : lines.length;
  const chapters: Chapter[] = [];
  for (let i = bodyStart; i < bodyEnd; i++) {
    if (lines[i]!.text.includes('\t')) continue;
    const m = RE_CHAPTER.exec(t(i));
    if (!m) continue;
    const next = nextNonEmpty(i + 1);
    const inToc = toc.some((c) => c.nummer === m[1] && normalizeTitle(c.name) === normalizeTitle(m[2]!));
    if (!isOverviewHeader(lines[next]?.text ?? '') && !inToc) continue;
    const prev = chapters[chapters.length - 1];
    if (prev) prev.end = i;
    chapters.push({ nummer: m[1]!, name: m[2]!.trim(), start: i, end: bodyEnd });
  }
  if (chapters.length === 0) {
    throw new ImportError('keine Dimensionskapitel („1. …“ mit Übersichtstabelle) gefunden – Datei abgeschnitten?', datei, lastZeile);
  }

  // --- front matter, foreword, introduction ---------------------------------------------
  const front = lines.slice(0, tocStart >= 0 ? tocStart : chapters[0]!.start);
  const title = readTitle(front);
  if (!title) warn(1, 'missing-title', `Titel nicht gefunden; Standardtitel verwendet.`);
  const standLine = front.find((l) => /^Stand\s*:/i.test(l.text.trim()));
  const stand = standLine ? standLine.text.trim().replace(/^Stand\s*:\s*/i, '') : '';
  if (!standLine) warn(1, 'missing-stand', 'Kein „Stand:“ im Impressum gefunden.');
  const herausgeber = readHerausgeber(front);

  const firstChapter = chapters[0]!.start;
  let vorwortIdx = -1;
  let einleitungIdx = -1;
  for (let i = bodyStart; i < firstChapter; i++) {
    if (lines[i]!.text.includes('\t')) continue;
    if (vorwortIdx < 0 && /^Vorwort$/i.test(t(i))) vorwortIdx = i;
    else if (einleitungIdx < 0 && /^Gender und Diversity Mainstreaming\b/i.test(t(i))) einleitungIdx = i;
  }
  const vorwort =
    vorwortIdx >= 0 ? buildText(lines.slice(vorwortIdx + 1, einleitungIdx > vorwortIdx ? einleitungIdx : firstChapter)) : undefined;
  const einleitungTitel = einleitungIdx >= 0 ? t(einleitungIdx) : undefined;
  const einleitung = einleitungIdx >= 0 ? buildText(lines.slice(einleitungIdx + 1, firstChapter)) : undefined;
  if (vorwortIdx < 0) warn(lines[bodyStart]?.zeile ?? 1, 'missing-vorwort', 'Kein Vorwort gefunden.');

  const auflagen = [...[...front, ...lines.slice(bodyStart, firstChapter)].map((l) => l.text).join('\n').matchAll(/(\d+)\.\s*Auflage/g)].map(
    (m) => Number(m[1]),
  );
  const auflage = auflagen.length > 0 ? `${Math.max(...auflagen)}. Auflage` : undefined;

  // --- chapters: overview tables and entries ----------------------------------------------
  const uebersichten: Uebersicht[] = [];
  const pruefungen: UebersichtPruefung[] = [];
  const eintraege: RohEintrag[] = [];
  const perChapter: { chapter: Chapter; entries: RohEintrag[]; uebersicht: Uebersicht; pruefung: UebersichtPruefung }[] = [];

  for (const chapter of chapters) {
    const titelIdx: number[] = [];
    for (let i = chapter.start + 1; i < chapter.end; i++) {
      if (!lines[i]!.text.includes('\t') && RE_TITEL.test(t(i))) titelIdx.push(i);
    }
    const headerStarts = titelIdx.map((ti) => findHeaderStart(ti));
    const tableEnd = headerStarts[0] ?? chapter.end;
    const uebersicht = parseOverviewTable(chapter.nummer, lines.slice(chapter.start + 1, tableEnd));
    for (const l of uebersicht.unbekannt) {
      warn(l.zeile, 'overview-unknown-line', `Übersicht Dimension ${chapter.nummer}: Zeile ohne Tabellenform übergangen.`);
    }
    if (uebersicht.zeilen.length === 0) {
      warn(lines[chapter.start]!.zeile, 'overview-missing', `Dimension ${chapter.nummer} „${chapter.name}“: keine Übersichtstabelle gefunden.`);
    }
    const entries: RohEintrag[] = [];
    titelIdx.forEach((ti, k) => {
      const end = headerStarts[k + 1] ?? chapter.end;
      const entry = readEntry(chapter, headerStarts[k]!, ti, end, entries[entries.length - 1] ?? null);
      if (entry) entries.push(entry);
    });
    if (entries.length === 0) {
      warn(lines[chapter.start]!.zeile, 'chapter-empty', `Dimension ${chapter.nummer} „${chapter.name}“ enthält keine Maßnahmen-Einträge.`);
    }
    const kurz: EintragKurz[] = entries.map((e) => ({
      titel: e.titel,
      neu: e.neu,
      wirkrichtung: e.wirkrichtung,
      zeile: e.quelle.zeile,
    }));
    const pruefung = crossCheckOverview(uebersicht, kurz);
    for (const a of pruefung.abweichungen) warn(a.zeile, `overview-${a.art}`, a.meldung);
    uebersichten.push(uebersicht);
    pruefungen.push(pruefung);
    eintraege.push(...entries);
    perChapter.push({ chapter, entries, uebersicht, pruefung });
  }
  if (eintraege.length === 0) {
    throw new ImportError('keine Maßnahmen-Einträge („Titel der Maßnahme“) gefunden – Datei abgeschnitten?', datei, lastZeile);
  }

  // --- one spelling per office ("Kinder – Jugend - Familie" = "Kinder – Jugend – Familie") ---
  const spellings = new Map<string, Map<string, RohEintrag[]>>();
  for (const e of eintraege) {
    if (!e.organisationseinheit) continue;
    const key = normalizeTitle(e.organisationseinheit);
    const variants = spellings.get(key) ?? new Map<string, RohEintrag[]>();
    variants.set(e.organisationseinheit, [...(variants.get(e.organisationseinheit) ?? []), e]);
    spellings.set(key, variants);
  }
  for (const variants of spellings.values()) {
    if (variants.size < 2) continue;
    const ranked = [...variants.entries()].sort((a, b) => b[1].length - a[1].length);
    const canonical = ranked[0]![0];
    for (const [spelling, entries] of ranked.slice(1)) {
      for (const e of entries) e.organisationseinheit = canonical;
      warn(
        entries[0]!.quelle.zeile,
        'unit-variant',
        `Organisationseinheit „${spelling}“ (${entries.length}×) als Schreibvariante von „${canonical}“ vereinheitlicht.`,
      );
    }
  }

  // --- measures, merged across dimensions -------------------------------------------------
  const dimensionen: DivDimension[] = [];
  const byId = new Map<string, { m: DivMassnahme; raw: RohEintrag }>();
  let zusammenfuehrungen = 0;
  for (const { chapter, entries, uebersicht, pruefung } of perChapter) {
    const dim: DivDimension = { nummer: chapter.nummer, name: chapter.name, massnahmen: [] };
    dimensionen.push(dim);
    entries.forEach((e, j) => {
      const pair = pruefung.paare.find((p) => p.eintrag === j);
      const row = pair ? uebersicht.zeilen[pair.zeile] : undefined;
      const wirkrichtung: Wirkrichtung[] =
        e.wirkrichtung && e.wirkrichtung.length > 0 ? [...e.wirkrichtung] : row ? [...row.wirkrichtung] : [];
      if (wirkrichtung.length === 0) {
        warn(e.quelle.zeile, 'missing-direction', `Dimension ${chapter.nummer}: „${e.titel}“ ohne Wirkrichtung (keine Angabe in der Übersicht).`);
      }
      const neu = e.neu || (row?.neu ?? false) || pruefung.neuZugeordnet.includes(j);
      const baseId = measureId(e.titel, e.organisationseinheit ?? e.dezernat ?? '');
      const candidate: DivMassnahme = {
        id: baseId,
        titel: e.titel,
        neu,
        wirkrichtung: sortDirections(wirkrichtung),
        beschreibung: e.beschreibung,
        ziele_zielgruppen: e.ziele_zielgruppen,
        verantwortlich: e.verantwortlich,
        dezernat: e.dezernat,
        organisationseinheit: e.organisationseinheit,
        quelle: e.quelle,
        dimensionen: [chapter.nummer],
        uebersichtTitel: row?.titel ?? null,
        quellen: [e.quelle],
      };
      const sameId = byId.get(baseId);
      if (sameId && sameId.m.dimensionen?.includes(chapter.nummer)) {
        // Same title and unit twice within one dimension: keep both, distinct ids.
        let n = 2;
        while (byId.has(`${baseId}-${n}`)) n++;
        candidate.id = `${baseId}-${n}`;
        warn(e.quelle.zeile, 'duplicate-id', `Dimension ${chapter.nummer}: „${e.titel}“ kommt mehrfach vor; eigene Kennung ${candidate.id}.`);
        byId.set(candidate.id, { m: candidate, raw: e });
        dim.massnahmen.push(candidate);
        return;
      }
      const existing = sameId ?? findSameContent(byId, e, chapter.nummer);
      if (existing) {
        mergeInto(existing.m, existing.raw, candidate, e, chapter.nummer, warn);
        zusammenfuehrungen++;
        dim.massnahmen.push(existing.m);
        return;
      }
      byId.set(baseId, { m: candidate, raw: e });
      dim.massnahmen.push(candidate);
    });
  }

  // --- table of contents versus chapters -------------------------------------------------
  if (toc.length > 0) {
    for (const c of toc) {
      const found = perChapter.find((p) => p.chapter.nummer === c.nummer);
      if (!found) {
        warn(lines[tocStart]!.zeile, 'toc-mismatch', `Inhaltsverzeichnis nennt Kapitel ${c.nummer}. ${c.name}, das im Text fehlt.`);
        continue;
      }
      if (normalizeTitle(found.chapter.name) !== normalizeTitle(c.name)) {
        warn(lines[found.chapter.start]!.zeile, 'toc-mismatch', `Kapitel ${c.nummer}: Überschrift „${found.chapter.name}“, im Inhaltsverzeichnis „${c.name}“.`);
      }
      const dz = [...new Set(found.entries.map((e) => e.dezernat).filter((d): d is string => !!d))];
      const want = [...new Set(c.dezernate)];
      if (dz.join('|') !== want.join('|')) {
        warn(lines[found.chapter.start]!.zeile, 'toc-mismatch', `Kapitel ${c.nummer}: Dezernate im Text (${dz.join(', ')}) ≠ Inhaltsverzeichnis (${want.join(', ')}).`);
      }
    }
    for (const p of perChapter) {
      if (!toc.some((c) => c.nummer === p.chapter.nummer)) {
        warn(lines[p.chapter.start]!.zeile, 'toc-mismatch', `Kapitel ${p.chapter.nummer}. ${p.chapter.name} fehlt im Inhaltsverzeichnis.`);
      }
    }
  }

  // --- appendix -----------------------------------------------------------------------
  const kontakte = anhang >= 0 ? parseContacts(lines.slice(anhang + 1), datei, warnings) : [];
  if (anhang < 0) warn(lastZeile, 'missing-appendix', 'Anhang „Anlaufstellen und Ansprechpersonen“ nicht gefunden.');

  const catalogue: DiversityCatalogue = {
    kind: 'diversity',
    title: title ?? DEFAULT_TITLE,
    stand,
    ...(herausgeber ? { herausgeber } : {}),
    ...(auflage ? { auflage } : {}),
    ...(vorwort ? { vorwort } : {}),
    ...(einleitung ? { einleitung } : {}),
    ...(einleitungTitel ? { einleitungTitel } : {}),
    dimensionen,
    kontakte,
    zusammenfuehrungen,
    quelle: { datei, zeile: 1 },
  };
  const abweichungen = pruefungen.flatMap((p) => p.abweichungen);
  return { catalogue, warnings, uebersichten, pruefungen, abweichungen, eintraege };

  // --- helpers (closures over lines) ------------------------------------------------------

  /** Start of an entry's header ("Dezernat …" + office lines) before "Titel der Maßnahme". */
  function findHeaderStart(ti: number): number {
    let k = ti - 1;
    const seen: number[] = [];
    while (k >= 0 && seen.length < 4) {
      if (t(k)) {
        if (RE_DEZERNAT.test(t(k))) return k;
        if (RE_VERANTWORTLICH.test(t(k)) || RE_ZIELE.test(t(k)) || isOverviewHeader(lines[k]!.text) || lines[k]!.text.includes('\t')) break;
        seen.push(k);
      }
      k--;
    }
    return ti;
  }

  function readEntry(chapter: Chapter, start: number, ti: number, end: number, prev: RohEintrag | null): RohEintrag | null {
    const titleLine = lines[ti]!;
    let dezernat: string | null = null;
    const office: string[] = [];
    if (start < ti) {
      dezernat = t(start);
      for (let i = start + 1; i < ti; i++) if (t(i)) office.push(t(i));
    } else {
      dezernat = prev?.dezernat ?? null;
      office.push(...(prev?.organisationseinheit ? [prev.organisationseinheit] : []));
      warn(titleLine.zeile, 'missing-header', `Dimension ${chapter.nummer}: Eintrag ohne Dezernat/Organisationseinheit; vom vorigen Eintrag übernommen.`);
    }
    const organisationseinheit = office.length > 0 ? office.join(' ') : null;
    if (start < ti && office.length === 0) {
      warn(titleLine.zeile, 'missing-unit', `Dimension ${chapter.nummer}: Eintrag ohne Organisationseinheit unter ${dezernat}.`);
    }

    // Field labels.
    let beschr = -1;
    let ziele = -1;
    let verantw = -1;
    for (let i = ti + 1; i < end; i++) {
      const s = t(i);
      if (!s || lines[i]!.text.includes('\t')) continue;
      if (beschr < 0 && ziele < 0 && verantw < 0 && RE_BESCHREIBUNG.test(s)) beschr = i;
      else if (ziele < 0 && verantw < 0 && RE_ZIELE.test(s)) ziele = i;
      else if (verantw < 0 && RE_VERANTWORTLICH.test(s)) verantw = i;
    }
    const firstLabel = [beschr, ziele, verantw].find((x) => x >= 0) ?? end;

    // Title, "neu" and direction markers between the title label and the first field.
    let neu = false;
    const wirkrichtung: Wirkrichtung[] = [];
    const titleParts: string[] = [];
    const inlineTitle = RE_TITEL.exec(t(ti))?.[1]?.trim();
    if (inlineTitle) titleParts.push(inlineTitle);
    for (let i = ti + 1; i < firstLabel; i++) {
      const s = t(i);
      if (!s) continue;
      const dm = RE_DIRECTION.exec(s);
      if (RE_NEU.test(s)) neu = true;
      else if (dm) {
        for (const d of [direction(dm[1]), direction(dm[2])]) if (d && !wirkrichtung.includes(d)) wirkrichtung.push(d);
      } else titleParts.push(s);
    }
    let titel = titleParts.join(' ').replace(/\s+/g, ' ').trim();
    const neuSuffix = /^(.*\S)\s*\(neu\)$/i.exec(titel);
    if (neuSuffix?.[1]) {
      neu = true;
      titel = neuSuffix[1];
    }
    if (!titel) {
      warn(titleLine.zeile, 'missing-title', `Dimension ${chapter.nummer}: Eintrag ohne Titel übergangen.`);
      return null;
    }

    const section = (label: number, re: RegExp, until: number) => {
      if (label < 0) return '';
      const inline = re.exec(t(label))?.[1]?.trim();
      const body = buildText(lines.slice(label + 1, until), (z) =>
        warn(z, 'inline-list', `„${titel}“: im Fließtext zusammengezogene Aufzählung in „- “-Punkte zerlegt.`),
      );
      return [inline, body].filter(Boolean).join('\n\n');
    };
    const next = (after: number) => [beschr, ziele, verantw, end].filter((x) => x > after).sort((a, b) => a - b)[0] ?? end;
    const beschreibung = section(beschr, RE_BESCHREIBUNG, next(beschr));
    const ziele_zielgruppen = section(ziele, RE_ZIELE, next(ziele));
    const verantwortlich = section(verantw, RE_VERANTWORTLICH, end);
    const zeileTitel = firstTitleZeile(ti, firstLabel);
    const missing = [
      beschr < 0 ? 'Beschreibung der Maßnahme' : null,
      ziele < 0 ? 'Ziele und Zielgruppen' : null,
      verantw < 0 ? 'Wer ist für die Maßnahme verantwortlich?' : null,
    ].filter(Boolean);
    if (missing.length > 0) {
      const truncated = end >= lines.length;
      warn(
        zeileTitel,
        truncated ? 'truncated' : 'missing-field',
        `Dimension ${chapter.nummer}: „${titel}“ ohne Feld ${missing.join(', ')}` + (truncated ? ' – Datei endet im Eintrag.' : '.'),
      );
    } else {
      for (const [name, value] of [
        ['Beschreibung', beschreibung],
        ['Ziele und Zielgruppen', ziele_zielgruppen],
        ['Verantwortlich', verantwortlich],
      ] as const) {
        if (!value) warn(zeileTitel, 'empty-field', `Dimension ${chapter.nummer}: „${titel}“ – Feld ${name} ist leer.`);
      }
    }
    return {
      dimension: chapter.nummer,
      titel,
      neu,
      ...(wirkrichtung.length > 0 ? { wirkrichtung } : {}),
      beschreibung,
      ziele_zielgruppen,
      verantwortlich,
      dezernat,
      organisationseinheit,
      quelle: { datei, zeile: zeileTitel },
    };
  }

  function firstTitleZeile(ti: number, until: number): number {
    if (RE_TITEL.exec(t(ti))?.[1]?.trim()) return lines[ti]!.zeile;
    for (let i = ti + 1; i < until; i++) if (t(i) && !RE_NEU.test(t(i))) return lines[i]!.zeile;
    return lines[ti]!.zeile;
  }
}

/** Stable id: slug of the title plus slug of the unit ("--" between). */
export function measureId(titel: string, einheit: string): string {
  const a = slugify(titel.replace(/[„“”"‚‘’']/g, ''), 70);
  const b = einheit ? slugify(einheit, 50) : '';
  return b ? `${a}--${b}` : a;
}

function sortDirections(d: Wirkrichtung[]): Wirkrichtung[] {
  return (['innen', 'aussen'] as const).filter((x) => d.includes(x));
}

/** A measure of another dimension with the same unit, description and goals (title differs). */
function findSameContent(byId: Map<string, { m: DivMassnahme; raw: RohEintrag }>, e: RohEintrag, dimension: string) {
  if (!e.beschreibung || !e.ziele_zielgruppen) return undefined;
  for (const entry of byId.values()) {
    const r = entry.raw;
    if (entry.m.dimensionen?.includes(dimension)) continue;
    if (
      normalizeTitle(r.organisationseinheit ?? '') === normalizeTitle(e.organisationseinheit ?? '') &&
      normalizeText(r.beschreibung) === normalizeText(e.beschreibung) &&
      normalizeText(r.ziele_zielgruppen) === normalizeText(e.ziele_zielgruppen)
    ) {
      return entry;
    }
  }
  return undefined;
}

function mergeInto(
  m: DivMassnahme,
  raw: RohEintrag,
  other: DivMassnahme,
  e: RohEintrag,
  dimension: string,
  warn: (zeile: number, code: string, meldung: string) => void,
): void {
  const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);
  const evidence: string[] = [];
  const differences: string[] = [];
  if (normalizeTitle(raw.titel) !== normalizeTitle(e.titel)) differences.push('Titel abweichend');
  else evidence.push(raw.titel === e.titel ? 'gleicher Titel' : 'gleicher Titel (bis auf Anführungszeichen/Typografie)');
  (same(raw.organisationseinheit ?? '', e.organisationseinheit ?? '') ? evidence : differences).push(
    same(raw.organisationseinheit ?? '', e.organisationseinheit ?? '') ? 'gleiche Organisationseinheit' : 'Organisationseinheit abweichend',
  );
  if ((raw.dezernat ?? '') === (e.dezernat ?? '')) evidence.push('gleiches Dezernat');
  else differences.push('Dezernat abweichend');
  for (const [label, a, b] of [
    ['Beschreibung', raw.beschreibung, e.beschreibung],
    ['Ziele und Zielgruppen', raw.ziele_zielgruppen, e.ziele_zielgruppen],
    ['Verantwortlichkeit', raw.verantwortlich, e.verantwortlich],
  ] as const) {
    if (same(a, b)) evidence.push(`gleiche ${label}`);
    else differences.push(`${label} abweichend`);
  }
  const dirDiffers = other.wirkrichtung.join() !== m.wirkrichtung.join();
  if (dirDiffers) {
    warn(
      e.quelle.zeile,
      'direction-mismatch',
      `„${m.titel}“: Wirkrichtung in Dimension ${m.dimensionen?.join('/')} ${fmtDir(m.wirkrichtung)}, in Dimension ${dimension} ${fmtDir(other.wirkrichtung)}; vereinigt.`,
    );
    m.wirkrichtung = sortDirections([...m.wirkrichtung, ...other.wirkrichtung]);
  } else evidence.push('gleiche Wirkrichtung');
  if (other.neu !== m.neu) {
    warn(e.quelle.zeile, 'neu-mismatch', `„${m.titel}“: in einer Dimension als neu markiert, in der anderen nicht.`);
    m.neu = m.neu || other.neu;
  }
  m.dimensionen = [...(m.dimensionen ?? []), dimension];
  m.quellen = [...(m.quellen ?? [m.quelle]), e.quelle];
  warn(
    e.quelle.zeile,
    'merged',
    `„${e.titel}“ (Dimension ${dimension}) mit „${m.titel}“ (Dimension ${m.dimensionen.slice(0, -1).join('/')}, Zeile ${m.quelle.zeile}) zu einer Maßnahme zusammengeführt: ${evidence.join(', ')}` +
      (differences.length > 0 ? `; Unterschiede: ${differences.join(', ')}` : '') +
      '.',
  );
}

function readTitle(front: Line[]): string | null {
  const i = front.findIndex((l) => /^DIVERSITY$/i.test(l.text.trim()));
  if (i < 0) return null;
  const parts: string[] = [front[i]!.text.trim()];
  for (let k = i + 1; k < front.length; k++) {
    const s = front[k]!.text.trim();
    if (!s) continue;
    if (/^(Impressum|Herausgeber|Stand\b|Inhaltsverzeichnis)/i.test(s)) break;
    parts.push(s);
  }
  let title = parts[0]!;
  for (const p of parts.slice(1)) title += /katalog/i.test(p) ? ` – ${p}` : ` ${p}`;
  return title;
}

function readHerausgeber(front: Line[]): string | undefined {
  const i = front.findIndex((l) => /^Herausgeber(?:in)?\s*:/i.test(l.text.trim()));
  if (i < 0) return undefined;
  const parts = [front[i]!.text.trim().replace(/^Herausgeber(?:in)?\s*:\s*/i, '')].filter(Boolean);
  for (let k = i + 1; k < front.length; k++) {
    const s = front[k]!.text.trim();
    if (!s || /\d/.test(s) || /^(Stand|Inhaltsverzeichnis)\b/i.test(s)) break;
    parts.push(s);
  }
  return parts.join(', ') || undefined;
}
