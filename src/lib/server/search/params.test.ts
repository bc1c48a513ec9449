import { describe, expect, it } from 'vitest';
import { activeFilters, defaultState, effectiveSort, parseSearchParams, toQueryString, toggleValue } from './params';

const parse = (qs: string, api = false) => parseSearchParams(new URLSearchParams(qs), { api });

describe('parseSearchParams', () => {
  it('reads the whole state: query, repeated and comma-separated facet values, sort and page', () => {
    const result = parse('q=+Sprach%C2%ADkurs++Frauen&katalog=integrationskonzept&katalog=diversity-massnahmenkatalog&zielgruppe=eltern,kinder&richtung=innen&neu=ja&sort=aenderung&seite=3');
    expect(result.ok).toBe(true);
    expect(result.state).toMatchObject({
      katalog: ['integrationskonzept', 'diversity-massnahmenkatalog'],
      zielgruppe: ['eltern', 'kinder'],
      richtung: ['innen'],
      neu: true,
      sort: 'aenderung',
      seite: 3,
    });
    expect(result.state.q).toBe('Sprach\u00adkurs Frauen');
  });

  it('reports invalid values in German and keeps the valid rest', () => {
    const result = parse('q=Kita&seite=null&richtung=oben&katalog=Integrations%20Konzept&sort=beste&neu=vielleicht');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.param).sort()).toEqual(['katalog', 'neu', 'richtung', 'seite', 'sort']);
    expect(result.errors.find((e) => e.param === 'seite')!.message).toBe('Ungültiger Wert „null“ für „seite“: muss eine ganze Zahl sein.');
    expect(result.errors.find((e) => e.param === 'richtung')!.message).toContain('erlaubt sind „innen“ und „aussen“');
    expect(result.errors.find((e) => e.param === 'katalog')!.message).toContain('nur Kleinbuchstaben, Ziffern und Bindestriche');
    expect(result.state).toMatchObject({ q: 'Kita', seite: 1, richtung: [], katalog: [], sort: null, neu: false });
  });

  it('limits pages and page sizes', () => {
    expect(parse('seite=0').ok).toBe(false);
    expect(parse('seite=501').ok).toBe(false);
    expect(parse('seite=2.5').ok).toBe(false);
    expect(parse('limit=20').state.limit).toBe(10); // the page ignores limit
    expect(parse('limit=20&page=2', true).state).toMatchObject({ limit: 20, seite: 2 });
    expect(parse('limit=500', true).ok).toBe(false);
  });

  it('ignores unknown parameters and empty values', () => {
    const result = parse('q=&lang=en&utm_source=x&katalog=&sort=');
    expect(result).toEqual({ ok: true, state: defaultState() });
  });

  it('refuses overlong queries and too many values', () => {
    expect(parse(`q=${'a'.repeat(1001)}`).ok).toBe(false);
    expect(parse(`akteur=${Array.from({ length: 31 }, (_, i) => `a${i}`).join(',')}`).ok).toBe(false);
  });
});

describe('query strings', () => {
  it('are canonical: defaults left out, fixed order, page reset on every other change', () => {
    const state = { ...parse('sort=nummer&q=Kita&richtung=aussen&katalog=b&katalog=a&seite=4').state };
    expect(toQueryString(state, { seite: 4 })).toBe('?q=Kita&katalog=b&katalog=a&richtung=aussen&sort=nummer&seite=4');
    expect(toQueryString(state, toggleValue(state, 'katalog', 'b'))).toBe('?q=Kita&katalog=a&richtung=aussen&sort=nummer');
    expect(toQueryString(state, toggleValue(state, 'neu', 'ja'))).toBe('?q=Kita&katalog=b&katalog=a&richtung=aussen&neu=ja&sort=nummer');
    expect(toQueryString(defaultState())).toBe('');
    expect(toQueryString({ ...defaultState(), q: 'x', sort: 'relevanz' })).toBe('?q=x');
    expect(toQueryString({ ...defaultState(), seite: 2 }, { seite: 2 }, { api: true })).toBe('?page=2');
  });

  it('round-trip through parsing', () => {
    const state = parse('q=Eltern&zielgruppe=eltern&status=laufend&status=geplant&neu=ja&sort=aenderung').state;
    expect(parse(toQueryString(state).slice(1)).state).toEqual(state);
  });

  it('sort by relevance needs a query', () => {
    expect(effectiveSort({ q: '', sort: null })).toBe('nummer');
    expect(effectiveSort({ q: 'x', sort: null })).toBe('relevanz');
    expect(effectiveSort({ q: '', sort: 'relevanz' })).toBe('nummer');
    expect(effectiveSort({ q: 'x', sort: 'aenderung' })).toBe('aenderung');
  });

  it('lists active filters in facet order', () => {
    const state = parse('neu=ja&akteur=jobcenter&katalog=a').state;
    expect(activeFilters(state)).toEqual([
      ['katalog', ['a']],
      ['akteur', ['jobcenter']],
      ['neu', ['ja']],
    ]);
  });
});
