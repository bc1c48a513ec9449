import { describe, expect, it } from 'vitest';
import { HIT_START as S, HIT_STOP as E, hasHit, parseHeadline, plainSnippet } from './snippet';

describe('parseHeadline', () => {
  it('turns marked hits into segments and keeps markup as text', () => {
    const segments = parseHeadline(`Die ${S}Sprachförderung${E} <b>in</b> ${S}Kitas${E} & Schulen`);
    expect(segments).toEqual([
      { text: 'Die ', hit: false },
      { text: 'Sprachförderung', hit: true },
      { text: ' <b>in</b> ', hit: false },
      { text: 'Kitas', hit: true },
      { text: ' & Schulen', hit: false },
    ]);
    expect(hasHit(segments)).toBe(true);
  });
  it('merges adjacent hits, trims the outside, drops control characters', () => {
    expect(parseHeadline(`  ${S}Sprach${E}${S}kurs${E} \u0007 für\nalle  `)).toEqual([
      { text: 'Sprachkurs', hit: true },
      { text: '  für alle', hit: false },
    ]);
    expect(hasHit(parseHeadline('kein Treffer'))).toBe(false);
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
