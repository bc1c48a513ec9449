import { describe, expect, it } from 'vitest';
import { around } from './around';
import { createTranslator } from './translator';

describe('around', () => {
  it('splits a translation around its placeholder, quotation marks included', () => {
    const de = createTranslator('de');
    const ar = createTranslator('ar');
    expect(around((p) => de('measure.wording', p as { text: string }), 'text')).toEqual({ before: 'im Dokument: „', after: '“' });
    expect(around((p) => ar('measure.wording', p as { text: string }), 'text')).toEqual({ before: 'في الوثيقة: «', after: '»' });
  });

  it('keeps a translation without the placeholder whole', () => {
    expect(around(() => 'ohne Wert', 'text')).toEqual({ before: 'ohne Wert', after: '' });
  });
});
