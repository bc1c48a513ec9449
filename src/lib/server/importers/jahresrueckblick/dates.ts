/**
 * German date mentions in running text of the annual review, as ISO 8601 dates. Pure.
 *
 * Recognised: "08.03.2023", "16. März 2023", "Mittwoch, den 25. Oktober 2023", "am 17. und 18.
 * Juni" (year implied by the review), "zwischen dem 26. Juni und dem 07. Juli 2023", "im November
 * 2023" / "im Dezember" (month only), "Zeitraum Oktober 2023 bis Juni 2024" (months). Dates of a
 * press release attribution, and dates after "seit", "ab (dem)" or "bis" (a start of something
 * lasting, not an event) are not event dates; a sentence holding such a date gives no dates at all.
 */

export const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const MONTH_RE = MONTHS.join('|');
const ABBREVIATED: Record<string, number> = { 'jan.': 1, 'feb.': 2, 'mär.': 3, 'apr.': 4, 'aug.': 8, 'sep.': 9, 'sept.': 9, 'okt.': 10, 'nov.': 11, 'dez.': 12 };

export function monthNumber(name: string): number | null {
  const i = MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase());
  if (i >= 0) return i + 1;
  return ABBREVIATED[name.toLowerCase()] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export interface DateMention {
  start: string;
  end: string | null;
  /** "tag": the day is known; "monat": only the month (start is the 1st, end the last day). */
  precision: 'tag' | 'monat';
  /** Offset in the text, for ordering and for the sentence around it. */
  index: number;
  printed: string;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A press release line: "(Pressemeldung der Stadt Herne vom 09. März 2023)". */
export const PRESS_RELEASE = new RegExp(
  `\\(?Presse(?:meldung|mitteilung)[^()]*?vom\\s+(\\d{1,2})\\.\\s*(${MONTH_RE})\\s+(\\d{4})\\)?`,
  'g',
);

/**
 * Splits running text into sentences. A period after one or two digits ("03. November") or after
 * a short word ("Dr.", "St.", "e.V.", "Nov.") does not end a sentence; a line break does.
 */
export function sentences(text: string): { text: string; index: number }[] {
  const result: { text: string; index: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) result.push({ text: text.slice(start, end), index: start });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') push(i + 1);
    else if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      const before = text.slice(Math.max(start, i - 6), i);
      if (ch === '.' && (/(?:^|[^\d])\d{1,2}$/.test(before) || /(?:^|[\s(])[\p{L}.]{1,4}$/u.test(before))) continue;
      push(i + 1);
    }
  }
  push(text.length);
  return result;
}

const NOT_AN_EVENT_BEFORE = /(?:\bseit(?:\s+dem)?|\bab(?:\s+dem)?|\bbis(?:\s+zum)?|\bendet(?:\s+im)?|\bentstand\s+am|\baufgenommen\s+am|\bhat\s+am)\s+(?:\p{L}+,?\s+)?(?:den\s+)?$/iu;

/** All event date mentions of a text; `year` completes dates printed without one. */
export function findDates(text: string, year: number): DateMention[] {
  const cleaned = text.replace(PRESS_RELEASE, (m) => ' '.repeat(m.length));
  const found: DateMention[] = [];
  for (const sentence of sentences(cleaned)) {
    const mentions: DateMention[] = [];
    const taken: [number, number][] = [];
    const free = (a: number, b: number) => taken.every(([s, e]) => b <= s || a >= e);
    const s = sentence.text;
    const add = (m: RegExpMatchArray, mention: Omit<DateMention, 'index' | 'printed'>) => {
      const a = m.index!;
      const b = a + m[0].length;
      if (!free(a, b)) return;
      taken.push([a, b]);
      mentions.push({ ...mention, index: sentence.index + a, printed: m[0].trim() });
    };
    let excluded = false;
    const check = (m: RegExpMatchArray) => {
      if (NOT_AN_EVENT_BEFORE.test(s.slice(0, m.index))) {
        excluded = true;
        return false;
      }
      return true;
    };
    // zwischen dem 26. Juni und dem 07. Juli 2023
    for (const m of s.matchAll(new RegExp(`zwischen dem (\\d{1,2})\\.\\s*(${MONTH_RE})\\s+und dem (\\d{1,2})\\.\\s*(${MONTH_RE})\\s+(\\d{4})`, 'g'))) {
      const y = Number(m[5]);
      const [d1, m1, d2, m2] = [Number(m[1]), monthNumber(m[2]!)!, Number(m[3]), monthNumber(m[4]!)!];
      if (validDate(y, m1, d1) && validDate(y, m2, d2)) add(m, { start: isoDate(y, m1, d1), end: isoDate(y, m2, d2), precision: 'tag' });
    }
    // 17. und 18. Juni (2023)
    for (const m of s.matchAll(new RegExp(`(\\d{1,2})\\.\\s*(?:und|bis|-|–)\\s*(\\d{1,2})\\.\\s*(${MONTH_RE})(?:\\s+(\\d{4}))?`, 'g'))) {
      if (!check(m)) continue;
      const y = m[4] ? Number(m[4]) : year;
      const mo = monthNumber(m[3]!)!;
      const [d1, d2] = [Number(m[1]), Number(m[2])];
      if (validDate(y, mo, d1) && validDate(y, mo, d2)) add(m, { start: isoDate(y, mo, d1), end: isoDate(y, mo, d2), precision: 'tag' });
    }
    // 16. März 2023 / 13. Juni
    for (const m of s.matchAll(new RegExp(`(\\d{1,2})\\.\\s*(${MONTH_RE})(?:\\s+(\\d{4}))?`, 'g'))) {
      if (!check(m)) continue;
      const y = m[3] ? Number(m[3]) : year;
      const mo = monthNumber(m[2]!)!;
      const d = Number(m[1]);
      if (validDate(y, mo, d)) add(m, { start: isoDate(y, mo, d), end: null, precision: 'tag' });
    }
    // 08.03.2023
    for (const m of s.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g)) {
      if (!check(m)) continue;
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (validDate(y, mo, d)) add(m, { start: isoDate(y, mo, d), end: null, precision: 'tag' });
    }
    // Zeitraum Oktober 2023 bis Juni 2024
    for (const m of s.matchAll(new RegExp(`(?:Zeitraum|von)\\s+(${MONTH_RE})\\s+(\\d{4})\\s+bis\\s+(${MONTH_RE})\\s+(\\d{4})`, 'g'))) {
      const [m1, y1, m2, y2] = [monthNumber(m[1]!)!, Number(m[2]), monthNumber(m[3]!)!, Number(m[4])];
      add(m, { start: isoDate(y1, m1, 1), end: isoDate(y2, m2, lastDay(y2, m2)), precision: 'monat' });
    }
    // im November 2023 / im Dezember
    for (const m of s.matchAll(new RegExp(`\\bim\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?\\b`, 'g'))) {
      if (!check(m)) continue;
      const y = m[2] ? Number(m[2]) : year;
      const mo = monthNumber(m[1]!)!;
      add(m, { start: isoDate(y, mo, 1), end: isoDate(y, mo, lastDay(y, mo)), precision: 'monat' });
    }
    if (!excluded) found.push(...mentions);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first press release date of a text, as ISO date. */
export function pressReleaseDate(text: string): string | null {
  const m = new RegExp(PRESS_RELEASE.source).exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), monthNumber(m[2]!)!, Number(m[3])];
  return validDate(y, mo, d) ? isoDate(y, mo, d) : null;
}

/** "10:00 - 15:00 Uhr" / "von 10.00 bis 12.00 Uhr". */
export function findTimeRange(text: string): { from: string; to: string | null } | null {
  const m = /(\d{1,2})[:.](\d{2})\s*(?:-|–|bis)\s*(\d{1,2})[:.](\d{2})\s*Uhr/.exec(text);
  if (m) return { from: `${pad(Number(m[1]))}:${m[2]}`, to: `${pad(Number(m[3]))}:${m[4]}` };
  const single = /(\d{1,2})[:.](\d{2})\s*Uhr/.exec(text);
  return single ? { from: `${pad(Number(single[1]))}:${single[2]}`, to: null } : null;
}
