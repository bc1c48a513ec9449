import { describe, expect, it } from 'vitest';
import { diffFields, diffText, side } from './diff';

describe('word diff', () => {
  it('marks removed and added words', () => {
    const segments = diffText('Die Kitas bieten Sprachförderung an.', 'Die Kitas und Tagespflegen bieten Sprachförderung an.');
    expect(segments.filter((s) => s.kind !== 'same')).toEqual([{ kind: 'added', text: 'und Tagespflegen ' }]);
    expect(side(segments, 'before').map((s) => s.text).join('')).toBe('Die Kitas bieten Sprachförderung an.');
    expect(side(segments, 'after').map((s) => s.text).join('')).toBe('Die Kitas und Tagespflegen bieten Sprachförderung an.');
  });

  it('replaces a word', () => {
    const segments = diffText('Status: laufend', 'Status: umgesetzt');
    expect(segments).toEqual([
      { kind: 'same', text: 'Status: ' },
      { kind: 'removed', text: 'laufend' },
      { kind: 'added', text: 'umgesetzt' },
    ]);
  });

  it('diffs field by field, in the given order', () => {
    const fields = diffFields({ title: 'A', remarks: '' }, { title: 'A', remarks: 'neu' }, ['title', 'remarks']);
    expect(fields.map((f) => [f.field, f.changed])).toEqual([
      ['title', false],
      ['remarks', true],
    ]);
    expect(fields[1]!.segments).toEqual([{ kind: 'added', text: 'neu' }]);
    expect(fields[0]!.segments).toEqual([{ kind: 'same', text: 'A' }]);
  });
});
