import { describe, expect, it } from 'vitest';
import { hasUnstorableText, toStorableText, toStorableValue, unstorableFields } from './storable';

describe('text PostgreSQL can store', () => {
  it('finds NUL and lone surrogates, and nothing in ordinary text', () => {
    expect(hasUnstorableText('a\u0000b@x.de')).toBe(true);
    expect(hasUnstorableText('x\uD800')).toBe(true);
    expect(hasUnstorableText('\uDC00x')).toBe(true);
    expect(hasUnstorableText('\uDBFF\uDBFF\uDC00')).toBe(true); // first high surrogate is alone
    for (const ok of ['', 'Straße Ölmühle', 'مرحبا', '😀 Emoji', 'tab\tnew\nline', '\u00A0']) expect(hasUnstorableText(ok), ok).toBe(false);
  });

  it('replaces exactly the unstorable characters with U+FFFD', () => {
    expect(toStorableText('a\u0000b\uD800c😀')).toBe('a\uFFFDb\uFFFDc😀');
    expect(toStorableValue({ email: 'a\u0000b', list: ['\uDC00', 1], nested: { 'k\u0000': null } })).toEqual({
      email: 'a\uFFFDb',
      list: ['\uFFFD', 1],
      nested: { 'k\uFFFD': null },
    });
  });

  it('names the fields whose name or value cannot be stored', () => {
    expect(unstorableFields([['email', 'a\u0000b'], ['name', 'Anna'], ['x\u0000', 'ok'], ['file', 42]])).toEqual(['email', 'x\uFFFD']);
  });
});
