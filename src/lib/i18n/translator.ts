/**
 * Message catalogue and translator (i18next). German is the source and the fallback; a key
 * missing in another locale shows German. Plurals follow i18next's suffixes (`_one`, `_other`,
 * plus `_zero`/`_two`/`_few`/`_many` where the language has them) chosen by `Intl.PluralRules`.
 */
import i18next, { type i18n } from 'i18next';
import deCore from './locales/de.json';
import deAuth from './locales/de.auth.json';
import deAdmin from './locales/de.admin.json';
import deSuggest from './locales/de.suggest.json';
import deEditions from './locales/de.editions.json';
import deApi from './locales/de.api.json';
import deFeeds from './locales/de.feeds.json';
import deEvents from './locales/de.events.json';
import deTranslations from './locales/de.translations.json';
import deFunding from './locales/de.funding.json';
import deAccessibility from './locales/de.accessibility.json';
import enCore from './locales/en.json';
import enAuth from './locales/en.auth.json';
import enAdmin from './locales/en.admin.json';
import enSuggest from './locales/en.suggest.json';
import enEditions from './locales/en.editions.json';
import enApi from './locales/en.api.json';
import enFeeds from './locales/en.feeds.json';
import enEvents from './locales/en.events.json';
import enTranslations from './locales/en.translations.json';
import enFunding from './locales/en.funding.json';
import enAccessibility from './locales/en.accessibility.json';
import { CATALOGUE_FILES } from './catalogues';
import { DEFAULT_LOCALE, LOCALES, asLocale, type Locale } from './locales';

/**
 * Each language's catalogue is the core file plus one file per back-office area
 * (`<lang>.<area>.json`, each holding its own top-level namespace), so areas can grow
 * independently without editing one huge file.
 */
const de = { ...deCore, ...deAuth, ...deAdmin, ...deSuggest, ...deEditions, ...deApi, ...deFeeds, ...deEvents, ...deTranslations, ...deFunding, ...deAccessibility };
const en = { ...enCore, ...enAuth, ...enAdmin, ...enSuggest, ...enEditions, ...enApi, ...enFeeds, ...enEvents, ...enTranslations, ...enFunding, ...enAccessibility };

type Tree = { [key: string]: string | Tree };

/** Merges a language's files (each holds its own top-level namespaces; a namespace split over files merges too). */
function mergeTrees(parts: readonly object[]): Tree {
  const out: Tree = {};
  const into = (target: Tree, source: Tree) => {
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === 'string') target[key] = value;
      else into((target[key] = typeof target[key] === 'object' ? target[key] : {}) as Tree, value);
    }
  };
  for (const part of parts) into(out, part as Tree);
  // "_meta" says who drafted a file (machine or person), it is not a message.
  delete out._meta;
  return out;
}

/** Every interface language's catalogue; German and English typed from their files above. */
export const MESSAGES: Record<Locale, Record<string, unknown>> = Object.fromEntries(
  LOCALES.map(({ code }) => [
    code,
    code === 'de' ? de : code === 'en' ? en : mergeTrees((CATALOGUE_FILES as Record<string, readonly object[]>)[code] ?? []),
  ]),
) as Record<Locale, Record<string, unknown>>;

export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralSuffix = (typeof PLURAL_SUFFIXES)[number];

/** Dotted paths of all string leaves of a nested catalogue. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type StripPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every key of de.json, plural keys without their suffix: `t('catalogue.measures', { count })`. */
export type MessageKey = StripPlural<Leaves<typeof de>>;

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

let instance: i18n | null = null;

function catalogue(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES.map((l) => l.code),
    resources: Object.fromEntries(
      Object.entries(MESSAGES).map(([code, messages]) => [code, { translation: messages }]),
    ),
    // Svelte escapes on output; escaping here would double-encode "&" and quotes.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    // Resources are inline: initialise synchronously, usable right away in SSR.
    initAsync: false,
  });
  instance = created;
  return created;
}

const translators = new Map<Locale, Translate>();

/** A translator bound to one locale. Cheap to call repeatedly (cached per locale). */
export function createTranslator(locale: string): Translate {
  const code = asLocale(locale);
  const cached = translators.get(code);
  if (cached) return cached;
  const fixed = catalogue().getFixedT(code) as unknown as (key: string, options?: object) => string;
  const translate: Translate = (key, params) => fixed(key, params ?? {});
  translators.set(code, translate);
  return translate;
}
