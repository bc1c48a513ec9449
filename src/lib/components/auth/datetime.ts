/** Date and time in the city's time zone for back-office tables ("23.11.2026, 10:15"). */
import { TIME_ZONE } from '$lib/i18n';

const cache = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (value == null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const tag = locale === 'en' ? 'en-GB' : locale === 'ar' ? 'ar-u-nu-latn' : locale;
  let f = cache.get(tag);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    cache.set(tag, f);
  }
  return f.format(date);
}
