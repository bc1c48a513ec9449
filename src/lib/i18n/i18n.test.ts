import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE_NAMES } from './catalogues';
import {
  createTranslator,
  DEFAULT_LOCALE,
  dirOf,
  formatDate,
  isoDate,
  LOCALES,
  MESSAGES,
  PLURAL_SUFFIXES,
  resolveLocale,
  type MessageKey,
} from './index';

function flatten(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key}`]
      : flatten(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

const pluralPattern = new RegExp(`_(${PLURAL_SUFFIXES.join('|')})$`);
const base = (key: string) => key.replace(pluralPattern, '');

const deKeys = flatten(MESSAGES.de);
const deBases = new Set(deKeys.map(base));

describe('message catalogues', () => {
  it('has a catalogue for every locale', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(LOCALES.map((l) => l.code).sort());
  });

  // Issue 14: every interface language is complete — a key added in German without its ten
  // translations fails here (plural keys need exactly the language's own CLDR categories).
  for (const { code } of LOCALES.filter((l) => l.code !== 'de')) {
    it(`${code} has every key of German`, () => {
      const own = new Set(flatten(MESSAGES[code]));
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const missing = [...deBases].flatMap((b) => {
        const plural = deKeys.some((k) => k !== b && base(k) === b);
        return plural ? categories.map((c) => `${b}_${c}`).filter((k) => !own.has(k)) : own.has(b) ? [] : [b];
      });
      expect(missing, `${code}: ${missing.length} keys missing (node scripts/i18n-check.mjs ${code})`).toEqual([]);
    });
  }

  it('lists every message file in catalogues.ts (node scripts/i18n-catalogues.mjs)', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');
    expect([...CATALOGUE_FILE_NAMES].sort()).toEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort());
  });

  it('machine-drafted files are marked for review, and the mark is no message', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');
    const drafted = fs.readdirSync(dir).filter((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))._meta?.machineDrafted === true);
    expect(drafted.length).toBeGreaterThan(0);
    for (const { code } of LOCALES) expect(Object.keys(MESSAGES[code])).not.toContain('_meta');
  });

  for (const { code } of LOCALES) {
    it(`${code}.json has no keys unknown to de.json and only its own plural forms`, () => {
      const categories = new Set(new Intl.PluralRules(code).resolvedOptions().pluralCategories);
      for (const key of flatten(MESSAGES[code])) {
        expect(deBases.has(base(key)), `unknown key ${key}`).toBe(true);
        const suffix = pluralPattern.exec(key)?.[1];
        if (suffix) expect(categories.has(suffix as Intl.LDMLPluralRule), `${code} has no plural "${suffix}" (${key})`).toBe(true);
      }
    });

    it(`${code}.json has no empty strings and keeps the placeholders`, () => {
      const de = new Map(flatten(MESSAGES.de).map((k) => [k, lookup(MESSAGES.de, k)]));
      for (const key of flatten(MESSAGES[code])) {
        const value = lookup(MESSAGES[code], key);
        expect(value.trim(), key).not.toBe('');
        const source = de.get(key) ?? de.get(`${base(key)}_other`) ?? '';
        for (const placeholder of source.match(/\{\{\w+\}\}/g) ?? []) {
          if (placeholder === '{{count}}') continue; // e.g. Arabic "one"/"two" spell the number out
          expect(value, `${code}:${key} lacks ${placeholder}`).toContain(placeholder);
        }
      }
    });
  }
});

function lookup(tree: Record<string, unknown>, key: string): string {
  let node: unknown = tree;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node);
}

describe('resolveLocale', () => {
  const none = { query: null, cookie: undefined, acceptLanguage: null };

  it('defaults to German', () => {
    expect(resolveLocale(none)).toBe('de');
    expect(DEFAULT_LOCALE).toBe('de');
  });

  it('query wins over cookie and Accept-Language', () => {
    expect(resolveLocale({ query: 'ar', cookie: 'en', acceptLanguage: 'tr' })).toBe('ar');
  });

  it('cookie wins over Accept-Language', () => {
    expect(resolveLocale({ query: null, cookie: 'uk', acceptLanguage: 'en-GB,en;q=0.9' })).toBe('uk');
  });

  it('unsupported query or cookie falls through to the next source', () => {
    expect(resolveLocale({ query: 'sv', cookie: 'xx', acceptLanguage: 'tr-TR' })).toBe('tr');
    expect(resolveLocale({ query: '', cookie: '', acceptLanguage: null })).toBe('de');
  });

  it('Accept-Language honours weights, regions and q=0', () => {
    expect(resolveLocale({ ...none, acceptLanguage: 'sv-SE,sv;q=0.9,en-US;q=0.8,de;q=0.7' })).toBe('en');
    expect(resolveLocale({ ...none, acceptLanguage: 'fr-FR,fr;q=0.9,en-US;q=0.8' })).toBe('fr');
    expect(resolveLocale({ ...none, acceptLanguage: 'de;q=0.5, uk;q=0.8' })).toBe('uk');
    expect(resolveLocale({ ...none, acceptLanguage: 'en;q=0, ar' })).toBe('ar');
    expect(resolveLocale({ ...none, acceptLanguage: 'sv, *;q=0.1' })).toBe('de');
  });

  it('accepts case and region variants', () => {
    expect(resolveLocale({ ...none, query: 'EN-us' })).toBe('en');
  });
});

describe('translator', () => {
  it('translates and interpolates', () => {
    expect(createTranslator('de')('nav.home')).toBe('Startseite');
    expect(createTranslator('en')('nav.home')).toBe('Home');
    expect(createTranslator('de')('error.status', { status: 404 })).toBe('Fehler 404');
  });

  it('does not HTML-escape (Svelte escapes on output)', () => {
    expect(createTranslator('de')('catalogue.measuresOf', { title: 'Bildung & Sprache' })).toBe(
      'Maßnahmen zu „Bildung & Sprache“',
    );
  });

  it('chooses plural forms', () => {
    const de = createTranslator('de');
    expect(de('catalogue.measures', { count: 1 })).toBe('1 Maßnahme');
    expect(de('catalogue.measures', { count: 0 })).toBe('0 Maßnahmen');
    expect(de('catalogue.measures', { count: 12 })).toBe('12 Maßnahmen');
    expect(createTranslator('en')('catalogue.gaps', { count: 1 })).toBe('1 gap');
    const uk = createTranslator('uk');
    expect(uk('catalogue.measures', { count: 1 })).toBe('1 захід');
    expect(uk('catalogue.measures', { count: 3 })).toBe('3 заходи');
    expect(uk('catalogue.measures', { count: 5 })).toBe('5 заходів');
    const ar = createTranslator('ar');
    expect(ar('catalogue.measures', { count: 2 })).toBe('إجراءان');
    expect(ar('catalogue.measures', { count: 3 })).toBe('3 إجراءات');
  });


  it('treats unknown locales as German', () => {
    expect(createTranslator('sv')('nav.home')).toBe('Startseite');
  });

  it('rejects unknown keys at compile time', () => {
    const t = createTranslator('de');
    // @ts-expect-error: not a key of de.json
    expect(t('nav.hoem')).toBe('nav.hoem');
    const key: MessageKey = 'measure.gapText';
    expect(t(key)).toBe('keine explizite Maßnahme formuliert');
  });
});

describe('direction and dates', () => {
  it('knows the writing direction', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('fa')).toBe('rtl');
    expect(dirOf('de')).toBe('ltr');
    expect(dirOf('xx')).toBe('ltr');
  });

  it('formats "Stand" dates in the city time zone', () => {
    expect(formatDate('2024-08-15T10:00:00Z', 'de')).toBe('15. August 2024');
    expect(formatDate('2024-08-15T10:00:00Z', 'en')).toBe('15 August 2024');
    // 23:30 UTC on 31 Dec is already 1 Jan in Herne.
    expect(formatDate('2024-12-31T23:30:00Z', 'de')).toBe('1. Januar 2025');
    expect(isoDate('2024-12-31T23:30:00Z')).toBe('2025-01-01');
    expect(formatDate(null, 'de')).toBe('');
    expect(formatDate('not a date', 'de')).toBe('');
  });
});
