import { LOCALES, DEFAULT_LOCALE, dirOf } from '$lib/i18n';
import { isPublicPagePath, languageHref } from '$lib/server/web/language-url';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
  locale: locals.locale,
  dir: dirOf(locals.locale),
  locales: LOCALES.map(({ code, name }) => ({ code, name })),
  /** For the footer's "Anmelden" / "Redaktionsbereich" link. */
  signedIn: Boolean(locals.user),
  /** Public pages exist in every language at their own URL (?lang=xx): hreflang alternates, German as x-default. */
  alternates: isPublicPagePath(url.pathname)
    ? [
        ...LOCALES.map(({ code }) => ({ hreflang: code, href: `${url.origin}${languageHref(url, code)}` })),
        { hreflang: 'x-default', href: `${url.origin}${languageHref(url, DEFAULT_LOCALE)}` },
      ]
    : [],
});
