import { describe, expect, it } from 'vitest';
import { pageLinks } from '../admin/paging';
import { describedBy, fieldDescribedBy, splitField } from './field';

describe('describedBy', () => {
  it('joins the ids that are set and leaves the attribute out when none is', () => {
    expect(describedBy('a-hint', null, undefined, false, 'a-error')).toBe('a-hint a-error');
    expect(describedBy(null, false)).toBeUndefined();
  });

  it('names hint, note and error of a field in that order, then the extra id', () => {
    expect(fieldDescribedBy('m-title', { hint: 'Hinweis', note: 'Geändert', error: 'Fehlt' }, 'form-error')).toBe(
      'm-title-hint m-title-note m-title-error form-error',
    );
    expect(fieldDescribedBy('m-title', { hint: null, error: 'Fehlt' })).toBe('m-title-error');
    expect(fieldDescribedBy('m-title', {})).toBeUndefined();
  });
});

describe('splitField', () => {
  it('separates the frame props from the control attributes', () => {
    const [frame, attributes] = splitField({ label: 'Titel', hint: 'h', error: null, name: 'title', required: true, maxlength: 300 });
    expect(frame).toEqual({ label: 'Titel', hint: 'h', error: null });
    expect(attributes).toEqual({ name: 'title', required: true, maxlength: 300 });
  });
});

describe('pageLinks', () => {
  const href = (n: number) => `/admin/massnahmen?seite=${n}`;
  it('links to the neighbours that exist', () => {
    expect(pageLinks(1, 3, href)).toEqual({ prevHref: null, nextHref: '/admin/massnahmen?seite=2' });
    expect(pageLinks(3, 3, href)).toEqual({ prevHref: '/admin/massnahmen?seite=2', nextHref: null });
    expect(pageLinks(1, 1, href)).toEqual({ prevHref: null, nextHref: null });
  });
});
