/**
 * Actor normaliser shared by the importers: splits a "Verantwortlich" cell into single actors and
 * maps the many spellings of one actor to one canonical name.
 *
 * The canonical table below is the single place to extend: add a row (canonical name + the
 * spellings seen in the sources). Matching is case-insensitive and ignores whitespace around
 * "/" and "-", typographic quotes, a leading article ("dem", "der" …) and "e. V." spacing.
 * Names of several words that contain "und", "," or "/" are also protected from splitting
 * (e.g. "Fachbereich Personal und Zentraler Service" stays one actor).
 */
import { escapeRegex } from '../../text/escape';

export interface ActorDefinition {
  /** Canonical name, the one the catalogue shows. */
  name: string;
  /** Other spellings, abbreviations and known typos (as printed). */
  aliases: string[];
}

export const ACTORS: ActorDefinition[] = [
  {
    name: 'Kommunales Integrationszentrum',
    aliases: [
      'KI',
      'KI Herne',
      'Kommunales Integrationszentrum (KI)',
      'Kommunales Integrationszentrum Herne',
      'Kommunalen Integrationszentrum',
      'Kommunalen Integrationszentrum (KI)',
      'Kommunalen Integrationszentrum Herne',
      'Kommunalen Integrationszentrums',
    ],
  },
  { name: 'Jobcenter', aliases: ['JobCenter', 'Jobcenter Herne', 'JobCenter Herne', 'JobCenters Herne'] },
  {
    name: 'Agentur für Arbeit',
    aliases: [
      'Agentur für Arbeit Bochum',
      'Agentur für Arbeit Herne',
      // The federal agency acts locally through the Agentur für Arbeit Bochum/Herne.
      'Bundesagentur für Arbeit',
      'Bundesagentur für Arbeit (BA)',
    ],
  },
  {
    name: 'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAoA)',
    aliases: [
      'KAoA',
      'KAOA',
      'Koordinierungsstelle KAoA',
      'Koordinierungsstelle KAOA',
      'Koordinierungsstelle „Kein Abschluss ohne Anschluss“',
      'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAOA)',
      // typo in the source
      'Koordinierungsstelle „Kein Abschluss ohne Abschluss“ (KAoA)',
    ],
  },
  {
    name: 'Fachbereich Kinder-Jugend-Familie',
    aliases: [
      'FB 42',
      'Fachbereich 42',
      'FB Kinder-Jugend-Familie',
      'Fachbereich Kinder, Jugend und Familie',
      'FB 42 Kinder, Jugend und Familie',
      'FB 42 Kinder, Jugend und Familie der Stadt Herne',
      'Fachbereich Kinder, Jugendliche und Familien',
      // The diversity catalogue (2024) prints the unit with spaced dashes.
      'Fachbereich Kinder – Jugend – Familie',
      'Fachbereich Kinder – Jugend - Familie',
      // The Jugendberufsagentur text names the partners: "Agentur für Arbeit, Jobcenter und
      // Fachbereich Kinder-Jugend-Familie"; the cell says "Kommune (Jugendhilfe)".
      'Kommune (Jugendhilfe)',
    ],
  },
  {
    name: 'Fachbereich 42/6 – Kindertagesbetreuung',
    aliases: ['FB 42/6 – Kindertagesbetreuung', 'Fachbereich 42/6 - Kindertagesbetreuung', 'FB 42/6 - Kindertagesbetreuung'],
  },
  { name: 'Fachbereich 42/4.9 – Familienbüro', aliases: ['FB 42/4.9 – Familienbüro', 'FB 42/4.9 - Familienbüro'] },
  { name: 'Fachbereich 42 – Soziale Arbeit an Schulen', aliases: ['FB 42 – Soziale Arbeit an Schulen'] },
  {
    name: 'Familien- und Schulberatungsstelle Herne',
    aliases: [
      'Familien- und Schulberatungsstelle',
      'Schulberatungsstelle Herne',
      'Schulberatungsstelle',
      'Fachbereich 42/5 – Familien- und Schulberatung',
      'FB 42/5 – Familien- und Schulberatung',
    ],
  },
  {
    name: 'Fachbereich Gesundheitsmanagement/Gesundheitsförderung',
    aliases: ['Fachbereich Gesundheitsmanagement', 'FB Gesundheitsmanagement', 'Fachbereich Gesundheitsmanagement / Gesundheitsförderung'],
  },
  { name: 'Fachbereich Personal und Zentraler Service', aliases: ['FB Personal und Zentraler Service'] },
  { name: 'Fachbereich Umwelt und Stadtplanung', aliases: ['FB Umwelt und Stadtplanung'] },
  { name: 'Fachbereich Schule und Weiterbildung', aliases: ['FB Schule und Weiterbildung', 'FB 31', 'Fachbereich 31'] },
  { name: 'Fachbereich Soziales', aliases: ['FB Soziales', 'FB 50'] },
  { name: 'Fachbereich Kultur', aliases: ['FB Kultur', 'FB 32', 'Fachbereich 32'] },
  { name: 'Fachbereich Stadtentwicklung', aliases: ['FB Stadtentwicklung'] },
  {
    name: 'Volkshochschule Herne',
    aliases: ['Volkshochschule', 'VHS', 'VHS Herne', 'Volkshochschule (VHS)', 'FB 31/4 (VHS)', 'FB 31/4', 'FB VHS der Stadt Herne', 'FB VHS'],
  },
  {
    name: 'Weiterbildungsberatungsstelle der VHS',
    aliases: [
      'Weiterbildungsberatungsstelle',
      'Volkshochschule/Weiterbildungsberatungsstelle',
      'Weiterbildungsberatungsstelle (VHS)',
      'Weiterbildungsberatungsstelle (WBB)',
    ],
  },
  {
    name: 'Industrie- und Handelskammer Mittleres Ruhrgebiet (IHK)',
    aliases: ['IHK', 'IHK Mittleres Ruhrgebiet', 'Industrie- und Handelskammer', 'Industrie- und Handelskammer (IHK)', 'Industrie- und Handelskammer Mittleres Ruhrgebiet'],
  },
  { name: 'Handwerkskammer', aliases: [] },
  { name: 'Kreishandwerkerschaft Herne', aliases: ['Kreishandwerkerschaft'] },
  {
    name: 'Arbeiterwohlfahrt Ruhr-Mitte (AWO)',
    aliases: ['AWO', 'Arbeiterwohlfahrt', 'Arbeiterwohlfahrt (AWO)', 'Arbeiterwohlfahrt Ruhr-Mitte', 'AWO Ruhr-Mitte'],
  },
  { name: 'Jugendmigrationsdienst der AWO', aliases: ['AWO - Jugendmigrationsdienst', 'AWO – Jugendmigrationsdienst', 'Jugendmigrationsdienst'] },
  {
    name: 'Gemeinnützige Beschäftigungsgesellschaft Herne (GBH)',
    aliases: ['GBH', 'Gemeinnützige Beschäftigungsgesellschaft Herne', 'Gemeinnützige Beschäftigungsgesellschaft'],
  },
  {
    name: 'Gesellschaft freie Sozialarbeit (GFS)',
    aliases: ['GFS', 'Gesellschaft freie Sozialarbeit', 'Gesellschaft freie Sozialarbeit e.V. (GFS)', 'Gesellschaft freie Sozialarbeit e. v. (GFS)'],
  },
  {
    name: 'Jugendkunstschule Wanne-Eickel e. V. (JKS)',
    // The project report calls the same school "Jugendkunstschule Herne e.V. (JKS)" for the same
    // art-therapy group that 000 places at the "Jugendkunstschule Wanne-Eickel e. V.".
    aliases: ['JKS', 'Jugendkunstschule', 'Jugendkunstschule (JKS)', 'Jugendkunstschule Wanne-Eickel e. V.', 'Jugendkunstschule Herne e.V.'],
  },
  { name: 'Stadtbibliothek Herne', aliases: ['Stadtbibliothek', 'Stadtbücherei Herne', 'Stadtbücherei'] },
  { name: 'Kulturbüro', aliases: ['FB 32/1 – Kulturbüro', 'Fachbereich 32/1 – Kulturbüro'] },
  {
    name: 'PLANB Ruhr e.V.',
    aliases: ['Plan B', 'PLANB', 'PLANB Ruhr e.V. – Interkulturelle Kinder- und Jugendhilfe', 'Integrationsagentur PLANB Ruhr e.V.'],
  },
  {
    name: 'Wirtschaftsförderungsgesellschaft Herne (WFG)',
    aliases: ['WFG', 'Wirtschaftsförderungsgesellschaft', 'Wirtschaftsförderungsgesellschaft (WFG)'],
  },
  {
    name: 'Internationaler Bund (IB)',
    aliases: ['IB', 'Internationaler Bund', 'Internationaler Bund für Sozialarbeit (IB)', 'Internationaler Bund für Soziale Arbeit (IB)'],
  },
  { name: 'Caritasverband Herne e.V.', aliases: ['Caritasverband Herne', 'Caritasverband', 'Caritas'] },
  { name: 'Deutsches Rotes Kreuz (DRK)', aliases: ['DRK', 'Deutsches Rotes Kreuz'] },
  // Printed "bobeq" in the integration concept and "Bobeq" in the project report.
  { name: 'Bobeq', aliases: ['bobeq gGmbH'] },
  { name: 'Büro für Gleichstellung und Vielfalt', aliases: ['Büro für Gleichstellung und Vielfalt (BGV)'] },
  { name: 'Schulsozialarbeiter*innen', aliases: ['SchulsozialarbeiterInnen'] },
  { name: 'Diakonie', aliases: [] },
  { name: 'Gleichstellungsstelle', aliases: [] },
  {
    name: 'Stadt Herne – Dezernat IV – Projektkoordination Südosteuropa',
    aliases: ['Stadt Herne - Dezernat IV – Projektkoordination Südosteuropa', 'Stadt Herne – Dezernat IV – Koordination Südosteuropa'],
  },
  { name: 'Soforthilfe Herne', aliases: ['Soforthilfe', 'Soforthilfe-Herne'] },
  { name: 'Bildungswerk e.V.', aliases: ['Bildungswerk'] },
  { name: 'Verbraucherzentrale Herne', aliases: ['Verbraucherzentrale'] },
  { name: 'Evangelischer Kirchenkreis Herne', aliases: ['Ev. Kirchenkreis Herne', 'Ev. Kirchenkreis'] },
  { name: 'Alle städtischen Fachbereiche', aliases: ['alle Fachbereiche'] },
  { name: 'Kitas/Familienzentren', aliases: ['Kitas / Familienzentren'] },
  { name: 'Kompetenzzentrum Frau und Beruf Mittleres Ruhrgebiet', aliases: ['Kompetenzzentrum Frau und Beruf'] },
  { name: 'Stadtsportbund (SSB) – Abteilung Sportjugend', aliases: ['Stadtsportbund (SSB) - Abteilung Sportjugend'] },
  { name: 'Schulamt für die Stadt Herne', aliases: ['Schulamt'] },
  // typo in the source ("Grundschole")
  { name: 'Grundschule Claudiusstraße', aliases: ['Grundschole Claudiusstraße'] },
  { name: 'Ruhr-Universität Bochum', aliases: ['RUB'] },
  { name: 'gfi', aliases: ['gfi e. V.', 'gfi e.V.'] },
  { name: 'Integration Point', aliases: [] },
  { name: 'Fachbereich Soziales/Seniorenberatung', aliases: ['Fachbereich Soziales / Seniorenberatung'] },
  { name: 'Kommunale Fachstelle Schulsozialarbeit', aliases: [] },
];

/** Words after which a long run of spaces or a following "Fachbereich" does not start a new actor. */
const CONNECTORS = new Set([
  'fachbereich',
  'fb',
  'und',
  'u.',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'mit',
  'in',
  'im',
  'für',
  'von',
  'vom',
  'zur',
  'zum',
  'sowie',
  'stadt',
  '–',
  '-',
]);

const ARTICLE = /^(?:dem|der|den|die|das|des)\s+/i;

/** Comparison key: case, quotes, spacing around "/" and "-", "e. V." and a leading article do not matter. */
export function actorKey(name: string): string {
  return name
    .replace(/\u00a0/g, ' ')
    .replace(/[„“”"‚‘’']/g, '"')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+[-–]\s+/g, ' – ')
    .replace(/\be\.\s*v\.?(?=\s|$|\))/gi, 'e.v.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ARTICLE, '')
    .toLowerCase()
    .replace(/[\s,;:]+$/, '')
    .replace(/(?<!e\.v)\.+$/, '');
}

const BY_KEY = new Map<string, string>();
function indexActors(): void {
  BY_KEY.clear();
  for (const actor of ACTORS) {
    BY_KEY.set(actorKey(actor.name), actor.name);
    for (const alias of actor.aliases) BY_KEY.set(actorKey(alias), actor.name);
  }
}
indexActors();

/**
 * Canonical actor for one name as printed. `alias` is the printed wording when it differs from
 * the canonical name, else null. Unknown names stay as printed (whitespace normalised), with
 * "FB" spelled out as "Fachbereich".
 */
export function canonicalActor(name: string): { name: string; alias: string | null } {
  const printed = name.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  const withoutArticle = printed.replace(ARTICLE, '');
  const result = (canonical: string) => ({ name: canonical, alias: canonical === printed ? null : printed });

  const direct = BY_KEY.get(actorKey(printed));
  if (direct) return result(direct);
  // "Fachbereich Umwelt und Stadtplanung (Bündnis für Wohnen)": the parenthesis qualifies a known actor.
  const bare = withoutArticle.replace(/\s*\([^()]*\)\s*$/, '');
  if (bare !== withoutArticle) {
    const qualified = BY_KEY.get(actorKey(bare));
    if (qualified) return result(qualified);
  }
  // "FB 32/2" → "Fachbereich 32/2"
  if (/^FB\b/.test(withoutArticle)) return result(withoutArticle.replace(/^FB\b\.?/, 'Fachbereich'));
  return result(withoutArticle);
}

// ---------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------

const SEP = '\u0001';


/** Regexes for table names that contain a separator, longest first. */
let protectedPatterns: RegExp[] | null = null;
function protectedNamePatterns(): RegExp[] {
  if (protectedPatterns) return protectedPatterns;
  const names = ACTORS.flatMap((a) => [a.name, ...a.aliases]).filter((n) => /\s(?:und|u\.)\s|,|\//.test(n));
  names.sort((a, b) => b.length - a.length);
  protectedPatterns = names.map((n) => {
    const body = n
      .split(/(\s*\/\s*|\s+)/)
      .map((piece) => (/^\s*\/\s*$/.test(piece) ? '\\s*/\\s*' : /^\s+$/.test(piece) ? '\\s+' : escapeRegex(piece)))
      .join('');
    return new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])`, 'giu');
  });
  return protectedPatterns;
}

/** Canonical names and aliases that start a new actor after a "/" without spaces. */
function startsWithKnownActor(s: string): boolean {
  const key = actorKey(s);
  if (/^(?:fachbereich|fb)\b/.test(key)) return true;
  for (const k of BY_KEY.keys()) {
    if (k.includes(' ') && (key === k || key.startsWith(k + ' ') || key.startsWith(k + ','))) return true;
  }
  return false;
}

/**
 * Splits a "Verantwortlich" cell into single actors, as printed (not yet canonical):
 * separators are ",", ";", "und", "u.", "sowie", "/" with a space beside it, "in Kooperation
 * mit", "im Verbund mit", a long run of spaces (a line break of the table cell) and a second
 * "Fachbereich" glued to the previous name. Parentheses and quotes stay together; "u. a.",
 * "etc." and lead-ins such as "z. B." or "Zuständige Stellen wie" are dropped.
 */
export function splitActors(cell: string): string[] {
  let s = cell.replace(/\u00a0/g, ' ').replace(/\r?\n/g, '  ').trim();
  if (!s) return [];

  // 1. Keep parentheses and quotations together.
  const held: string[] = [];
  const hold = (text: string) => {
    held.push(text);
    return `\u0002${held.length - 1}\u0003`;
  };
  s = s.replace(/\([^()]*\)|„[^“”]*[“”]|"[^"]*"/g, hold);

  // 2. Long runs of spaces are line breaks of the table cell: a new actor, unless the name goes on.
  s = s.replace(/(\S+)[ \t]{3,}(?=\S)/g, (_m, prev: string) => {
    if (prev.endsWith(',') || CONNECTORS.has(prev.toLowerCase())) return `${prev} `;
    return `${prev}${SEP}`;
  });
  s = s.replace(/\s+/g, ' ');

  // 3. After a parenthesis, a new name that is not joined by a connector starts a new actor:
  //    "Kommunales Integrationszentrum (KI) weitere Netzwerkpartner/-innen".
  s = s.replace(/(\u0003) (?=([\p{L}][\p{L}.-]*))/gu, (m, close: string, next: string) =>
    CONNECTORS.has(next.toLowerCase()) || /^(?:als|u\.|usw|etc)/i.test(next) ? m : `${close}${SEP}`,
  );

  // 4. A "Fachbereich" glued to the previous name ("… Schulsozialarbeit Fachbereich Schule …").
  s = s.replace(/(\S+) (?=(?:Fachbereich|FB)\b)/g, (m, prev: string) =>
    /[,;/]$/.test(prev) || CONNECTORS.has(prev.toLowerCase()) ? m : `${prev}${SEP}`,
  );

  // 5. Protect table names containing separators and hyphenated pairs ("Industrie- und Handelskammer").
  for (const re of protectedNamePatterns()) s = s.replace(re, hold);
  s = s.replace(/[\p{L}]+-\s+(?:und|oder)\s+[\p{L}-]+/gu, hold);

  // 6. Drop "u. a." / "etc." and lead-ins.
  s = s
    .replace(/,?\s*\b(?:u\.\s?a\.|usw\.|etc\.?)(?=\s|$|,|;)/gi, '')
    .replace(/\b(?:zuständige\s+)?stellen\s+wie\s+/gi, '')
    .replace(/\bz\.\s?B\.\s*/gi, '')
    // "… als vom BAMF zugelassene Integrationskursträger" qualifies the whole list
    .replace(/\s+als\s+(?:vom|von|die|der|den)\s[^,;]*$/i, '');

  // 7. Split.
  s = s
    .replace(/\s+(?:in\s+Kooperation|im\s+Verbund|in\s+Zusammenarbeit)\s+mit\s+/gi, SEP)
    .replace(/\s*[,;]\s*/g, SEP)
    .replace(/\s+(?:und|u\.|sowie)\s+/gi, SEP)
    .replace(/\s+\/\s*|\s*\/\s+/g, SEP);
  // "/" without spaces only before a known actor ("…/Kommunales Integrationszentrum (KI)")
  const parts: string[] = [];
  for (const piece of s.split(SEP)) {
    let rest = piece;
    for (;;) {
      const idx = [...rest.matchAll(/\//g)].map((m) => m.index ?? -1).find((i) => i > 0 && startsWithKnownActor(restore(rest.slice(i + 1))));
      if (idx === undefined) break;
      parts.push(rest.slice(0, idx));
      rest = rest.slice(idx + 1);
    }
    parts.push(rest);
  }

  function restore(text: string): string {
    let out = text;
    while (/\u0002\d+\u0003/.test(out)) out = out.replace(/\u0002(\d+)\u0003/g, (_m, i: string) => held[Number(i)] ?? '');
    return out;
  }

  const actors: string[] = [];
  for (const part of parts) {
    const actor = restore(part)
      .replace(/\s+/g, ' ')
      .replace(/^[\s,;:/–-]+|[\s,;:/–-]+$/g, '')
      .replace(ARTICLE, '')
      .trim();
    if (actor && !actors.includes(actor)) actors.push(actor);
  }
  return actors;
}

/** Split + canonicalise, without duplicates (first occurrence wins). */
export function normaliseActors(cell: string): { name: string; alias: string | null }[] {
  const out: { name: string; alias: string | null }[] = [];
  for (const printed of splitActors(cell)) {
    const actor = canonicalActor(printed);
    if (!out.some((a) => a.name === actor.name)) out.push(actor);
  }
  return out;
}
