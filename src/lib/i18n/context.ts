/**
 * Svelte glue: the root layout calls `setI18n(() => data.locale)` once; every component calls
 * `useI18n()`. `t` is a stable function that reads the current locale on each call, so text
 * re-renders when the layout's locale changes (client-side navigation after a switch).
 */
import { getContext, hasContext, setContext } from 'svelte';
import { asLocale, dirOf, DEFAULT_LOCALE, type Dir, type Locale } from './locales';
import { createTranslator, type Translate } from './translator';

export interface I18n {
  /** Translate a catalogue key in the current locale. */
  readonly t: Translate;
  /** Current locale (a getter: read `i18n.locale` where reactivity matters). */
  readonly locale: Locale;
  /** Writing direction of the current locale. */
  readonly dir: Dir;
}

const KEY = Symbol('vielfalt:i18n');

function makeI18n(get: () => string): I18n {
  const current = () => asLocale(get());
  return {
    t: (key, params) => createTranslator(current())(key, params),
    get locale() {
      return current();
    },
    get dir() {
      return dirOf(current());
    },
  };
}

/** Put the translator into context. Pass a getter (`() => data.locale`) to stay reactive. */
export function setI18n(locale: string | (() => string)): I18n {
  const i18n = makeI18n(typeof locale === 'function' ? locale : () => locale);
  setContext(KEY, i18n);
  return i18n;
}

const fallback = makeI18n(() => DEFAULT_LOCALE);

/** `{ t, locale, dir }` from the nearest `setI18n`; German when none (e.g. isolated tests). */
export function useI18n(): I18n {
  return hasContext(KEY) ? getContext<I18n>(KEY) : fallback;
}
