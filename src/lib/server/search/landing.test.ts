import { describe, expect, it } from 'vitest';
import { emptyFacets, type FacetValue } from './facets';
import { buildSearchLanding, isLanding, LANDING_TARGET_GROUPS } from './landing';
import { defaultState, parseSearchParams } from './params';
import type { SearchResult } from './search';
import { buildSearchView } from './view';

const value = (v: string, count: number): FacetValue => ({ value: v, label: v.toUpperCase(), count, selected: false });

function result(): SearchResult {
  const facets = emptyFacets();
  facets.katalog = [value('integrationskonzept', 165), value('leer', 0), value('diversity', 84)];
  facets.zielgruppe = Array.from({ length: 12 }, (_, i) => value(`gruppe-${i}`, i % 5));
  facets.akteur = Array.from({ length: 150 }, (_, i) => value(`akteur-${i}`, 1));
  return {
    total: 299,
    page: 1,
    pageSize: 10,
    pageCount: 30,
    sort: 'nummer',
    items: [{ id: 'x' } as SearchResult['items'][number]],
    facets,
    query: { text: '', tokens: [], corrections: [], suggestion: null, matchedAllTerms: true },
  };
}

const state = (qs: string) => parseSearchParams(new URLSearchParams(qs)).state;

describe('isLanding', () => {
  it('is the bare search page only', () => {
    expect(isLanding(defaultState())).toBe(true);
    expect(isLanding(state(''))).toBe(true);
    for (const qs of ['q=Kita', 'katalog=integrationskonzept', 'zielgruppe=kinder', 'neu=ja', 'luecken=ja', 'sort=nummer', 'sort=aenderung', 'seite=2', 'richtung=innen']) {
      expect(isLanding(state(qs)), qs).toBe(false);
    }
  });

  it('is not the landing when the parameters had errors (they are reported on the results page)', () => {
    expect(isLanding(defaultState(), true)).toBe(false);
  });
});

describe('buildSearchLanding', () => {
  const { landing, view } = buildSearchLanding('/suche', buildSearchView('/suche', defaultState(), result()));

  it('links each catalogue with measures to its filter, with its count', () => {
    expect(landing.catalogues).toEqual([
      { label: 'INTEGRATIONSKONZEPT', count: 165, href: '/suche?katalog=integrationskonzept' },
      { label: 'DIVERSITY', count: 84, href: '/suche?katalog=diversity' },
    ]);
  });

  it('offers the most frequent target groups first, at most a handful', () => {
    expect(landing.targetGroups).toHaveLength(LANDING_TARGET_GROUPS);
    const counts = landing.targetGroups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(4);
    expect(landing.targetGroups.every((g) => g.count > 0 && g.href.startsWith('/suche?zielgruppe=gruppe-'))).toBe(true);
  });

  it('links the full list with an explicit sort, which is not the landing again', () => {
    expect(landing.total).toBe(299);
    expect(landing.allHref).toBe('/suche?sort=nummer');
    expect(isLanding(state(landing.allHref.split('?')[1]!))).toBe(false);
  });

  it('leaves result items, facet lists and pages out of the page data', () => {
    expect(view.result.items).toEqual([]);
    expect(view.facets).toEqual([]);
    expect(Object.values(view.result.facets).every((values) => values.length === 0)).toBe(true);
    expect(view.pages).toEqual([]);
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(buildSearchView('/suche', defaultState(), result())).length / 5);
  });
});
