import { describe, expect, it } from 'vitest';
import type { ResolvedWord } from './lexicon';
import { tokenizeQuery } from './tokenize';
import { buildQuery, lexeme, suggestQuery } from './tsquery';

const word = (w: Partial<ResolvedWord> & { word: string }): ResolvedWord => ({
  stem: w.word,
  known: true,
  exact: false,
  foldStems: [],
  prefixStems: [],
  similar: [],
  compound: null,
  ...w,
});

describe('lexeme', () => {
  it('quotes lexemes so PostgreSQL takes them as they are', () => {
    expect(lexeme('forder')).toBe("'forder'");
    expect(lexeme("o'brien", true)).toBe("'o''brien':*");
    expect(lexeme('a\\b')).toBe("'a\\\\b'");
  });
});

describe('buildQuery: typo candidates and synonyms (issue 19)', () => {
  it('does not take a much shorter word for a typo ("Sprachkurz" is not "Sprache")', () => {
    const q = buildQuery(tokenizeQuery('Sprachkurz '), [
      word({
        word: 'sprachkurz',
        known: false,
        similar: [
          { word: 'sprachkurse', stem: 'sprachkurs', similarity: 0.6, ndoc: 3 },
          { word: 'sprach', stem: 'sprach', similarity: 0.5, ndoc: 9 },
        ],
      }),
    ]);
    expect(q.full).toBe("( 'sprachkurz' | 'sprachkurs' )");
    expect(q.corrections).toEqual([{ from: 'sprachkurz', to: ['sprachkurse'] }]);
  });

  it('adds the synonyms of a word as whole words, and no typo guesses for it', () => {
    const q = buildQuery(tokenizeQuery('Lücke '), [
      word({ word: 'lücke', stem: 'luck', known: false, similar: [{ word: 'brücke', stem: 'bruck', similarity: 0.5, ndoc: 1 }] }),
      word({ word: 'explizite', stem: 'explizit' }),
      word({ word: 'maßnahme', stem: 'massnahm' }),
      word({ word: 'formuliert', stem: 'formuliert' }),
      word({ word: 'daueraufgabe', stem: 'daueraufgab', known: false }),
    ]);
    // The second phrase has a word the documents lack: left out.
    expect(q.full).toBe("( 'luck' | ( 'explizit' & 'massnahm' & 'formuliert' ) )");
    expect(q.strict).toBe("'luck'");
    expect(q.corrections).toEqual([]);
    expect(q.covered).toEqual(['lücke']);
  });
});

describe('buildQuery', () => {
  it('ANDs the words, ORs each word with its transliterations and completions', () => {
    const q = buildQuery(tokenizeQuery('Foerderung Kinderbe'), [
      word({ word: 'foerderung', stem: 'foerder', known: true, foldStems: ['forder'] }),
      word({ word: 'kinderbe', stem: 'kinderb', prefixStems: ['kinderbetreu', 'kinderbetreuungsplatz'] }),
    ]);
    expect(q.full).toBe("( 'foerder' | 'forder' ) & ( 'kinderb' | 'kinderb':* | 'kinderbetreu' | 'kinderbetreuungsplatz' )");
    expect(q.strict).toBe("( 'foerder' | 'forder' ) & 'kinderb'");
    expect(q.any).toBe("( 'foerder' | 'forder' ) | ( 'kinderb' | 'kinderb':* | 'kinderbetreu' | 'kinderbetreuungsplatz' )");
    expect(q.corrections).toEqual([]);
  });

  it('adds similar words for unknown words and reports the correction', () => {
    const q = buildQuery(tokenizeQuery('Sprachfördrung '), [
      word({
        word: 'sprachfördrung',
        stem: 'sprachfordr',
        known: false,
        similar: [
          { word: 'sprachförderung', stem: 'sprachforder', similarity: 0.72, ndoc: 9 },
          { word: 'sprachförderbedarf', stem: 'sprachforderbedarf', similarity: 0.41, ndoc: 1 },
        ],
      }),
    ]);
    expect(q.full).toBe("( 'sprachfordr' | 'sprachforder' )");
    expect(q.corrections).toEqual([{ from: 'sprachfördrung', to: ['sprachförderung'] }]);
  });

  it('treats numbers as exact lexemes and skips stop words', () => {
    const q = buildQuery(tokenizeQuery('für A1 3.2'), [word({ word: 'für', stem: '' })]);
    expect(q.full).toBe("'a1' & '3.2'");
    expect(q.numbers).toEqual(['a1', '3.2']);
    expect(q.termCount).toBe(2);
  });

  it('adds a compound split as an alternative', () => {
    const q = buildQuery(tokenizeQuery('Sprachkurs '), [word({ word: 'sprachkurs', compound: { head: 'sprach', tails: ['integrationskur', 'kur'] } })]);
    expect(q.full).toBe("( 'sprachkurs' | ( 'sprach':* & ( 'integrationskur' | 'kur' ) ) )");
  });

  it('joins neighbours the documents write as one word', () => {
    const q = buildQuery(tokenizeQuery('Summer School '), [
      word({ word: 'summer', known: false, similar: [{ word: 'summe', stem: 'summ', similarity: 0.5, ndoc: 1 }] }),
      word({ word: 'school', known: false }),
      word({ word: 'summerschool', stem: 'summerschool' }),
    ]);
    expect(q.full).toBe("( 'summerschool' | ( 'summer' & 'school' ) )");
    expect(q.corrections).toEqual([]);
    expect(q.covered).toEqual(['summer', 'school']);
  });

  it('builds no empty group from stop words the documents write as one word (found by fuzzing)', () => {
    const q = buildQuery(tokenizeQuery('in dem '), [
      word({ word: 'in', stem: '', known: false }),
      word({ word: 'dem', stem: '', known: false }),
      word({ word: 'indem', stem: '' }),
    ]);
    expect(q).toMatchObject({ full: null, strict: null, any: null, termCount: 0 });
  });

  it('builds nothing from stop words only', () => {
    const q = buildQuery(tokenizeQuery('und die '), [word({ word: 'und', stem: '' }), word({ word: 'die', stem: '' })]);
    expect(q.full).toBeNull();
  });
});

describe('suggestQuery', () => {
  it('replaces unknown words by their most similar lexicon word, keeping capitals', () => {
    const resolved = [
      word({ word: 'sprachfördrung', known: false, similar: [{ word: 'sprachförderung', stem: 'x', similarity: 0.7, ndoc: 3 }] }),
      word({ word: 'kita' }),
    ];
    expect(suggestQuery('Sprachfördrung Kita', resolved)).toBe('Sprachförderung Kita');
    expect(suggestQuery('kita', [word({ word: 'kita' })])).toBeNull();
    expect(suggestQuery('Sprachfördrung', resolved, ['sprachfördrung'])).toBeNull();
  });
});
