/**
 * The document models the importers produce. Field names are German where they are the
 * public JSON contract of `vielfalt import --dry-run --format json` (see issues 4 and 5):
 * they stay stable, more fields may be added.
 *
 * Parsers are pure functions from text to these models; nothing here touches a database.
 */

/** Where a record was read: file name (base name) and 1-based line number. */
export interface Quelle {
  datei: string;
  zeile: number;
}

/** Something the importer noticed: skipped, repaired, ambiguous or contradictory input. */
export interface ImportWarning {
  datei: string;
  zeile: number;
  meldung: string;
  /** Machine-readable category, e.g. "duplicate-number", "unresolved-reference". */
  code?: string;
}

/** A source file as the importer receives it. */
export interface SourceFile {
  /** Base name as in data/sources, e.g. "000_3e59e29afaedd339.txt". */
  name: string;
  text: string;
}

// ---------------------------------------------------------------------------
// Integrationskonzept (000, 004)
// ---------------------------------------------------------------------------

export interface Querverweis {
  handlungsfeld: string | null;
  handlungsziel: string | null;
  nummer: string | null;
  /** Wording as printed. */
  text?: string;
  /** Resolved target, when the reference could be resolved: handlungsfeld name + code + nummer. */
  ziel?: { handlungsfeld: string; handlungsziel: string; nummer: string } | null;
}

/** One responsible actor: canonical name, and the printed wording when it differs. */
export interface IkAkteur {
  name: string;
  alias: string | null;
}

/**
 * A single offer listed under a measure that groups several (Kultur C3, Maßnahme 1: "Im
 * Folgenden werden einzelne Angebote … aufgeführt"), each with its own Verantwortlich row.
 */
export interface IkAngebot {
  titel: string;
  verantwortlich: string[];
  verantwortlichText: string;
  akteure: IkAkteur[];
  zielgruppe: string;
  status: string;
  quelle: Quelle;
}

export interface IkMassnahme {
  nummer: string;
  text: string;
  /** Title printed in bold before the text, when there is one (else the title is derived from the text). */
  titel?: string;
  /** Canonical actor names. */
  verantwortlich: string[];
  /** The Verantwortlich cell as printed. */
  verantwortlichText?: string;
  /** The actors with the wording printed for each (alias), same order as `verantwortlich`. */
  akteure?: IkAkteur[];
  zielgruppe: string;
  status: string;
  bemerkungen: string;
  luecke: boolean;
  querverweise: Querverweis[];
  /** Offers grouped under this measure, each with its own Verantwortlich/Zielgruppe/Status. */
  angebote?: IkAngebot[];
  /** Footnote texts referenced from the measure's fields (markers are removed from the text). */
  fussnoten?: string[];
  quelle: Quelle;
  /** Further documents that print the same measure (e.g. the extract 004). */
  weitereQuellen?: Quelle[];
}

export interface IkHandlungsziel {
  code: string;
  text: string;
  massnahmen: IkMassnahme[];
  /** Footnote texts referenced from the goal's text. */
  fussnoten?: string[];
  /** Where the goal's wording was taken from (its first printing). */
  quelle?: Quelle;
}

export interface IkLeitziel {
  letter: string;
  text: string;
  handlungsziele: IkHandlungsziel[];
  quelle?: Quelle;
}

export interface IkHandlungsfeld {
  name: string;
  leitziele: IkLeitziel[];
  quelle?: Quelle;
}

export interface IntegrationskonzeptCatalogue {
  kind: 'integrationskonzept';
  title: string;
  subtitle?: string;
  stand: string;
  herausgeber?: string;
  /** Foreword (and introduction) as the catalogue's description. */
  vorwort?: string;
  handlungsfelder: IkHandlungsfeld[];
  quelle: Quelle;
}

// ---------------------------------------------------------------------------
// Diversity-Katalog (003)
// ---------------------------------------------------------------------------

export type Wirkrichtung = 'innen' | 'aussen';

export interface DivMassnahme {
  /** Stable id within the document, the same for a measure listed under several dimensions. */
  id: string;
  titel: string;
  neu: boolean;
  wirkrichtung: Wirkrichtung[];
  beschreibung: string;
  ziele_zielgruppen: string;
  verantwortlich: string;
  dezernat: string | null;
  organisationseinheit: string | null;
  quelle: Quelle;
  /** Numbers of all dimensions the measure is listed under (more than one after a merge). */
  dimensionen?: string[];
  /** Title as printed in the dimension's overview table (often a short form), when matched. */
  uebersichtTitel?: string | null;
  /** Every entry the measure was read from (more than one after a merge). */
  quellen?: Quelle[];
}

export interface DivDimension {
  nummer: string;
  name: string;
  massnahmen: DivMassnahme[];
}

export interface DivKontakt {
  organisationseinheit: string;
  name: string | null;
  telefon: string | null;
  email: string | null;
  quelle?: Quelle;
  /** The contact's office line when it is not a person (e.g. "Personalrat der Stadt Herne"). */
  stelle?: string | null;
  /** Postal address as printed. */
  anschrift?: string | null;
  /** The section's description text. */
  beschreibung?: string;
}

export interface DiversityCatalogue {
  kind: 'diversity';
  title: string;
  stand: string;
  herausgeber?: string;
  auflage?: string;
  vorwort?: string;
  /** Further introductory chapters (e.g. Gender und Diversity Mainstreaming). */
  einleitung?: string;
  /** Heading of the introductory chapter. */
  einleitungTitel?: string;
  dimensionen: DivDimension[];
  kontakte: DivKontakt[];
  /** How many entries were merged into a measure already listed under another dimension. */
  zusammenfuehrungen?: number;
  quelle: Quelle;
}

// ---------------------------------------------------------------------------
// Vereinbarungen (001)
// ---------------------------------------------------------------------------

export interface Vereinbarung {
  kurztitel: string;
  kurzvereinbarung: string;
  bedarf: string;
  massnahme: string;
  beteiligte: string[];
  vereinbarung: string;
  verantwortlich: string[];
  finanzierungsvorbehalt: string | null;
  /** Nested task areas (e.g. the seven of Schnittstellenmanagement). */
  unteraufgaben?: Vereinbarung[];
  /** Goal of a nested task area ("Ziel:"). */
  ziel?: string;
  /** Items printed as a list under the short title (e.g. the offers of "FIPS"). */
  stichpunkte?: string[];
  /** The Beteiligte line as printed (markup removed). */
  beteiligteText?: string;
  /** Short titles of further agreements printed in the same box (sharing Bedarf … Vereinbarung). */
  gemeinsamMit?: string[];
  /** The matching row of the appendix table "Zukünftige Aufgaben-Verantwortung", if any. */
  anlage?: { kurztitel: string; kurzvereinbarung: string; quelle: Quelle } | null;
  quelle: Quelle;
}

export interface VereinbarungKapitel {
  nummer: string;
  titel: string;
  vereinbarungen: Vereinbarung[];
}

export interface VereinbarungenCatalogue {
  kind: 'vereinbarungen';
  title: string;
  stand?: string;
  /** Project period as printed, e.g. "2016-2019". */
  zeitraum?: string;
  herausgeber?: string;
  vorwort?: string;
  kapitel: VereinbarungKapitel[];
  quelle: Quelle;
}

export type ParsedCatalogue = IntegrationskonzeptCatalogue | DiversityCatalogue | VereinbarungenCatalogue;

export interface ParseResult<C extends ParsedCatalogue = ParsedCatalogue> {
  catalogues: C[];
  warnings: ImportWarning[];
}

/** Raised when a file is not of the expected kind or too broken to read; names file and line. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly datei: string,
    readonly zeile: number | null = null,
  ) {
    super(zeile ? `${datei}:${zeile}: ${message}` : `${datei}: ${message}`);
    this.name = 'ImportError';
  }
}
