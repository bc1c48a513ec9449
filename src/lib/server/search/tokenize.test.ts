import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normaliseQuery, tokenizeQuery } from './tokenize';

const texts = (q: string) => tokenizeQuery(q).map((t) => `${t.kind === 'number' ? '#' : ''}${t.text}${t.prefix ? '*' : ''}`);

describe('normaliseQuery', () => {
  it('collapses whitespace, simplifies typographic quotes and dashes, and composes umlauts (NFC)', () => {
    expect(normaliseQuery('  „Café O“ –  Bewerbung\n')).toBe('"Café O" - Bewerbung');
    expect(normaliseQuery('Fo\u0308rderung')).toBe('Förderung');
  });
  it('removes control characters and cuts overlong input', () => {
    expect(normaliseQuery('a\u0000b\u0007c')).toBe('a b c');
    expect(normaliseQuery('x'.repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
    // Found by fuzzing: the cut split a surrogate pair, leaving half a character at the end.
    expect(normaliseQuery(`${'x'.repeat(MAX_QUERY_LENGTH - 1)}😀`)).toBe('x'.repeat(MAX_QUERY_LENGTH - 1));
  });
});

describe('tokenizeQuery', () => {
  it('lower-cases words and completes only the last one as a prefix', () => {
    expect(texts('Sprachkurs Frauen')).toEqual(['sprachkurs', 'frauen*']);
    expect(texts('Sprachkurs Frauen ')).toEqual(['sprachkurs', 'frauen']);
  });
  it('keeps numbers and codes whole', () => {
    expect(texts('3.2')).toEqual(['#3.2']);
    expect(texts('Maßnahme 4.1.2.')).toEqual(['maßnahme', '#4.1.2']);
    expect(texts('A1.3 Kita')).toEqual(['#a1.3', 'kita*']);
    expect(texts('A1')).toEqual(['#a1']);
  });
  it('drops gender suffixes and splits hyphenated words', () => {
    expect(texts('Schüler*innen')).toEqual(['schüler*']);
    expect(texts('Schüler:innen Lehrer/-innen Mitarbeiter(innen)')).toEqual(['schüler', 'lehrer', 'mitarbeiter*']);
    expect(texts('Sprach-Kita')).toEqual(['sprach', 'kita*']);
  });
  it('splits abbreviations with dots, ignores single letters and duplicates', () => {
    expect(texts('z.B. Kita u.a.')).toEqual(['kita']);
    expect(texts('Kita kita KITA')).toEqual(['kita*']);
  });
  it('returns no tokens for punctuation only', () => {
    expect(tokenizeQuery(' ?! „“ ')).toEqual([]);
  });
});
