/**
 * Locale-aware formatting of dates. Always in the city's time zone, so server and browser
 * render the same day (no hydration mismatch around midnight).
 */
import { asLocale } from './locales';

export const TIME_ZONE = 'Europe/Berlin';

/**
 * BCP 47 tags for formatting: British English (day before month, as in Germany); Arabic with
 * Latin digits, matching the numbers in Herne's documents (dates, measure numbers).
 */
const FORMAT_TAGS: Record<string, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: 'long' | 'medium'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = cache.get(key);
  if (!f) {
    const tag = FORMAT_TAGS[locale] ?? locale;
    f = new Intl.DateTimeFormat(tag, { dateStyle: style, timeZone: TIME_ZONE });
    cache.set(key, f);
  }
  return f;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "23. November 2025" (de), "23 November 2025" (en) …; '' for missing or invalid input. */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  const date = toDate(value);
  return date ? formatter(asLocale(locale), 'long').format(date) : '';
}

/** "23.11.2025" (de) …; '' for missing or invalid input. */
export function formatDateShort(value: string | Date | null | undefined, locale: string): string {
  const date = toDate(value);
  return date ? formatter(asLocale(locale), 'medium').format(date) : '';
}

/** Machine-readable value for `<time datetime>`: the date part in the city's time zone. */
export function isoDate(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "1.234" (de), "1,234" (en) …: counts in charts and tables. */
export function formatNumber(value: number, locale: string): string {
  const code = asLocale(locale);
  let f = numberFormats.get(code);
  if (!f) {
    f = new Intl.NumberFormat(FORMAT_TAGS[code] ?? code, { maximumFractionDigits: 0 });
    numberFormats.set(code, f);
  }
  return f.format(value);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar month "YYYY-MM" as "Dez. 2026" (de), "Dec 2026" (en) …; '' for invalid input. */
export function formatMonth(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return '';
  const code = asLocale(locale);
  let f = monthFormats.get(code);
  if (!f) {
    f = new Intl.DateTimeFormat(FORMAT_TAGS[code] ?? code, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(code, f);
  }
  return f.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)));
}
