/**
 * The model of the KI's annual review (Jahresrückblick, 002) as the importer reads it. Field
 * names are German: they are part of the JSON of `vielfalt import --dry-run --format json`.
 */
import type { NetworkKind, NetworkStatus, ReviewSection } from '../../db/schema';
import type { Quelle } from '../types';

export interface JrVeranstaltung {
  /** Stable import key, e.g. "jr2023:va:kim-praesentiert-sich…:2023-03-16". */
  schluessel: string;
  titel: string;
  /** The article of the review the event is described in. */
  artikel: string;
  rubrik: ReviewSection;
  /** ISO 8601 (YYYY-MM-DD). */
  beginn: string;
  ende: string | null;
  genauigkeit: 'tag' | 'monat';
  /** Where the date was taken from when the article prints none: the press release. */
  datumAus: 'text' | 'pressemeldung';
  uhrzeitVon: string | null;
  uhrzeitBis: string | null;
  ort: string | null;
  adresse: string | null;
  stadtteil: string | null;
  teilnehmende: number | null;
  veranstalter: string[];
  partner: string[];
  zielgruppen: string[];
  /** Key of the offer the event belongs to (an event described in an offer's article). */
  angebot: string | null;
  beschreibung: string;
  quelle: Quelle;
}

export interface JrAngebot {
  schluessel: string;
  titel: string;
  untertitel: string | null;
  beschreibung: string;
  sprachen: string[];
  stadtteile: string[];
  orte: string[];
  zeiten: string | null;
  foerderung: string | null;
  zielgruppen: string[];
  partner: string[];
  /** Keys of contact points (JrKontakt.schluessel). */
  ansprechpersonen: string[];
  quelle: Quelle;
}

export interface JrNetzwerk {
  schluessel: string;
  name: string;
  kurzname: string | null;
  art: NetworkKind;
  beschreibung: string;
  status: NetworkStatus;
  /** Key of the network this one continues. */
  vorgaenger: string | null;
  /** When it took over from its predecessor / was renamed, as printed. */
  seit: string | null;
  gegruendet: string | null;
  rhythmus: string | null;
  mitglieder: string[];
  quelle: Quelle;
}

export interface JrSitzung {
  datum: string;
  bezeichnung: string;
  quelle: Quelle;
}

export interface JrGremium {
  schluessel: string;
  name: string;
  beschreibung: string;
  mitglieder: number | null;
  amtszeit: string | null;
  /** Organisations the chairs belong to (their names are personal data and not imported). */
  vorsitzOrganisationen: string[];
  sitzungen: JrSitzung[];
  quelle: Quelle;
}

/** A contact point as printed (business contact data only). */
export interface JrKontakt {
  schluessel: string;
  einheit: string;
  funktion: string | null;
  art: 'person' | 'anlaufstelle';
  name: string | null;
  telefon: string | null;
  email: string | null;
  quelle: Quelle;
}

export interface JrNichtKlassifiziert {
  titel: string;
  rubrik: ReviewSection | null;
  grund: string;
  quelle: Quelle;
}

export interface JahresrueckblickDocument {
  kind: 'jahresrueckblick';
  titel: string;
  jahr: number;
  herausgeber: string | null;
  vorwort: string | null;
  veranstaltungen: JrVeranstaltung[];
  angebote: JrAngebot[];
  netzwerke: JrNetzwerk[];
  gremien: JrGremium[];
  kontakte: JrKontakt[];
  nichtKlassifiziert: JrNichtKlassifiziert[];
  quelle: Quelle;
}
