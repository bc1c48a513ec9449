/**
 * Splits the printed actor lists of the report ("Beteiligte", responsible actors) into single
 * actors and maps spelling variants, inflections and abbreviations to one canonical name.
 *
 * - Lists are split on commas and semicolons outside parentheses and quotes; "und"/"sowie" only
 *   split where both sides are known actors (so "Industrie- und Handelskammer" stays whole).
 * - "Fachbereich 31 (Bildungsbüro, Kommunales Integrationszentrum)" names units of a department:
 *   it becomes one actor per unit. Other parentheses with a list name members
 *   ("Soforthilfe Herne (Caritasverband Herne e.V., St. Elisabeth Gruppe)"): head and members.
 * - Unknown names pass through, cleaned, with `bekannt: false`.
 */
import { AKTEUR_ALIASE, type AkteurAlias } from './actor-aliases';

export interface AkteurTreffer {
  /** Canonical name (or the cleaned wording when unknown). */
  name: string;
  /** Wording as printed (cleaned of markup). */
  wording: string;
  bekannt: boolean;
}

interface Matcher {
  eintrag: AkteurAlias;
  /** Anchored, case-insensitive: whole list item. */
  ganz: RegExp;
  /** Unanchored, for running text; null for whole-only aliases. */
  suche: RegExp | null;
}

const L = '\\p{L}\\p{N}';

function aliasSource(alias: string | RegExp): string {
  if (alias instanceof RegExp) return alias.source;
  return alias
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

function isShortAbbreviation(alias: string | RegExp): boolean {
  return typeof alias === 'string' && alias.length <= 4;
}

const MATCHERS: Matcher[] = AKTEUR_ALIASE.flatMap((eintrag) => {
  const make = (alias: string | RegExp, searchable: boolean): Matcher => {
    const src = aliasSource(alias);
    const abbreviation = isShortAbbreviation(alias);
    // Regex aliases spell their case variants out; plain phrases ignore case in running text.
    const searchFlags = abbreviation || alias instanceof RegExp ? 'gu' : 'giu';
    return {
      eintrag,
      ganz: new RegExp(`^(?:${src})$`, abbreviation ? 'u' : 'iu'),
      suche: searchable ? new RegExp(`(?<![${L}])(?:${src})(?![${L}])`, searchFlags) : null,
    };
  };
  return [...eintrag.aliases.map((a) => make(a, true)), ...(eintrag.nurGanz ?? []).map((a) => make(a, false))];
});

/** Removes markdown/HTML markup and escapes from an actor wording and tidies whitespace. */
export function cleanActorText(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\([*_\\])/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Lower case only: "Eine Welt Zentrum" is a name.
const ARTICLE = /^(?:der|die|das|dem|den|des|ein|eine|einem|einer|eines)\s+/;

function tidyPart(part: string): string {
  let p = part.trim();
  for (let i = 0; i < 3; i++) {
    const before = p;
    p = p
      .replace(ARTICLE, '')
      .replace(/^[-•–]\s*/, '')
      .replace(/[\s,;:]+$/, '')
      // A final full stop, but not the one of "e.V." or an initial.
      .replace(/(?<!\be\.\s?V|\b\p{L})\.$/u, '')
      .trim();
    if (p === before) break;
  }
  // A stray closing parenthesis without an opening one ("Arbeiterwohlfahrt AWO)").
  if (p.endsWith(')') && !p.includes('(')) p = p.slice(0, -1).trim();
  return p;
}

/** The canonical actor for a whole wording, or null. */
export function canonicalActor(wording: string): AkteurAlias | null {
  const p = tidyPart(cleanActorText(wording));
  if (!p) return null;
  for (const m of MATCHERS) if (m.ganz.test(p)) return m.eintrag;
  // "Eine Welt Zentrum EWZ)", "Foo (ABC)": try without a trailing abbreviation.
  const bare = p.replace(/\s*\(?\b[A-Za-zÄÖÜäöü]{2,5}\)$/, '').trim();
  if (bare && bare !== p) for (const m of MATCHERS) if (m.ganz.test(bare)) return m.eintrag;
  return null;
}

/** Splits at top-level separators, outside parentheses and „…“ quotes. */
function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '„') quote++;
    else if (c === '“' && quote > 0) quote--;
    if (depth === 0 && quote === 0 && separators.test(c)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Positions of " und " / " sowie " outside parentheses, not after a hyphen ("Ausländer- und"). */
function conjunctionPositions(text: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  const re = /\s+(?:und|sowie)\s+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(0, m.index);
    const open = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
    if (open > 0) continue;
    if (/-$/.test(before)) continue;
    result.push({ start: m.index, end: m.index + m[0].length });
  }
  return result;
}

const FB_UNITS = /^(?:Fachbereich(?:e?s)?|FB)\s*\d+(?:\/\d+(?:\.\d+)?)?\s*\(([^()]*)\)?$/i;
const FB_NAMED = /^(?:Fachbereich(?:e?s)?|FB)\s*\d+(?:\/\d+(?:\.\d+)?)?\s+(.+)$/i;

function known(wording: string): AkteurTreffer[] | null {
  const hit = canonicalActor(wording);
  return hit ? [{ name: hit.name, wording: tidyPart(wording), bekannt: true }] : null;
}

function resolvePart(raw: string): AkteurTreffer[] {
  let p = tidyPart(raw);
  if (!p) return [];
  // "Sprachkursträger: Bobeq" – a label before a colon introduces the list.
  const label = p.match(/^([^():„]{2,40}):\s+(.+)$/);
  if (label?.[2] && !canonicalActor(p)) p = tidyPart(label[2]);

  const whole = known(p);
  if (whole) return whole;

  // Units of a department.
  const units = p.match(FB_UNITS);
  if (units && p.includes('(')) {
    const inner = units[1] ?? '';
    return splitTopLevel(inner, /[,;]/)
      .map((u) => u.replace(/^\d+\s+/, '').trim())
      .filter((u) => u && !/^hier\b/i.test(u))
      .flatMap((u) => known(u) ?? [{ name: tidyPart(u), wording: tidyPart(u), bekannt: false }]);
  }
  const named = p.match(FB_NAMED);
  if (named) {
    const rest = named[1] ?? '';
    const hit = known(`Fachbereich ${rest}`) ?? known(rest);
    if (hit) return hit.map((h) => ({ ...h, wording: p }));
  }

  // Head with a parenthesised member list.
  const paren = p.match(/^([^()]+?)\s*\(([^()]*,[^()]*)\)?$/);
  if (paren) {
    const head = resolvePart(paren[1] ?? '');
    const members = splitTopLevel(paren[2] ?? '', /[,;]/).flatMap((m) => resolvePart(m));
    return [...head, ...members];
  }

  // "A und B" where both sides are known.
  for (const pos of conjunctionPositions(p)) {
    const left = p.slice(0, pos.start);
    const right = p.slice(pos.end);
    const l = resolvePart(left);
    const r = resolvePart(right);
    if (l.length && r.length && [...l, ...r].every((t) => t.bekannt)) return [...l, ...r];
  }

  return [{ name: p, wording: p, bekannt: false }];
}

function dedupe(list: AkteurTreffer[]): AkteurTreffer[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    if (seen.has(t.name)) return false;
    seen.add(t.name);
    return true;
  });
}

/**
 * Splits a printed actor list into actors with canonical names, in printed order, without
 * duplicates.
 */
export function splitActors(text: string): AkteurTreffer[] {
  let s = cleanActorText(text)
    .replace(/\s+in Kooperation mit:?\s+/g, ', ')
    .replace(/Kinder, Jugend und Familie/g, 'Kinder-Jugend-Familie');
  s = s.replace(/\s*[;]\s*/g, ', ');
  return dedupe(splitTopLevel(s, /[,;]/).flatMap(resolvePart));
}

/** Canonical names of a printed actor list. */
export function normalizeActors(text: string): string[] {
  return splitActors(text).map((t) => t.name);
}

/**
 * Known actors mentioned in running text ("Kulturbüro, Jugendförderung und Stadtsportbund
 * organisieren …"), longest match first, in order of appearance.
 */
export function findActors(text: string): AkteurTreffer[] {
  const s = cleanActorText(text);
  const hits: { start: number; end: number; eintrag: AkteurAlias; wording: string }[] = [];
  for (const m of MATCHERS) {
    if (!m.suche) continue;
    m.suche.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = m.suche.exec(s))) {
      if (!r[0]) {
        m.suche.lastIndex++;
        continue;
      }
      hits.push({ start: r.index, end: r.index + r[0].length, eintrag: m.eintrag, wording: r[0] });
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof hits = [];
  for (const h of hits) if (!taken.some((t) => h.start < t.end && t.start < h.end)) taken.push(h);
  taken.sort((a, b) => a.start - b.start);
  return dedupe(taken.map((t) => ({ name: t.eintrag.name, wording: t.wording, bekannt: true })));
}
