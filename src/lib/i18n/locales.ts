/**
 * The interface languages, their writing direction, and how a request picks one.
 * Pure module (no Svelte, no i18next) so hooks and tests can import it cheaply.
 */

export const LOCALES = [
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'fa', name: 'فارسی', dir: 'rtl' },
  { code: 'ro', name: 'Română', dir: 'ltr' },
  { code: 'bg', name: 'Български', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  // Russian ('ru') follows once its back-office catalogue (ru.admin.json) is written: its public
  // and area files are in locales/, and content can already be translated into Russian.
] as const satisfies readonly { code: string; name: string; dir: 'ltr' | 'rtl' }[];

export type Locale = (typeof LOCALES)[number]['code'];
export type Dir = 'ltr' | 'rtl';

export const DEFAULT_LOCALE: Locale = 'de';

/** Name of the query parameter and of the cookie that carry an explicit choice. */
export const LOCALE_PARAM = 'lang';
export const LOCALE_COOKIE = 'lang';

const CODES: ReadonlySet<string> = new Set(LOCALES.map((l) => l.code));

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && CODES.has(value);
}

/** Maps "en-GB", "EN", " uk " to a supported locale, or null. */
export function matchLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const tag = value.trim().toLowerCase();
  if (isLocale(tag)) return tag;
  const primary = tag.split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

/** A supported locale, or German. */
export function asLocale(value: string | null | undefined): Locale {
  return matchLocale(value) ?? DEFAULT_LOCALE;
}

export function dirOf(locale: string): Dir {
  return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
}

/**
 * Accept-Language header → supported locale with the highest weight (ties: header order).
 * "q=0" means "not acceptable" and is skipped; malformed weights count as 1.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const parsed = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(parsed) ? parsed : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = matchLocale(entry.tag);
    if (locale) return locale;
  }
  return null;
}

/**
 * Which interface language a request gets: `?lang=` wins, then the `lang` cookie, then
 * Accept-Language, then German. Unsupported values at any step fall through to the next.
 */
export function resolveLocale({
  query,
  cookie,
  acceptLanguage,
}: {
  query: string | null;
  cookie: string | undefined;
  acceptLanguage: string | null;
}): Locale {
  return matchLocale(query) ?? matchLocale(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
