/**
 * The appendix table "Zukünftige Aufgaben-Verantwortung nach Auflösung der Arbeitsstrukturen"
 * repeats every agreement of chapter 4 (short title + one-line agreement with the responsible
 * actors in bold). It is read here and compared title by title with the boxes of chapter 4.
 */
import type { ImportWarning, Vereinbarung, VereinbarungKapitel } from '../types';
import { flatText, htmlBoldSpans, htmlListItems, htmlToText } from './text';

export interface AnlageEintrag {
  /** Chapter number of the group row, e.g. "4.2". */
  kapitel: string;
  kapitelTitel: string;
  /** Short title as printed (without the list of sub-items). */
  titel: string;
  /** Items listed in the title cell (task areas of "Schnittstellenmanagement", FIPS offers). */
  punkte: string[];
  kurzvereinbarung: string;
  /** Bold spans of the agreement cell: the responsible actors. */
  fett: string[];
  /** 1-based line of the row. */
  zeile: number;
}

export interface AnlageKapitel {
  nummer: string;
  titel: string;
  zeile: number;
}

export interface Anlage {
  /** 1-based line of the appendix heading. */
  zeile: number;
  kapitel: AnlageKapitel[];
  eintraege: AnlageEintrag[];
  warnings: ImportWarning[];
}

const ANLAGE_HEADING = /^(?:#{1,6}\s*)?\*{0,3}\s*Anlage:?\s*Zukünftige Aufgaben-Verantwortung/;
const NEXT_SECTION = /^(?:#{1,6}\s|\*\*\s*Anlage\b)/;

/** 0-based index of the appendix heading, or -1. */
export function findAnlageStart(lines: string[]): number {
  return lines.findIndex((l) => ANLAGE_HEADING.test(l.trim()));
}

/** Joins an HTML cell continued on the next page: "or-" + "ganisiert", bold + bold. */
function joinContinuation(first: string, next: string): string {
  const trailingTags = /((?:<\/?[a-z]+[^>]*>|\s)*)$/i;
  const leadingTags = /^((?:<\/?[a-z]+[^>]*>|\s)*)/i;
  const firstText = first.replace(/<[^>]+>/g, '').trimEnd();
  const nextText = next.replace(/<[^>]+>/g, '').trimStart();
  // Bold continued across the break: merge both spans into one.
  if (/<\/b>(?:<\/?(?:i|p)>|\s)*$/i.test(first) && /^(?:<\/?(?:i|p)>|\s)*<b>/i.test(next)) {
    first = first.replace(/<\/b>((?:<\/?(?:i|p)>|\s)*)$/i, '$1');
    next = next.replace(/^((?:<\/?(?:i|p)>|\s)*)<b>/i, '$1');
  }
  if (/\p{L}-$/u.test(firstText) && /^\p{Ll}/u.test(nextText)) {
    const tail = first.match(trailingTags)?.[1] ?? '';
    const head = next.match(leadingTags)?.[1] ?? '';
    return `${first.slice(0, first.length - tail.length).replace(/-$/, '')}${tail}${head}${next.slice(head.length)}`;
  }
  return `${first} ${next}`;
}

/** Reads the appendix table; null when the document has none. */
export function parseAnlage(text: string, datei: string): Anlage | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const start = findAnlageStart(lines);
  if (start < 0) return null;
  const warnings: ImportWarning[] = [];
  const kapitel: AnlageKapitel[] = [];
  const rows: { cells: string[]; zeile: number }[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (NEXT_SECTION.test(line.trim())) break;
    if (!line.includes('\t')) continue;
    const cells = line.split('\t');
    const first = cells[0] ?? '';
    const rest = cells.slice(1).join('\t');
    if (!flatText(first) && rows.length) {
      // Continuation of the previous row after a page break.
      const prev = rows[rows.length - 1]!;
      prev.cells[1] = joinContinuation(prev.cells[1] ?? '', rest);
      warnings.push({
        datei,
        zeile: i + 1,
        meldung: 'Tabellenzeile der Anlage über einen Seitenumbruch fortgesetzt; mit der vorigen Zeile zusammengeführt.',
        code: 'seitenumbruch',
      });
      continue;
    }
    rows.push({ cells: [first, rest], zeile: i + 1 });
  }

  const eintraege: AnlageEintrag[] = [];
  let current: AnlageKapitel | null = null;
  for (const row of rows) {
    const titleCell = row.cells[0] ?? '';
    const kurzCell = row.cells[1] ?? '';
    const titleFlat = flatText(titleCell);
    const group = titleFlat.match(/^(\d+\.\d+)\.?\s+(.+)$/);
    if (group && !flatText(kurzCell)) {
      const k: AnlageKapitel = { nummer: group[1] ?? '', titel: (group[2] ?? '').trim(), zeile: row.zeile };
      kapitel.push(k);
      current = k;
      continue;
    }
    if (!current) continue; // column headings ("Maßnahme", "Vereinbarung")
    let titel: string;
    let punkte: string[];
    const list = htmlListItems(titleCell);
    if (list.punkte.length) {
      titel = flatText(list.vorListe).replace(/\s*:$/, '');
      punkte = list.punkte;
    } else {
      // "Handreichung: „Schnittstellenmanagement“ für … - Strukturiertes Ankommen - …"
      const parts = titleFlat.split(/\s+-\s+/);
      titel = parts.length > 2 ? (parts[0] ?? '') : titleFlat;
      punkte = parts.length > 2 ? parts.slice(1) : [];
    }
    eintraege.push({
      kapitel: current.nummer,
      kapitelTitel: current.titel,
      titel,
      punkte,
      kurzvereinbarung: htmlToText(kurzCell),
      fett: htmlBoldSpans(kurzCell),
      zeile: row.zeile,
    });
  }
  return { zeile: start + 1, kapitel, eintraege, warnings };
}

// ---------------------------------------------------------------------------------------------
// Title cross-check
// ---------------------------------------------------------------------------------------------

/** Comparison key: case, punctuation, quotes and dashes do not count. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[„“”"‚‘’'`´*:;,.!?()[\]–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function similarity(a: string, b: string): number {
  const wa = new Set(titleKey(a).split(' ').filter(Boolean));
  const wb = new Set(titleKey(b).split(' ').filter(Boolean));
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/**
 * Pairs two ordered title lists: equal titles (by `titleKey`) anchor the alignment; between
 * anchors, gaps of equal size pair by position, other gaps by word similarity.
 */
export function alignTitles(left: string[], right: string[]): { pairs: [number, number][]; onlyLeft: number[]; onlyRight: number[] } {
  const n = left.length;
  const m = right.length;
  const lk = left.map(titleKey);
  const rk = right.map(titleKey);
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number) => dp[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = lk[i] === rk[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const anchors: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (lk[i] === rk[j]) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  const pairs: [number, number][] = [];
  const onlyLeft: number[] = [];
  const onlyRight: number[] = [];
  let pi = 0;
  let pj = 0;
  for (const [ai, aj] of [...anchors, [n, m] as [number, number]]) {
    const gl = Array.from({ length: ai - pi }, (_, k) => pi + k);
    const gr = Array.from({ length: aj - pj }, (_, k) => pj + k);
    if (gl.length === gr.length) gl.forEach((i, k) => pairs.push([i, gr[k]!]));
    else {
      const freeR = new Set(gr);
      for (const i of gl) {
        let best = -1;
        let bestScore = 0.25;
        for (const j of freeR) {
          const s = similarity(left[i] ?? '', right[j] ?? '');
          if (s > bestScore) {
            bestScore = s;
            best = j;
          }
        }
        if (best >= 0) {
          pairs.push([i, best]);
          freeR.delete(best);
        } else onlyLeft.push(i);
      }
      onlyRight.push(...freeR);
    }
    if (ai < n && aj < m) pairs.push([ai, aj]);
    pi = ai + 1;
    pj = aj + 1;
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { pairs, onlyLeft, onlyRight };
}

export interface TitelPaar {
  kapitel: string;
  text: string;
  anlage: string;
  /** Equal apart from case, punctuation and dashes. */
  gleich: boolean;
  zeileText: number;
  zeileAnlage: number;
  vereinbarung: Vereinbarung;
  eintrag: AnlageEintrag;
}

export interface TitelEinseitig {
  kapitel: string;
  titel: string;
  zeile: number;
}

export interface UnteraufgabenAbweichung {
  kapitel: string;
  /** Short title of the agreement the items belong to. */
  vereinbarung: string;
  text: string | null;
  anlage: string | null;
  zeileText: number;
  zeileAnlage: number;
}

export interface TitelAbgleich {
  paare: TitelPaar[];
  /** Pairs whose titles differ. */
  abweichungen: TitelPaar[];
  nurImText: TitelEinseitig[];
  nurInAnlage: TitelEinseitig[];
  /** Differing or one-sided sub-items (task areas, listed offers). */
  unteraufgaben: UnteraufgabenAbweichung[];
  /** Chapters whose titles differ between chapter 4 and the appendix. */
  kapitel: { nummer: string; text: string; anlage: string }[];
  warnings: ImportWarning[];
}

const ANLAGE_NAME = 'der Anlage „Zukünftige Aufgaben-Verantwortung“';

/**
 * Compares the short titles of the boxes of chapter 4 with the appendix table, chapter by
 * chapter; every differing or one-sided title yields a warning.
 */
export function crossCheckTitles(kapitel: VereinbarungKapitel[], anlage: AnlageEintrag[], datei: string): TitelAbgleich {
  const result: TitelAbgleich = { paare: [], abweichungen: [], nurImText: [], nurInAnlage: [], unteraufgaben: [], kapitel: [], warnings: [] };
  const anlageKapitel = [...new Set(anlage.map((e) => e.kapitel))];
  const nummern = [...new Set([...kapitel.map((k) => k.nummer), ...anlageKapitel])];

  for (const nummer of nummern) {
    const k = kapitel.find((x) => x.nummer === nummer);
    const boxes = k?.vereinbarungen ?? [];
    const rows = anlage.filter((e) => e.kapitel === nummer);
    const firstRow = rows[0];
    if (k && firstRow && titleKey(k.titel) !== titleKey(firstRow.kapitelTitel)) {
      result.kapitel.push({ nummer, text: k.titel, anlage: firstRow.kapitelTitel });
      result.warnings.push({
        datei,
        zeile: firstRow.zeile,
        meldung: `Kapitel ${nummer}: Überschrift „${k.titel}“ lautet in ${ANLAGE_NAME} „${firstRow.kapitelTitel}“.`,
        code: 'kapitel-abweichung',
      });
    }
    const { pairs, onlyLeft, onlyRight } = alignTitles(
      boxes.map((b) => b.kurztitel),
      rows.map((r) => r.titel),
    );
    for (const [i, j] of pairs) {
      const v = boxes[i]!;
      const e = rows[j]!;
      const paar: TitelPaar = {
        kapitel: nummer,
        text: v.kurztitel,
        anlage: e.titel,
        gleich: titleKey(v.kurztitel) === titleKey(e.titel),
        zeileText: v.quelle.zeile,
        zeileAnlage: e.zeile,
        vereinbarung: v,
        eintrag: e,
      };
      result.paare.push(paar);
      if (!paar.gleich) {
        result.abweichungen.push(paar);
        result.warnings.push({
          datei,
          zeile: v.quelle.zeile,
          meldung: `Kapitel ${nummer}: Kurztitel „${v.kurztitel}“ lautet in ${ANLAGE_NAME} (Zeile ${e.zeile}) „${e.titel}“.`,
          code: 'titel-abweichung',
        });
      }
      compareItems(result, nummer, v, e, datei);
    }
    for (const i of onlyLeft) {
      const v = boxes[i]!;
      result.nurImText.push({ kapitel: nummer, titel: v.kurztitel, zeile: v.quelle.zeile });
      result.warnings.push({
        datei,
        zeile: v.quelle.zeile,
        meldung: `Kapitel ${nummer}: Kurztitel „${v.kurztitel}“ fehlt in ${ANLAGE_NAME}.`,
        code: 'titel-fehlt-in-anlage',
      });
    }
    for (const j of onlyRight) {
      const e = rows[j]!;
      result.nurInAnlage.push({ kapitel: nummer, titel: e.titel, zeile: e.zeile });
      result.warnings.push({
        datei,
        zeile: e.zeile,
        meldung: `Kapitel ${nummer}: „${e.titel}“ aus ${ANLAGE_NAME} hat keinen Kasten in Kapitel ${nummer}.`,
        code: 'titel-fehlt-im-text',
      });
    }
  }
  return result;
}

function compareItems(result: TitelAbgleich, nummer: string, v: Vereinbarung, e: AnlageEintrag, datei: string): void {
  if (!e.punkte.length) return;
  const items = v.unteraufgaben?.length ? v.unteraufgaben.map((u) => ({ titel: u.kurztitel, zeile: u.quelle.zeile })) : (v.stichpunkte ?? []).map((s) => ({ titel: s, zeile: v.quelle.zeile }));
  const { pairs, onlyLeft, onlyRight } = alignTitles(
    items.map((x) => x.titel),
    e.punkte,
  );
  const add = (text: string | null, anlage: string | null, zeileText: number) => {
    result.unteraufgaben.push({ kapitel: nummer, vereinbarung: v.kurztitel, text, anlage, zeileText, zeileAnlage: e.zeile });
    const meldung =
      text && anlage
        ? `„${v.kurztitel}“: Aufgabenbereich „${text}“ lautet in ${ANLAGE_NAME} (Zeile ${e.zeile}) „${anlage}“.`
        : text
          ? `„${v.kurztitel}“: Aufgabenbereich „${text}“ fehlt in ${ANLAGE_NAME}.`
          : `„${v.kurztitel}“: Aufgabenbereich „${anlage}“ aus ${ANLAGE_NAME} fehlt im Kasten.`;
    result.warnings.push({ datei, zeile: text ? zeileText : e.zeile, meldung, code: 'unteraufgabe-abweichung' });
  };
  for (const [i, j] of pairs) {
    const item = items[i]!;
    const punkt = e.punkte[j]!;
    if (titleKey(item.titel) !== titleKey(punkt)) add(item.titel, punkt, item.zeile);
  }
  for (const i of onlyLeft) add(items[i]!.titel, null, items[i]!.zeile);
  for (const j of onlyRight) add(null, e.punkte[j]!, v.quelle.zeile);
}
