/**
 * The overview table that opens every dimension ("Titel der Maßnahme | nach Innen gerichtet |
 * nach Außen gerichtet", with a leading "neu" column) and its cross-check against the entries.
 */
import type { Wirkrichtung } from '../types';
import { dehyphenate, isShortForm, normalizeTitle, titleSimilarity, type Line } from './text';

export interface UebersichtZeile {
  /** Title with cell-break hyphenation joined ("Reaktions- management" → "Reaktionsmanagement"). */
  titel: string;
  /** Title cell as printed. */
  titelRoh: string;
  neu: boolean;
  wirkrichtung: Wirkrichtung[];
  zeile: number;
}

export interface Uebersicht {
  /** Dimension number, e.g. "4". */
  dimension: string;
  zeilen: UebersichtZeile[];
  /** Lines of "neu" markers that stand alone in the table area, detached from their row. */
  losgeloesteNeu: number[];
  /** Lines in the table area that are neither rows nor markers. */
  unbekannt: Line[];
  zeile: number;
}

/** The parts of an entry the cross-check looks at. */
export interface EintragKurz {
  titel: string;
  neu: boolean;
  /** Direction printed in the entry itself, if any (the Herne entries print none). */
  wirkrichtung?: Wirkrichtung[];
  zeile: number;
}

export type AbweichungArt =
  | 'ohne-eintrag'
  | 'ohne-zeile'
  | 'titel'
  | 'neu'
  | 'neu-losgeloest'
  | 'wirkrichtung'
  | 'reihenfolge';

export interface Abweichung {
  art: AbweichungArt;
  dimension: string;
  /** Line of the table row (or marker), else of the entry. */
  zeile: number;
  tabellenTitel: string | null;
  eintragsTitel: string | null;
  /** For "titel": the table title is a short form of the entry title, or it really differs. */
  titelArt?: 'kurzform' | 'abweichend';
  neuTabelle?: boolean;
  neuEintrag?: boolean;
  meldung: string;
}

export interface Paarung {
  /** Index into the table rows. */
  zeile: number;
  /** Index into the entries. */
  eintrag: number;
  score: number;
}

export interface UebersichtPruefung {
  dimension: string;
  paare: Paarung[];
  /** Entry indexes that a detached "neu" marker was attributed to. */
  neuZugeordnet: number[];
  abweichungen: Abweichung[];
}

/** "Titel der Maßnahme … nach Innen … nach Außen" header line. */
export function isOverviewHeader(text: string): boolean {
  return /Titel der Ma(?:ß|ss)nahme/i.test(text) && /nach\s+(?:Innen|Au(?:ß|ss)en)/i.test(text);
}

const NEU_CELL = /^\s*neu!?\s*$/i;
const NEU_STANDALONE = /^neu!?$/i;

/**
 * Reads the rows of an overview table. Two row layouts occur:
 * `neu|<empty> TAB Titel TAB innen TAB außen` (with the "neu" column) and
 * `Titel TAB innen TAB außen` (without it, e.g. on a continuation page or in chapter 4).
 * Any non-empty direction cell counts as a marker ("•", "x", "✓").
 */
export function parseOverviewTable(dimension: string, lines: Line[]): Uebersicht {
  const zeilen: UebersichtZeile[] = [];
  const losgeloesteNeu: number[] = [];
  const unbekannt: Line[] = [];
  let headerZeile = lines[0]?.zeile ?? 0;
  for (const line of lines) {
    const text = line.text;
    if (!text.trim()) continue;
    if (isOverviewHeader(text)) {
      headerZeile = line.zeile;
      continue;
    }
    if (!text.includes('\t')) {
      if (NEU_STANDALONE.test(text.trim())) losgeloesteNeu.push(line.zeile);
      else unbekannt.push(line);
      continue;
    }
    const cells = text.split('\t').map((c) => c.trim());
    let neu = false;
    let rest: string[];
    if (cells.length >= 3 && (cells[0] === '' || NEU_CELL.test(cells[0] ?? '')) && (cells[1] ?? '') !== '') {
      neu = NEU_CELL.test(cells[0] ?? '');
      rest = cells.slice(1);
    } else {
      rest = cells;
    }
    let titelRoh = rest[0] ?? '';
    const m = /^(.*\S)\s*\(neu\)$/i.exec(titelRoh);
    if (m?.[1]) {
      neu = true;
      titelRoh = m[1];
    }
    const markers = rest.slice(1);
    if (markers.length > 2 && NEU_CELL.test(markers[markers.length - 1] ?? '')) {
      neu = true;
      markers.pop();
    }
    const wirkrichtung: Wirkrichtung[] = [];
    if ((markers[0] ?? '') !== '') wirkrichtung.push('innen');
    if ((markers[1] ?? '') !== '') wirkrichtung.push('aussen');
    if (!titelRoh) {
      unbekannt.push(line);
      continue;
    }
    zeilen.push({ titel: dehyphenate(titelRoh), titelRoh, neu, wirkrichtung, zeile: line.zeile });
  }
  return { dimension, zeilen, losgeloesteNeu, unbekannt, zeile: headerZeile };
}

/** Minimum similarity for a table row and an entry to be paired in order. */
const PAIR_THRESHOLD = 0.5;
/** What a pairing adds to the alignment: strong pairs outweigh several weak ones. */
const gain = (s: number) => s - 0.4;
/** Minimum similarity for an out-of-order pairing of leftovers. */
const REORDER_THRESHOLD = 0.8;

/**
 * Pairs table rows with entries (order-preserving alignment on title similarity, then
 * confident out-of-order leftovers) and reports every difference: rows without entry, entries
 * without row, differing titles (short form or really different), differing "neu" markers,
 * differing directions (when the entry prints one) and detached "neu" markers of the table.
 */
export function crossCheckOverview(uebersicht: Uebersicht, eintraege: EintragKurz[]): UebersichtPruefung {
  const rows = uebersicht.zeilen;
  const dim = uebersicht.dimension;
  const n = rows.length;
  const m = eintraege.length;
  const score: number[][] = rows.map((r) => eintraege.map((e) => titleSimilarity(r.titel, e.titel)));
  const at = (i: number, j: number) => score[i]?.[j] ?? 0;

  // Order-preserving alignment maximising the summed similarity.
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const cell = (i: number, j: number) => dp[i]?.[j] ?? 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = at(i - 1, j - 1);
      const diag = s >= PAIR_THRESHOLD ? cell(i - 1, j - 1) + gain(s) : -Infinity;
      dp[i]![j] = Math.max(cell(i - 1, j), cell(i, j - 1), diag);
    }
  }
  const paare: Paarung[] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const s = at(i - 1, j - 1);
    if (s >= PAIR_THRESHOLD && cell(i, j) === cell(i - 1, j - 1) + gain(s)) {
      paare.unshift({ zeile: i - 1, eintrag: j - 1, score: s });
      i--;
      j--;
    } else if (cell(i, j) === cell(i - 1, j)) i--;
    else j--;
  }

  const abweichungen: Abweichung[] = [];
  const rowPaired = new Set(paare.map((p) => p.zeile));
  const entryPaired = new Set(paare.map((p) => p.eintrag));

  // Leftovers that clearly belong together although out of order.
  const reordered: Paarung[] = [];
  for (let i = 0; i < n; i++) {
    if (rowPaired.has(i)) continue;
    let best = -1;
    for (let j = 0; j < m; j++) {
      if (entryPaired.has(j)) continue;
      if (at(i, j) >= REORDER_THRESHOLD && (best < 0 || at(i, j) > at(i, best))) best = j;
    }
    if (best >= 0) {
      reordered.push({ zeile: i, eintrag: best, score: at(i, best) });
      rowPaired.add(i);
      entryPaired.add(best);
    }
  }
  for (const p of reordered) {
    const r = rows[p.zeile]!;
    const e = eintraege[p.eintrag]!;
    abweichungen.push({
      art: 'reihenfolge',
      dimension: dim,
      zeile: r.zeile,
      tabellenTitel: r.titel,
      eintragsTitel: e.titel,
      meldung: `Übersicht Dimension ${dim}: „${r.titel}“ steht in der Tabelle an anderer Stelle als der Eintrag (Zeile ${e.zeile}).`,
    });
  }
  paare.push(...reordered);
  paare.sort((a, b) => a.eintrag - b.eintrag);

  for (let i = 0; i < n; i++) {
    if (rowPaired.has(i)) continue;
    const r = rows[i]!;
    abweichungen.push({
      art: 'ohne-eintrag',
      dimension: dim,
      zeile: r.zeile,
      tabellenTitel: r.titel,
      eintragsTitel: null,
      meldung: `Übersicht Dimension ${dim}: „${r.titel}“ steht in der Tabelle, hat aber keinen Eintrag.`,
    });
  }
  for (let j = 0; j < m; j++) {
    if (entryPaired.has(j)) continue;
    const e = eintraege[j]!;
    abweichungen.push({
      art: 'ohne-zeile',
      dimension: dim,
      zeile: e.zeile,
      tabellenTitel: null,
      eintragsTitel: e.titel,
      meldung: `Dimension ${dim}: Eintrag „${e.titel}“ fehlt in der Übersichtstabelle.`,
    });
  }

  for (const p of paare) {
    const r = rows[p.zeile]!;
    const e = eintraege[p.eintrag]!;
    if (normalizeTitle(r.titel) !== normalizeTitle(e.titel)) {
      const titelArt = isShortForm(r.titel, e.titel) ? 'kurzform' : 'abweichend';
      abweichungen.push({
        art: 'titel',
        dimension: dim,
        zeile: r.zeile,
        tabellenTitel: r.titel,
        eintragsTitel: e.titel,
        titelArt,
        meldung:
          `Übersicht Dimension ${dim}: Titel in der Tabelle „${r.titel}“, im Eintrag „${e.titel}“` +
          (titelArt === 'kurzform' ? ' (Kurzform).' : ' (abweichend).'),
      });
    }
    if (e.wirkrichtung && e.wirkrichtung.length > 0 && !sameDirections(e.wirkrichtung, r.wirkrichtung)) {
      abweichungen.push({
        art: 'wirkrichtung',
        dimension: dim,
        zeile: r.zeile,
        tabellenTitel: r.titel,
        eintragsTitel: e.titel,
        meldung: `Übersicht Dimension ${dim}: Wirkrichtung von „${e.titel}“ in der Tabelle ${fmtDir(r.wirkrichtung)}, im Eintrag ${fmtDir(e.wirkrichtung)}.`,
      });
    }
  }

  // "neu": detached table markers are attributed when they account exactly for the new
  // entries whose row carries no marker; otherwise every disagreement is reported.
  const entryNeuRowNot = paare.filter((p) => eintraege[p.eintrag]!.neu && !rows[p.zeile]!.neu);
  const unpairedNeu = eintraege.map((e, j) => ({ e, j })).filter(({ e, j }) => e.neu && !entryPaired.has(j));
  const candidates = [...entryNeuRowNot.map((p) => p.eintrag), ...unpairedNeu.map((x) => x.j)].sort((a, b) => a - b);
  const detached = uebersicht.losgeloesteNeu;
  const neuZugeordnet: number[] = [];
  if (detached.length > 0 && detached.length === candidates.length) {
    candidates.forEach((j, k) => {
      neuZugeordnet.push(j);
      const e = eintraege[j]!;
      abweichungen.push({
        art: 'neu-losgeloest',
        dimension: dim,
        zeile: detached[k]!,
        tabellenTitel: null,
        eintragsTitel: e.titel,
        meldung: `Übersicht Dimension ${dim}: losgelöster „neu“-Marker ohne Tabellenzeile; zugeordnet zu „${e.titel}“, dem einzigen als neu markierten Eintrag ohne Markierung in der Tabelle.`,
      });
    });
  } else {
    for (const z of detached) {
      abweichungen.push({
        art: 'neu-losgeloest',
        dimension: dim,
        zeile: z,
        tabellenTitel: null,
        eintragsTitel: null,
        meldung: `Übersicht Dimension ${dim}: losgelöster „neu“-Marker ohne Tabellenzeile, keiner Maßnahme zuzuordnen.`,
      });
    }
  }
  for (const p of paare) {
    const r = rows[p.zeile]!;
    const e = eintraege[p.eintrag]!;
    if (r.neu === e.neu || neuZugeordnet.includes(p.eintrag)) continue;
    abweichungen.push({
      art: 'neu',
      dimension: dim,
      zeile: r.zeile,
      tabellenTitel: r.titel,
      eintragsTitel: e.titel,
      neuTabelle: r.neu,
      neuEintrag: e.neu,
      meldung: r.neu
        ? `Übersicht Dimension ${dim}: „${r.titel}“ ist in der Tabelle als neu markiert, der Eintrag nicht.`
        : `Übersicht Dimension ${dim}: Eintrag „${e.titel}“ ist als neu markiert, die Tabellenzeile nicht.`,
    });
  }

  abweichungen.sort((a, b) => a.zeile - b.zeile);
  return { dimension: dim, paare, neuZugeordnet, abweichungen };
}

function sameDirections(a: Wirkrichtung[], b: Wirkrichtung[]): boolean {
  return a.length === b.length && a.every((d) => b.includes(d));
}

export function fmtDir(d: Wirkrichtung[]): string {
  if (d.length === 0) return 'ohne Angabe';
  return d.map((x) => (x === 'innen' ? 'nach Innen' : 'nach Außen')).join(' und ');
}
