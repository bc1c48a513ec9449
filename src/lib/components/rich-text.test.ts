import { describe, expect, it } from 'vitest';
import { parseRichText } from './rich-text';

describe('parseRichText', () => {
  it('is empty for missing text', () => {
    expect(parseRichText(null)).toEqual([]);
    expect(parseRichText('  \n\n ')).toEqual([]);
  });

  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseRichText('Erster Absatz\nzweite Zeile\n\n  \nZweiter Absatz')).toEqual([
      { kind: 'paragraph', text: 'Erster Absatz\nzweite Zeile' },
      { kind: 'paragraph', text: 'Zweiter Absatz' },
    ]);
  });

  it('turns "- " lines into one list, between paragraphs', () => {
    expect(parseRichText('Veranstaltungen:\n- Nachwuchs\n- Ausbildung\n  mit Praxis\nDanach Text.')).toEqual([
      { kind: 'paragraph', text: 'Veranstaltungen:' },
      { kind: 'list', items: ['Nachwuchs', 'Ausbildung mit Praxis'] },
      { kind: 'paragraph', text: 'Danach Text.' },
    ]);
  });

  it('does not treat hyphenated words or dashes inside lines as bullets', () => {
    expect(parseRichText('Migranten/-innen\n-5 Grad')).toEqual([
      { kind: 'paragraph', text: 'Migranten/-innen\n-5 Grad' },
    ]);
  });

  it('keeps markup as text', () => {
    expect(parseRichText('<b>fett</b>')).toEqual([{ kind: 'paragraph', text: '<b>fett</b>' }]);
  });
});
