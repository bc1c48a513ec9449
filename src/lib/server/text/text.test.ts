import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug';
import { canonicalJson, hashValue } from './hash';

describe('slugify', () => {
  it('transliterates umlauts and ß and joins words with dashes', () => {
    expect(slugify('Maßnahme 3.2: Förderung für Kinder')).toBe('massnahme-3-2-foerderung-fuer-kinder');
    expect(slugify('  Ärzte – Überblick  ')).toBe('aerzte-ueberblick');
  });
  it('cuts long text at a word boundary', () => {
    const slug = slugify('Die Kammern werben ihrem gesetzlichen Auftrag gemäß für die Bereitstellung von Plätzen', 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('die-kammern-werben-ihrem-gesetzlichen');
  });
  it('never returns an empty slug', () => {
    expect(slugify('—')).toBe('eintrag');
  });
  it('numbers repeated slugs', () => {
    const taken = new Set<string>();
    expect([uniqueSlug('a', taken), uniqueSlug('a', taken), uniqueSlug('a', taken)]).toEqual(['a', 'a-2', 'a-3']);
  });
});

describe('canonical hashing', () => {
  it('ignores key order but not values', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(hashValue({ a: 1, b: 2 })).toBe(hashValue({ b: 2, a: 1 }));
    expect(hashValue({ a: 1 })).not.toBe(hashValue({ a: 2 }));
  });
});
