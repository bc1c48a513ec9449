/**
 * Interface texts: German source catalogue, English complete, Turkish/Ukrainian/Arabic started.
 * Document content (measures, catalogue texts) is German and is not translated here; mark it
 * with `lang={CONTENT_LANG}` where it appears inside translated chrome.
 */
export {
  LOCALES,
  DEFAULT_LOCALE,
  LOCALE_PARAM,
  LOCALE_COOKIE,
  type Locale,
  type Dir,
  isLocale,
  matchLocale,
  asLocale,
  dirOf,
  fromAcceptLanguage,
  resolveLocale,
} from './locales';
export { createTranslator, MESSAGES, PLURAL_SUFFIXES, type MessageKey, type MessageParams, type Translate } from './translator';
export { formatDate, formatDateShort, formatMonth, formatNumber, isoDate, TIME_ZONE } from './format';
export { around } from './around';
export { setI18n, useI18n, type I18n } from './context';

/** Language of the catalogues' own content. */
export const CONTENT_LANG = 'de';
