/**
 * Parser for the KI's annual review (Jahresrückblick, 002): pure, from text to the model in
 * ./types.ts. The table of contents gives the articles and the printed sections (Öffentliche
 * Veranstaltungen, Netzwerke, Laufende KI-Angebote …); each article is found again in the body
 * and classified by its section:
 * - event sections: one event per date the article names (a date after "seit", "ab" or "bis" and
 *   the press release attribution do not count); an article with no date takes its press
 *   release's month; one with neither is reported as not classified;
 * - "Laufende KI-Angebote": offers (a report on a whole field is not an offer); an offer's article
 *   naming a date of the review year holds an event of that offer;
 * - "Netzwerke": an article with a date is an event, one without a network; further networks and
 *   working groups are recognised where the text defines or renames them (predecessor links);
 * - "Integrationsrat": the body, its size, term and session dates;
 * - "Ansprechpersonen": contact points (business contact data; no names in warnings).
 */
import type { ReviewSection } from '../../db/schema';
import { slugify } from '../../text/slug';
import { canonicalActor } from '../actors/actors';
import type { ImportWarning, SourceFile } from '../types';
import { findDates, findTimeRange, isoDate, monthNumber, MONTHS, pressReleaseDate, sentences, type DateMention } from './dates';
import type {
  JahresrueckblickDocument,
  JrAngebot,
  JrGremium,
  JrKontakt,
  JrNetzwerk,
  JrNichtKlassifiziert,
  JrVeranstaltung,
} from './types';

export function looksLikeJahresrueckblick(text: string): boolean {
  return /^\s*Jahresrückblick \d{4}\s*$/m.test(text.slice(0, 2000)) && /Integrationszentrum/.test(text.slice(0, 4000));
}

interface Line {
  text: string;
  /** 1-based line number in the file. */
  no: number;
}

/** Removes the extraction's markup: <u>, **bold**, *italics*, [links](#). */
export function cleanLine(raw: string): string {
  return raw
    .replace(/<\/?u>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()])/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$)/g, '$1')
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** Comparison key for titles: the TOC and the body spell them slightly differently. */
function titleKey(s: string): string {
  return cleanLine(s)
    .toLowerCase()
    .replace(/&/g, ' und ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * common) / total;
}

function sectionOf(heading: string): ReviewSection | 'vorwort' | 'kontakte' | 'impressum' {
  const h = heading.toLowerCase();
  if (h.startsWith('vorwort')) return 'vorwort';
  if (h.startsWith('neues')) return 'neues';
  if (h.includes('veranstaltungen')) return 'oeffentliche_veranstaltungen';
  if (h.includes('schulen') || h.includes('ferienprogramm')) return 'projekte_an_schulen';
  if (h.includes('fachtag') || h.includes('qualifizierung') || h.includes('workshop')) return 'fachtage';
  if (h.includes('netzwerk') || h.includes('arbeitskreis')) return 'netzwerke';
  if (h.includes('angebote')) return 'laufende_angebote';
  if (h.includes('integrationsrat')) return 'integrationsrat';
  if (h.includes('ansprechperson')) return 'kontakte';
  if (h.startsWith('impressum')) return 'impressum';
  return 'neues';
}

interface TocItem {
  title: string;
  section: ReturnType<typeof sectionOf>;
  line: number;
}

interface Article extends TocItem {
  start: number;
  /** Body lines of the article (index into `lines`), heading excluded. */
  body: Line[];
}

const EVENT_SECTIONS: ReviewSection[] = ['oeffentliche_veranstaltungen', 'projekte_an_schulen', 'fachtage'];

const DISTRICTS: [RegExp, string[]][] = [
  [/\bWanne-Eickel\b/, ['Wanne', 'Eickel']],
  [/\bHerne[- ]Eickel\b/, ['Eickel']],
  [/\bHerne[- ]Mitte\b/, ['Herne-Mitte']],
  [/\bWanner?\b(?!-Eickel)/, ['Wanne']],
  [/\bPluto\b/, ['Wanne']],
  [/(?<!Herne[- ])\bEickel\b/, ['Eickel']],
  [/\bSodingen\b/, ['Sodingen']],
  [/\bRöhlinghausen\b/, ['Röhlinghausen']],
  [/\bHorsthausen\b/, ['Horsthausen']],
  [/\bBaukau\b/, ['Baukau']],
  [/\bHolsterhausen\b/, ['Holsterhausen']],
  [/\bBörnig\b/, ['Börnig']],
];

export function districtsIn(text: string): string[] {
  const found = new Set<string>();
  for (const [re, names] of DISTRICTS) if (re.test(text)) for (const n of names) found.add(n);
  return [...found];
}

/** Target groups named in a text, for the vocabulary (the text itself stays with the record). */
const TARGET_GROUPS: [RegExp, string][] = [
  [/\bFrauen\b|Teilnehmerinnen/, 'Frauen'],
  [/\bVäter/, 'Väter'],
  [/\bEltern\b/, 'Eltern'],
  [/\bKinder\b|Schulkinder|Schüler\*innen|Schüler\b/, 'Kinder und Jugendliche'],
  [/Fachkräfte|Lehrkräfte|Sonderpädagog|Fachkräften|Mitarbeiter\*innen aus dem Bereich/, 'Fachkräfte'],
  [/neu zugewandert|Neuzugewanderte|zugewanderte[n]? (?:Kinder|Eltern|Menschen)|geflüchtet/i, 'Neuzugewanderte'],
  [/Südosteuropa|\bRoma\b|Rom\*nja/, 'Zugewanderte aus Südosteuropa'],
  [/Zuwanderungsgeschichte|Migrationsgeschichte|Migrationshintergrund|internationaler Familiengeschichte/, 'Menschen mit Zuwanderungsgeschichte'],
  [/ehrenamtlich/i, 'Ehrenamtliche'],
];

const NUMBER_WORDS: Record<string, number> = {
  einem: 1, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
};
const toNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS[s.toLowerCase()] ?? null));

export function targetGroupsIn(text: string): string[] {
  const groups: string[] = [];
  const age = /Kinder\w*\s+(?:im Alter\s+)?(?:von|zwischen)\s+(\S+)\s+(?:bis|und)\s+(\S+)\s+Jahren/.exec(text);
  if (age) {
    const [a, b] = [toNumber(age[1]!), toNumber(age[2]!)];
    if (a && b) groups.push(`Kinder von ${a}–${b} Jahren`);
  }
  for (const [re, name] of TARGET_GROUPS) if (re.test(text)) groups.push(name);
  return groups;
}

/** Printed spellings of partners in 002 mapped to the names the other documents use. */
const PARTNER_NAMES: Record<string, string> = {
  'gfi herne': 'gfi',
  'gfi herne e.v.': 'gfi',
  'gesellschaft zur förderung der integrationsarbeit in herne': 'gfi',
  'gesellschaft zur förderung der integrationsarbeit in herne (gfi)': 'gfi',
  'stadtsportbund herne (sbb)': 'Stadtsportbund Herne',
  'stadtsportbund e.v.': 'Stadtsportbund Herne',
  'respektcoach der awo': 'Arbeiterwohlfahrt Ruhr-Mitte (AWO)',
  'caritas herne': 'Caritasverband Herne e.V.',
  'gfs e.v.': 'Gesellschaft freie soziale Arbeit e.V. (GFS)',
};

export function partnerName(printed: string): string {
  const bare = printed
    .replace(/^(?:der|dem|den|die|des)\s+/i, '')
    .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')
    .replace(/\u2024/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
  return PARTNER_NAMES[bare.toLowerCase()] ?? canonicalActor(bare).name;
}

const KI = 'Kommunales Integrationszentrum';

function splitNames(list: string): string[] {
  return list
    .split(/\s*(?:,|;|\bsowie\b|\bund\b(?! Weiterbildung| Integration| Erziehung))\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 2 && s.length <= 70 && /^(?:[\p{Lu}\d„]|\p{Ll}{2,4}(?![\p{L}]))/u.test(s.replace(/^(?:der|dem|den|die|des)\s+/, '')) && !/\b(?:in den|im Gebäude|von der)\b/.test(s));
}

/** Organisers and partners named in a text; the KI organises unless someone else is named. */
export function organisersIn(raw: string): { veranstalter: string[]; partner: string[] } {
  // "e.V." must not end a name at its periods.
  const text = raw.replace(/\be\.\s?V\./g, 'e\u2024V\u2024');
  const veranstalter: string[] = [];
  const partner: string[] = [];
  const by = /(?:veranstaltet|organisiert) von (?:der|dem|den)\s+([^.,;]+?)(?=[.,;]|$| organisiert)/.exec(text);
  const byGroup = /von der (Projektgruppe [^.]*?\([A-Z]{2,6}\))[^.]*?organisiert/.exec(text);
  if (by) veranstalter.push(partnerName(by[1]!));
  if (byGroup) veranstalter.push(partnerName(byGroup[1]!));
  const patterns = [
    /in Kooperation (?:mit|vom|von|zwischen)\s+(.+?)(?=\s+(?:geplant|durchgeführt|organisiert|ins Leben|umgesetzt|eingerichtet)\b|[.;]|\s+einen\b|\s+am\b|$)/g,
    /\bmit (?:der|dem)\s+([^.;]+?)\s+kooperiert/g,
    /(?:geleitet und gefördert|gefördert) von (?:der|dem)\s+([^.;,]+)/g,
  ];
  for (const re of patterns)
    for (const m of text.matchAll(re))
      for (const name of splitNames(m[1]!.replace(/\s*\([A-Za-z]{2,6}\)\s*$/, (x) => x))) {
        const canonical = partnerName(name);
        if (canonical !== KI && !partner.includes(canonical) && !veranstalter.includes(canonical)) partner.push(canonical);
      }
  if (!veranstalter.length) veranstalter.push(KI);
  else if (!partner.includes(KI) && !veranstalter.includes(KI)) partner.push(KI);
  return { veranstalter, partner };
}

const VENUE =
  /\b(?:im|in der|in den Räumlichkeiten der|an der|auf dem)\s+((?:[A-ZÄÖÜ„][^\s,.]*\s+){0,3}?[\p{L}-]*(?:zentrum|Pluto|hochschule|park|heim|schule|Schule|platz|straße)\b(?:\s+(?!in\b)[A-ZÄÖÜ][\p{L}-]+)?(?:\s+in\s+(?:Wanne|Eickel|Herne(?:[- ]Mitte)?))?)/u;

export function venueIn(text: string): string | null {
  if (/digitale[nr]? Videokonferenz|\bonline\b/i.test(text)) return 'Online (Videokonferenz)';
  const m = VENUE.exec(text);
  return m ? m[1]!.trim() : null;
}

const PARTICIPANTS =
  /(?:^|[\s(])(\d+|sieben|acht|neun|zehn|elf|zwölf)\s+(?:[\p{Ll}-]+\s+){0,2}(Teilnehmende[n]?|Teilnehmerinnen|Teilnehmer\*innen|Kinder|Schüler\*innen|Lehrkräfte)/u;

export function participantsIn(text: string): number | null {
  const m = PARTICIPANTS.exec(text);
  return m ? toNumber(m[1]!) : null;
}

const FOOTNOTE = /^[¹²³⁴⁵⁶⁷⁸⁹]/;
const isNoise = (t: string) => !t || /^Foto:/.test(t) || /^\(?Foto:/.test(t);

/** A short line without closing punctuation: a sub-heading inside an article. */
const isSubheading = (t: string) => t.length <= 130 && !/[.:!?,;)]$/.test(t) && /^[\p{Lu}„"]/u.test(t) && !/^\d/.test(t);

/** Reads the contact blocks "IHRE ANSPRECHPARTNERIN: Name / Tel.: … / e-mail". */
function contactBlocks(body: Line[], unit: string, file: string): JrKontakt[] {
  const result: JrKontakt[] = [];
  for (let i = 0; i < body.length; i++) {
    if (!/^IHRE? ANSPRECHPARTNER/i.test(body[i]!.text)) continue;
    let current: JrKontakt | null = null;
    for (let j = i + 1; j < body.length; j++) {
      const t = body[j]!.text;
      if (!t) continue;
      const phone = /Tel(?:efon)?\.?:\s*([\d /-]+\d)/.exec(t);
      const email = /([\w.+-]+@[\w-]+\.[\w.]+)/.exec(t);
      const namePart = t.replace(/Tel(?:efon)?\.?:.*$/, '').trim();
      if (namePart && !email && PERSON_NAME.test(namePart)) {
        current = {
          schluessel: contactKey(namePart),
          einheit: unit,
          funktion: null,
          art: 'person',
          name: namePart,
          telefon: phone ? phone[1]!.trim() : null,
          email: null,
          quelle: { datei: file, zeile: body[j]!.no },
        };
        result.push(current);
      } else if (phone && current && !current.telefon) current.telefon = phone[1]!.trim();
      else if (email) {
        const address = email[1]!.toLowerCase();
        const owner = result.find((c) => c.name && address.startsWith(slugify(c.name.split(' ')[0]!, 40)));
        if (current && !current.email && owner === current) current.email = address;
        else
          result.push({
            schluessel: `jr:kontakt:${address}`,
            einheit: unit,
            funktion: null,
            art: 'anlaufstelle',
            name: null,
            telefon: null,
            email: address,
            quelle: { datei: file, zeile: body[j]!.no },
          });
      } else break;
    }
  }
  return result;
}

/** "Claudia Mai", "Ioana Martoiu-Barjaktarovic": capitalised words with lowercase letters (not a call-out in capitals). */
const PERSON_NAME = /^\p{Lu}\p{Ll}[\p{L}'-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'-]*)+$/u;

const contactKey = (name: string) => `jr:kontakt:${slugify(name, 60)}`;

/** Bullet items after a line that introduces them ("Folgende Sprachen …:"), with short group headings. */
function listAfter(body: Line[], intro: RegExp): string[] {
  const items: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (!(intro.test(body[i]!.text) && /:$/.test(body[i]!.text))) continue;
    for (let j = i + 1; j < body.length; j++) {
      const t = body[j]!.text;
      if (!t) continue;
      const bullet = /^[-•]\s*(?:✓\s*)?(.+)$/.exec(t);
      if (bullet) items.push(bullet[1]!.replace(/\s*\(\d+ (?:Gruppe|Case).*$/, '').trim());
      else if (t.length < 40 && !/[.:]$/.test(t)) continue;
      else break;
    }
  }
  return items;
}

const LANGUAGE_NAMES = ['Deutsch', 'Englisch', 'Türkisch', 'Arabisch', 'Französisch', 'Russisch', 'Ukrainisch', 'Rumänisch', 'Bulgarisch', 'Kurdisch', 'Polnisch', 'Italienisch', 'Persisch'];

export function languagesIn(body: Line[], text: string): string[] {
  const found = new Set(listAfter(body, /Sprachen/).filter((l) => LANGUAGE_NAMES.includes(l)));
  for (const m of text.matchAll(/\b(\p{L}+)sprachige\b/gu)) {
    const name = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
    if (LANGUAGE_NAMES.includes(name)) found.add(name);
  }
  for (const m of text.matchAll(/\((\p{Ll}+)\/(\p{Ll}+)\)/gu))
    for (const l of [m[1]!, m[2]!]) {
      const name = l.charAt(0).toUpperCase() + l.slice(1);
      if (LANGUAGE_NAMES.includes(name)) found.add(name);
    }
  return [...found];
}

export interface JahresrueckblickParse {
  document: JahresrueckblickDocument;
  warnings: ImportWarning[];
}

export function parseJahresrueckblick(file: SourceFile): JahresrueckblickParse {
  const lines: Line[] = file.text.split(/\r?\n/).map((raw, i) => ({ text: cleanLine(raw), no: i + 1 }));
  const warnings: ImportWarning[] = [];
  const warn = (zeile: number, meldung: string, code: string) => warnings.push({ datei: file.name, zeile, meldung, code });
  const titleLine = lines.find((l) => /^Jahresrückblick \d{4}$/.test(l.text));
  const year = Number(titleLine?.text.slice(-4) ?? new Date().getFullYear());

  // --- table of contents ---------------------------------------------------------------------
  const tocStart = lines.findIndex((l) => l.text === 'Inhaltsverzeichnis');
  const toc: TocItem[] = [];
  let tocEnd = tocStart;
  let section: TocItem['section'] = 'vorwort';
  for (let i = tocStart + 1; i < lines.length; i++) {
    const raw = file.text.split(/\r?\n/)[i]!;
    const t = lines[i]!.text;
    if (!t) continue;
    const cells = raw.split('\t').map(cleanLine);
    const withPage = cells.length >= 2 && /^\d+$/.test(cells[1]!) ? { title: cells[0]!, page: cells[1]! } : null;
    const bare = cells.length === 1 ? /^(.*\S)\s+(\d{1,3})$/.exec(cells[0]!) : null;
    if (withPage) toc.push({ title: withPage.title, section: section === 'vorwort' && !toc.length ? 'vorwort' : section, line: lines[i]!.no });
    else if (bare) {
      section = sectionOf(bare[1]!);
      toc.push({ title: bare[1]!, section, line: lines[i]!.no });
      if (section === 'impressum') {
        tocEnd = i;
        break;
      }
    } else section = sectionOf(cells[0]!);
  }
  if (tocStart < 0 || !toc.length) warn(1, 'Kein Inhaltsverzeichnis gefunden: der Jahresrückblick kann nicht gegliedert werden.', 'no-toc');

  // --- articles: each TOC title found again in the body, in order -----------------------------
  const articles: Article[] = [];
  let cursor = tocEnd + 1;
  for (const item of toc) {
    if (item.section === 'vorwort' && lines.findIndex((l) => l.text === item.title) < tocStart) {
      continue;
    }
    const key = titleKey(item.title);
    let best = -1;
    for (let i = cursor; i < lines.length; i++) {
      const t = lines[i]!.text;
      if (!t || t.length > 200) continue;
      const k = titleKey(t);
      if (k === key || (Math.abs(k.length - key.length) < 12 && similarity(k, key) >= 0.8)) {
        best = i;
        break;
      }
    }
    if (best < 0) {
      warn(item.line, `Artikel „${item.title}“ aus dem Inhaltsverzeichnis nicht im Text gefunden.`, 'article-not-found');
      continue;
    }
    articles.push({ ...item, start: best, body: [] });
    cursor = best + 1;
  }
  for (const [i, a] of articles.entries()) {
    const end = articles[i + 1]?.start ?? lines.length;
    a.body = lines.slice(a.start + 1, end);
  }
  const src = (no: number) => ({ datei: file.name, zeile: no });

  // --- foreword --------------------------------------------------------------------------------
  const forewordStart = lines.findIndex((l) => l.text.startsWith('Vorwort'));
  const vorwort =
    forewordStart >= 0 && forewordStart < tocStart
      ? lines
          .slice(forewordStart + 1, tocStart)
          .map((l) => l.text)
          .filter((t) => t.length > 80 && !/Foto:/.test(t))
          .join('\n\n')
      : null;

  const veranstaltungen: JrVeranstaltung[] = [];
  const angebote: JrAngebot[] = [];
  const netzwerke: JrNetzwerk[] = [];
  const gremien: JrGremium[] = [];
  const kontakte: JrKontakt[] = [];
  const nichtKlassifiziert: JrNichtKlassifiziert[] = [];
  const unclassified = (a: Article, grund: string) =>
    nichtKlassifiziert.push({ titel: a.title, rubrik: isReviewSection(a.section) ? a.section : null, grund, quelle: src(lines[a.start]!.no) });

  /** The article's running text (no photo credits, no footnotes), with the line of each offset. */
  const articleText = (a: Article) => {
    const parts: { text: string; no: number; offset: number }[] = [];
    let offset = 0;
    for (const l of a.body) {
      if (isNoise(l.text) || FOOTNOTE.test(l.text)) continue;
      parts.push({ text: l.text, no: l.no, offset });
      offset += l.text.length + 1;
    }
    const text = parts.map((p) => p.text).join('\n');
    const lineAt = (index: number) => [...parts].reverse().find((p) => p.offset <= index)?.no ?? lines[a.start]!.no;
    return { text, parts, lineAt };
  };

  const eventsOf = (a: Article, rubrik: ReviewSection, options: { onlyYear?: number; offerKey?: string | null }) => {
    const { text, parts, lineAt } = articleText(a);
    let mentions = findDates(text, year).filter((m) => !options.onlyYear || m.start.startsWith(String(options.onlyYear)));
    // One event per day: an info box repeating the date describes the same event.
    const byStart = new Map<string, DateMention[]>();
    for (const m of mentions) byStart.set(m.start, [...(byStart.get(m.start) ?? []), m]);
    mentions = [...byStart.values()].map((ms) => ms[0]!);
    // A month mention for a month that also has a day mention is the same event.
    mentions = mentions.filter((m) => m.precision === 'tag' || !mentions.some((o) => o.precision === 'tag' && o.start.slice(0, 7) === m.start.slice(0, 7)));
    let datumAus: JrVeranstaltung['datumAus'] = 'text';
    if (!mentions.length && !options.offerKey) {
      const press = pressReleaseDate(a.body.map((l) => l.text).join('\n'));
      if (press) {
        const [y, mo] = press.split('-').map(Number) as [number, number];
        const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
        mentions = [{ start: isoDate(y, mo, 1), end: isoDate(y, mo, last), precision: 'monat', index: 0, printed: press }];
        datumAus = 'pressemeldung';
        warn(lines[a.start]!.no, `„${a.title}“: kein Datum im Text, Monat der Pressemeldung übernommen.`, 'event-date-from-press-release');
      }
    }
    const subtitleLine = parts[0] && isSubheading(parts[0].text) ? parts[0].offset : -1;
    mentions.forEach((m, i) => {
      const from = i === 0 ? 0 : mentions[i - 1]!.index + mentions[i - 1]!.printed.length;
      const to = mentions[i + 1]?.index ?? text.length;
      const sentence = sentences(text).find((s) => s.index <= m.index && m.index < s.index + s.text.length)?.text ?? '';
      const segment = mentions.length === 1 ? text : text.slice(from, to);
      // A sub-heading before the date names the event; else, of several, a quoted name in its sentence.
      const sub = parts.filter((p) => p.offset >= from && p.offset < m.index && p.offset !== subtitleLine && isSubheading(p.text)).at(-1);
      const quoted = mentions.length > 1 ? /„([^“]{4,80})“/.exec(sentence) : null;
      const titel = sub?.text ?? (quoted ? quoted[1]! : i === 0 ? a.title : `${a.title} (${m.printed})`);
      // Time and address of an info box near a repeated date.
      const dupes = byStart.get(m.start) ?? [m];
      let time = findTimeRange(sentence);
      const where = sentences(text).find((s) => /\b(?:statt|teilgenommen)\b/.test(s.text));
      let ort = venueIn(sentence) ?? (mentions.length === 1 && where ? venueIn(where.text) : null);
      let adresse: string | null = null;
      for (const d of dupes.slice(1)) {
        const at = parts.findIndex((p) => p.offset <= d.index && d.index < p.offset + p.text.length + 1);
        const box = parts.slice(at + 1, at + 6).map((p) => p.text);
        time ??= findTimeRange(box.join(' '));
        const plz = box.findIndex((t) => /^\d{5}\s+\p{L}+/u.test(t));
        if (plz >= 1) {
          adresse = `${box[plz - 1]}, ${box[plz]}`;
          const venueLine = box.slice(0, plz - 1).reverse().find((t) => !findTimeRange(t) && !/\d{4}/.test(t));
          if (venueLine) ort = venueLine;
        }
      }
      const { veranstalter, partner } = organisersIn(mentions.length === 1 ? text : `${sentence} ${segment}`);
      const schluessel = `jr:va:${slugify(a.title, 50)}:${m.start}`;
      veranstaltungen.push({
        schluessel,
        titel,
        artikel: a.title,
        rubrik,
        beginn: m.start,
        ende: m.end,
        genauigkeit: m.precision,
        datumAus,
        uhrzeitVon: time?.from ?? null,
        uhrzeitBis: time?.to ?? null,
        ort,
        adresse,
        stadtteil: districtsIn([ort, adresse, sentence].filter(Boolean).join(' '))[0] ?? null,
        teilnehmende: participantsIn(sentence) ?? participantsIn(segment) ?? (i === 0 ? participantsIn(parts[0]?.text ?? '') : null),
        veranstalter,
        partner,
        zielgruppen: targetGroupsIn(mentions.length === 1 ? text : segment),
        angebot: options.offerKey ?? null,
        beschreibung: (mentions.length === 1 ? text : segment).split('\n').filter((t) => t.length > 60).slice(0, 3).join('\n\n'),
        quelle: src(m.precision === 'monat' && datumAus === 'pressemeldung' ? lines[a.start]!.no : lineAt(m.index)),
      });
    });
    return mentions.length;
  };

  for (const a of articles) {
    if (a.section === 'vorwort' || a.section === 'impressum') continue;
    if (a.section === 'kontakte') {
      kontakte.push(...staffContacts(a, file.name));
      continue;
    }
    if (a.section === 'neues') {
      unclassified(a, 'Meldung aus „Neues im KI“: keine Veranstaltung, kein Angebot, kein Netzwerk.');
      continue;
    }
    if (EVENT_SECTIONS.includes(a.section as ReviewSection)) {
      if (!eventsOf(a, a.section as ReviewSection, {})) unclassified(a, 'Kein Datum und keine Pressemeldung: nicht als Veranstaltung übernommen.');
      continue;
    }
    if (a.section === 'netzwerke') {
      if (findDates(articleText(a).text, year).length) eventsOf(a, 'netzwerke', {});
      else netzwerke.push(networkFromArticle(a, articleText(a).text, file.name));
      continue;
    }
    if (a.section === 'laufende_angebote') {
      if (/^(?:Neues|Aufbau)\b/.test(a.title)) {
        unclassified(a, 'Bericht über ein Themenfeld, kein einzelnes Angebot.');
        continue;
      }
      const offer = offerFromArticle(a, articleText(a).text, file.name);
      angebote.push(offer);
      kontakte.push(...contactBlocks(a.body, a.title, file.name));
      offer.ansprechpersonen = contactBlocks(a.body, a.title, file.name).map((c) => c.schluessel);
      eventsOf(a, 'laufende_angebote', { onlyYear: year, offerKey: offer.schluessel });
      continue;
    }
    if (a.section === 'integrationsrat') {
      gremien.push(bodyFromArticle(a, articleText(a).text, file.name));
      continue;
    }
  }

  // --- networks defined or renamed anywhere in the text ----------------------------------------
  const bodyText = lines.slice(tocEnd + 1);
  netzwerke.push(...networkMentions(bodyText, file.name, netzwerke));
  // Offers steered by a network ("Gesteuert wird das Angebot vom AK Vielfalt").
  for (const offer of angebote) {
    const steered = /Gesteuert wird das Angebot vo[mn]\s+(?:der\s+)?([^,.¹²³⁴⁵⁶⁷⁸⁹]+?)[¹²³⁴⁵⁶⁷⁸⁹]*,/.exec(offer.beschreibung);
    if (!steered) continue;
    const net = netzwerke.find((n) => n.kurzname === steered[1]!.trim() || n.name === steered[1]!.trim());
    if (net && !offer.partner.includes(net.name)) offer.partner.push(net.name);
  }

  // --- contacts: one record per person, the offer's block completing the staff list ----------
  const merged = new Map<string, JrKontakt>();
  for (const c of kontakte) {
    const known = merged.get(c.schluessel);
    if (!known) merged.set(c.schluessel, { ...c });
    else if (c.funktion && !known.funktion) merged.set(c.schluessel, { ...c, telefon: c.telefon ?? known.telefon, email: c.email ?? known.email });
    else {
      known.telefon ??= c.telefon;
      known.email ??= c.email;
      known.funktion ??= c.funktion;
    }
  }

  for (const v of veranstaltungen)
    if (v.genauigkeit === 'monat' && v.datumAus === 'text')
      warn(v.quelle.zeile, `„${v.titel}“: nur der Monat ist angegeben (${v.beginn.slice(0, 7)}).`, 'event-month-only');
  for (const n of nichtKlassifiziert) warn(n.quelle.zeile, `Nicht klassifiziert: „${n.titel}“ – ${n.grund}`, 'not-classified');

  const publisher = lines.find((l) => /^Fachbereich \d+ – /.test(l.text))?.text ?? null;
  return {
    document: {
      kind: 'jahresrueckblick',
      titel: titleLine?.text ?? `Jahresrückblick ${year}`,
      jahr: year,
      herausgeber: publisher ? `Stadt Herne, ${publisher}` : null,
      vorwort,
      veranstaltungen,
      angebote,
      netzwerke,
      gremien,
      kontakte: [...merged.values()],
      nichtKlassifiziert,
      quelle: src(titleLine?.no ?? 1),
    },
    warnings,
  };
}

function isReviewSection(s: string): s is ReviewSection {
  return !['vorwort', 'kontakte', 'impressum'].includes(s);
}

const RHYTHM = /\b(wöchentlich|monatlich|quartalsweise|halbjährlich|jährlich)\b/;

function networkFromArticle(a: Article, text: string, file: string): JrNetzwerk {
  const name = a.title;
  const members = new Set<string>([KI]);
  for (const m of text.matchAll(/(?:kooperiert eng mit|In enger Kooperation mit)\s+(?:dem|der)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*)/gu)) members.add(partnerName(m[1]!));
  return {
    schluessel: `jr:nw:${slugify(name, 60)}`,
    name,
    kurzname: null,
    art: /arbeitskreis|\bAK\b/i.test(name) ? 'arbeitskreis' : 'netzwerk',
    beschreibung: text.split('\n').filter((t) => t.length > 60).join('\n\n'),
    status: 'aktiv',
    vorgaenger: null,
    seit: null,
    gegruendet: null,
    rhythmus: RHYTHM.exec(text)?.[1] ?? null,
    mitglieder: [...members],
    quelle: { datei: file, zeile: a.body[0]?.no ?? 1 },
  };
}

/** Networks and working groups the text defines ("Projektgruppe … (PGI)"), founds or renames. */
function networkMentions(body: Line[], file: string, existing: JrNetzwerk[]): JrNetzwerk[] {
  const result: JrNetzwerk[] = [];
  const byAbbreviation = new Map<string, JrNetzwerk>();
  const add = (n: Omit<JrNetzwerk, 'schluessel' | 'beschreibung' | 'status' | 'vorgaenger' | 'seit' | 'gegruendet' | 'rhythmus' | 'mitglieder'> & Partial<JrNetzwerk>) => {
    const key = `jr:nw:${slugify(n.name, 60)}`;
    if ([...existing, ...result].some((e) => e.schluessel === key)) return null;
    const network: JrNetzwerk = {
      schluessel: key,
      beschreibung: '',
      status: 'aktiv',
      vorgaenger: null,
      seit: null,
      gegruendet: null,
      rhythmus: null,
      mitglieder: [],
      ...n,
    };
    result.push(network);
    return network;
  };
  const sentenceAt = (l: Line, index: number) => sentences(l.text).find((s) => s.index <= index && index < s.index + s.text.length)?.text ?? l.text;
  for (const l of body) {
    for (const m of l.text.matchAll(/((?:Projektgruppe|Arbeitsgruppe|Arbeitskreis|Steuerungsgruppe)\s+\p{Lu}[^()\n]{3,80}?)\s*\(([A-ZÄÖÜ]{2,6})\)/gu)) {
      const n = add({ name: m[1]!.trim(), kurzname: m[2]!, art: 'arbeitskreis', quelle: { datei: file, zeile: l.no } });
      if (n) byAbbreviation.set(m[2]!, n);
    }
    for (const m of l.text.matchAll(/\b(Herner\s+\p{L}*[Nn]etzwerk)\s+([A-Z]{2,5})\b/gu)) {
      const n = add({ name: m[1]!, kurzname: m[2]!, art: 'netzwerk', beschreibung: sentenceAt(l, m.index!).trim(), quelle: { datei: file, zeile: l.no } });
      if (n) byAbbreviation.set(m[2]!, n);
    }
    for (const m of l.text.matchAll(/\b(Lenkungskreis(?:\s+\p{Lu}[\p{L}-]+){1,3})\s+\p{Ll}/gu)) {
      const text = l.text;
      add({
        name: m[1]!,
        kurzname: null,
        art: 'gremium',
        beschreibung: sentenceAt(l, m.index!).trim(),
        rhythmus: /(\p{L}+)\s+tagende/u.exec(body.map((b) => b.text).join(' '))?.[1] ?? RHYTHM.exec(text)?.[1] ?? null,
        quelle: { datei: file, zeile: l.no },
      });
    }
    for (const m of l.text.matchAll(/ein\s+(\p{L}*[Nn]etzwerk\s+[^.]*?)\s+(?:in Herne\s+)?gegründet/gu)) {
      const sentence = sentenceAt(l, m.index!);
      add({
        name: m[1]!,
        kurzname: null,
        art: 'netzwerk',
        beschreibung: sentence.trim(),
        gegruendet: /\b(?:im Jahr\s+)?((?:19|20)\d{2})\b/.exec(sentence)?.[1] ?? null,
        quelle: { datei: file, zeile: l.no },
      });
    }
  }
  // Members named in a definition footnote: "Die PGI besteht aus Vertreter*innen der …".
  for (const l of body)
    for (const m of l.text.matchAll(/Die ([A-ZÄÖÜ]{2,6}) besteht aus (.+?)\./g)) {
      const n = byAbbreviation.get(m[1]!);
      if (!n || n.mitglieder.length) continue;
      n.beschreibung ||= m[0];
      n.mitglieder = splitNames(m[2]!.replace(/Vertreter\*?innen|Vertreterinnen|\baus\b/g, ' '))
        .map((s) => s.replace(/^(?:der|den|des|dem)\s+/, '').replace(/(rat)es$/, '$1').trim())
        .filter((s) => s.length > 3)
        .map(partnerName);
    }
  // Renamed: "Im Nov. 2023 hat sich die PGI in „AK Vielfalt – …“ umbenannt."
  for (const l of body)
    for (const m of l.text.matchAll(/(?:Im|Am|Seit)\s+([^,]*?\d{4})\s+hat sich (?:die|der|das)\s+(\S+)\s+in\s+„([^“]+)“\s+umbenannt/g)) {
      const predecessor = byAbbreviation.get(m[2]!) ?? result.find((r) => r.name === m[2]);
      if (!predecessor) continue;
      predecessor.status = 'umbenannt';
      const name = m[3]!.trim();
      const successor =
        result.find((r) => r.name === name) ??
        add({
          name,
          kurzname: name.split(/\s+[–-]\s+/)[0] ?? null,
          art: /^(?:AK|Arbeitskreis)\b/.test(name) ? 'arbeitskreis' : predecessor.art,
          beschreibung: `Fortsetzung der ${predecessor.name} (${predecessor.kurzname ?? predecessor.name}) unter neuem Namen.`,
          mitglieder: [...predecessor.mitglieder],
          quelle: { datei: file, zeile: l.no },
        });
      if (!successor) continue;
      successor.vorgaenger = predecessor.schluessel;
      successor.seit = m[1]!.trim();
    }
  return result;
}

function offerFromArticle(a: Article, text: string, file: string): JrAngebot {
  const paragraphs = text.split('\n').filter((t) => t.length > 60);
  const first = a.body.find((l) => l.text && !isNoise(l.text));
  const untertitel = first && isSubheading(first.text) ? first.text : null;
  const funding = sentences(text).find((s) => /gefördert|Förderprogramm|finanziert|Finanzierung|Landesförderung|Fördergelder/.test(s.text));
  const schedule = /jeden\s+\p{L}+\s+von\s+[\d.:]+\s+bis\s+[\d.:]+\s+Uhr/u.exec(text)?.[0] ?? /\b(wöchentlich|monatlich)\b/.exec(text)?.[1] ?? null;
  const partners = [
    ...listAfter(a.body, /Kooperationspartner/),
    ...organisersIn(text).partner,
  ].map(partnerName);
  return {
    schluessel: `jr:an:${slugify(a.title, 60)}`,
    titel: a.title,
    untertitel,
    beschreibung: paragraphs.join('\n\n'),
    sprachen: languagesIn(a.body, text),
    stadtteile: districtsIn(text),
    orte: listAfter(a.body, /Standort/),
    zeiten: schedule,
    foerderung: funding ? funding.text.trim() : null,
    zielgruppen: targetGroupsIn(paragraphs.slice(0, 2).join('\n')),
    partner: [...new Set(partners)].filter((p) => p !== KI),
    ansprechpersonen: [],
    quelle: { datei: file, zeile: a.body[0]?.no ?? 1 },
  };
}

function bodyFromArticle(a: Article, text: string, file: string): JrGremium {
  const sessions: JrGremium['sitzungen'] = [];
  for (const l of a.body) {
    const m = new RegExp(`^(\\d{2}/\\d{4}):\\s*\\p{L}+,\\s*(\\d{1,2})\\.\\s*(${MONTHS.join('|')})\\s+(\\d{4})`, 'u').exec(l.text);
    if (m) sessions.push({ datum: isoDate(Number(m[4]), monthNumber(m[3]!)!, Number(m[2])), bezeichnung: m[1]!, quelle: { datei: file, zeile: l.no } });
  }
  const chairs = new Set<string>();
  for (const l of a.body) {
    const m = /^[^,]+,\s*(?:stellv\.\s*)?Vorsitzende[r]?,\s*(.+)$/.exec(l.text);
    if (m) chairs.add(m[1]!.trim());
  }
  const description = text.split('\n').filter((t) => /Mitglied|Amtszeit|Gremium/.test(t));
  return {
    schluessel: `jr:gr:${slugify(a.title.replace(/ der Stadt Herne$/, ''), 60)}`,
    name: a.title,
    beschreibung: description.join('\n\n'),
    mitglieder: Number(/besteht aus (\d+) Mitgliedern/.exec(text)?.[1] ?? NaN) || null,
    amtszeit: /Amtszeit beträgt (\d+ Jahre)/.exec(text)?.[1] ?? null,
    vorsitzOrganisationen: [...chairs],
    sitzungen: sessions,
    quelle: { datei: file, zeile: a.body[0]?.no ?? 1 },
  };
}

/** The staff list "Ansprechpersonen im Fachbereich 34": unit headings, then name, function, phone. */
function staffContacts(a: Article, file: string): JrKontakt[] {
  const result: JrKontakt[] = [];
  let unit = a.title.replace(/^Ansprechpersonen im /, '');
  let current: JrKontakt | null = null;
  let fn: string[] = [];
  const finish = () => {
    if (current) current.funktion = fn.join(' ').replace(/\s*\|\s*$/, '').replace(/\s+/g, ' ').trim() || null;
    current = null;
    fn = [];
  };
  for (const l of a.body) {
    const t = l.text;
    if (!t) continue;
    if (/^MEHR INFOS|^Jahresrückblick \d{4}$/.test(t)) break;
    const unitHeading = /^(\d{2}\/\S+)(?:\s+(.*))?$/.exec(t);
    if (unitHeading && !/\d{4}/.test(t.slice(3))) {
      finish();
      unit = [unitHeading[1], unitHeading[2]].filter(Boolean).join(' ');
      continue;
    }
    const phone = /^(?:Telefon:\s*)?(0\d{3,4}\/[\d -]+\d)$/.exec(t);
    if (phone && current) {
      (current as JrKontakt).telefon = phone[1]!;
      finish();
      continue;
    }
    if (!current && (t === 'N. N.' || PERSON_NAME.test(t))) {
      if (t === 'N. N.') {
        current = null;
        fn = [];
        // A vacant post: its function line and phone follow; nothing to import.
        current = { schluessel: '', einheit: unit, funktion: null, art: 'anlaufstelle', name: null, telefon: null, email: null, quelle: { datei: file, zeile: l.no } };
        continue;
      }
      current = { schluessel: contactKey(t), einheit: `Fachbereich 34 – ${unit}`, funktion: null, art: 'person', name: t, telefon: null, email: null, quelle: { datei: file, zeile: l.no } };
      result.push(current);
      continue;
    }
    if (current) fn.push(t);
  }
  finish();
  return result.filter((c) => c.schluessel);
}
