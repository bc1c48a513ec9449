/**
 * The language of public pages lives in the URL (issue 14): `?lang=xx` on every link; German,
 * the default, has no parameter. The other scheme (`/en/…`) redirects to it, as does a page
 * requested without `?lang` by a reader whose remembered choice (the `lang` cookie) is another
 * language — so a rendered page's language always is its URL's. Pure functions; the hook
 * (hooks.server.ts) applies them, and rewrites the links of the rendered HTML.
 */
import { DEFAULT_LOCALE, isLocale, LOCALE_PARAM, type Locale } from '../../i18n/locales';

/** Back office, sign-in, API, assets, files: the language there is the interface's choice (cookie), not the URL's. */
const NOT_PUBLIC = /^\/(?:admin|api|konto|anmelden|abmelden|einladung|einrichtung|healthz|test-[a-z-]+|opendata|_app)(?:\/|$)/;

/** A public page path (no file extension in the last segment: downloads and feeds stay as they are). */
export function isPublicPagePath(pathname: string): boolean {
  if (NOT_PUBLIC.test(pathname)) return false;
  const last = pathname.split('/').pop() ?? '';
  return !/\.[a-z0-9]+$/i.test(last);
}

export type LanguageDecision =
  | { kind: 'render'; locale: Locale; remember: boolean }
  | { kind: 'redirect'; location: string; status: 301 | 303 | 308; remember: Locale | null };

function withLang(url: URL, locale: Locale | null): string {
  const next = new URL(url);
  if (locale && locale !== DEFAULT_LOCALE) next.searchParams.set(LOCALE_PARAM, locale);
  else next.searchParams.delete(LOCALE_PARAM);
  return `${next.pathname}${next.search}${next.hash}`;
}

/** What a public GET/HEAD request gets: the page in the URL's language, or a redirect to the canonical URL. */
export function decidePublicLanguage(url: URL, cookie: string | undefined): LanguageDecision {
  // /ar/kataloge/… → /kataloge/…?lang=ar
  const prefix = /^\/([a-z]{2})(\/.*)?$/.exec(url.pathname);
  if (prefix && isLocale(prefix[1])) {
    const rest = new URL(url);
    rest.pathname = prefix[2] || '/';
    return { kind: 'redirect', location: withLang(rest, prefix[1]), status: 308, remember: null };
  }
  const query = url.searchParams.get(LOCALE_PARAM);
  if (query !== null) {
    if (query === DEFAULT_LOCALE) return { kind: 'redirect', location: withLang(url, null), status: 303, remember: DEFAULT_LOCALE };
    if (isLocale(query)) return { kind: 'render', locale: query, remember: cookie !== query };
    // An unknown language: the German page at its canonical address.
    return { kind: 'redirect', location: withLang(url, null), status: 301, remember: null };
  }
  if (cookie && isLocale(cookie) && cookie !== DEFAULT_LOCALE) return { kind: 'redirect', location: withLang(url, cookie), status: 303, remember: null };
  return { kind: 'render', locale: DEFAULT_LOCALE, remember: false };
}

/** The same page in another language (switcher, hreflang alternates). */
export function languageHref(url: URL, locale: string): string {
  return withLang(url, isLocale(locale) ? locale : null);
}

/**
 * Adds `lang=xx` to the internal links and form targets of a rendered public page (public pages
 * ship no JavaScript, so the server's HTML is what the reader clicks). Links that already name a
 * language (the switcher, hreflang alternates) and non-public targets are left alone.
 */
export function localizeLinks(html: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return html;
  return html.replace(/\b(href|action)="(\/(?!\/)[^"]*)"/g, (whole, attribute: string, target: string) => {
    const hashAt = target.indexOf('#');
    const path = hashAt < 0 ? target : target.slice(0, hashAt);
    const hash = hashAt < 0 ? '' : target.slice(hashAt);
    const [pathname = '/', query = ''] = path.split('?');
    if (!isPublicPagePath(pathname)) return whole;
    if (/(^|&amp;|&)lang=/.test(query)) return whole;
    const joined = query ? `${pathname}?${query}&amp;${LOCALE_PARAM}=${locale}` : `${pathname}?${LOCALE_PARAM}=${locale}`;
    return `${attribute}="${joined}${hash}"`;
  });
}
