import { describe, expect, it } from 'vitest';
import { highlightSnippet, lexemeMatcher, plainSnippet, tsqueryLexemes } from './snippet';

// Word → lexeme as vielfalt_german stems them (search_terms).
const LEXICON = new Map([
  ['sprachförderung', 'sprachforder'],
  ['sprachförderungen', 'sprachforder'],
  ['kinder', 'kind'],
  ['kindern', 'kind'],
  ['kindertageseinrichtungen', 'kindertageseinricht'],
  ['schulen', 'schul'],
  ['eltern', 'elt'],
]);

describe('tsqueryLexemes', () => {
  it('reads exact and prefix lexemes, with quotes inside', () => {
    const { exact, prefixes } = tsqueryLexemes("( 'kind' | 'sprachf':* ) & 'o''neill'");
    expect([...exact]).toEqual(['kind', "o'neill"]);
    expect(prefixes).toEqual(['sprachf']);
    expect(tsqueryLexemes(null).exact.size).toBe(0);
  });
});

describe('highlightSnippet', () => {
  const kinder = lexemeMatcher(LEXICON, "'kind' | 'kindertageseinricht'");

  it('marks every form of the query word, keeps the text between as it is', () => {
    expect(highlightSnippet('Angebote für Kinder <b>und</b> Kindern in Kindertageseinrichtungen & Schulen.', kinder)).toEqual([
      { text: 'Angebote für ', hit: false },
      { text: 'Kinder', hit: true },
      { text: ' <b>und</b> ', hit: false },
      { text: 'Kindern', hit: true },
      { text: ' in ', hit: false },
      { text: 'Kindertageseinrichtungen', hit: true },
      { text: ' & Schulen.', hit: false },
    ]);
  });

  it('marks parts of hyphenated words and completes prefixes', () => {
    expect(highlightSnippet('Eine Vater-Kinder-Gruppe', kinder)).toEqual([
      { text: 'Eine Vater-', hit: false },
      { text: 'Kinder', hit: true },
      { text: '-Gruppe', hit: false },
    ]);
    const typing = lexemeMatcher(LEXICON, "'sprachf':*");
    expect(highlightSnippet('Mehr Sprachförderungen.', typing)).toEqual([
      { text: 'Mehr ', hit: false },
      { text: 'Sprachförderungen', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('shows the part of a long text with the most hits, with a little context before it', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `wort${'x'.repeat(i % 3)}`).join(' ');
    const text = `Kinder am Anfang. ${filler} Dann Eltern und Kinder mit Kindern und Kindern zusammen. ${filler}`;
    const segments = highlightSnippet(text, kinder, 30)!;
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined).toContain('Dann Eltern und Kinder mit Kindern und Kindern zusammen.');
    expect(segments.filter((s) => s.hit)).toHaveLength(3);
  });

  it('returns null without a hit, and drops control characters', () => {
    expect(highlightSnippet('Schulen und Eltern', kinder)).toBeNull();
    expect(highlightSnippet(null, kinder)).toBeNull();
    expect(highlightSnippet('für\u0007Kinder\n\nda', kinder)).toEqual([
      { text: 'für ', hit: false },
      { text: 'Kinder', hit: true },
      { text: ' da', hit: false },
    ]);
  });
});

describe('plainSnippet', () => {
  it('cuts long text at a word boundary', () => {
    const text = 'Wort '.repeat(100);
    const [segment] = plainSnippet(text, 40);
    expect(segment!.text.endsWith(' …')).toBe(true);
    expect(segment!.text.length).toBeLessThanOrEqual(42);
    expect(segment!.hit).toBe(false);
  });
  it('returns short text whole and nothing for empty text', () => {
    expect(plainSnippet(' Kurz.  ')).toEqual([{ text: 'Kurz.', hit: false }]);
    expect(plainSnippet(null)).toEqual([]);
  });
});
