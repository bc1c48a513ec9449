import { describe, expect, it } from 'vitest';
import { nodeHref, pathHref, sectionState, tocHrefs, topSectionOf } from './sections';

const leaf = (slug: string) => ({ slug, children: [] });
const tree = [
  { slug: 'bildung', children: [{ slug: 'bildung-a', children: [leaf('bildung-a1')] }] },
  { slug: 'gesundheit', children: [leaf('gesundheit-a')] },
];
const params = (qs: string) => new URLSearchParams(qs);

describe('sectionState', () => {
  it('keeps every section closed by default', () => {
    expect(sectionState(tree, params(''))).toEqual({ all: false, open: [] });
  });

  it('opens all with ?alle=1', () => {
    expect(sectionState(tree, params('alle=1'))).toEqual({ all: true, open: ['bildung', 'gesundheit'] });
    expect(sectionState(tree, params('alle=0')).all).toBe(false);
  });

  it('opens the named top-level sections only, ignoring unknown and nested slugs', () => {
    expect(sectionState(tree, params('offen=gesundheit&offen=gibt-es-nicht&offen=bildung-a'))).toEqual({ all: false, open: ['gesundheit'] });
  });
});

describe('links to nodes', () => {
  it('finds the top-level section of a node', () => {
    expect(topSectionOf(tree, 'bildung-a1')).toBe('bildung');
    expect(topSectionOf(tree, 'gesundheit')).toBe('gesundheit');
    expect(topSectionOf(tree, 'nirgends')).toBeNull();
  });

  it('links a section heading by fragment, a nested node with its section opened', () => {
    expect(nodeHref('/kataloge/k', tree, 'bildung')).toBe('/kataloge/k#bildung');
    expect(nodeHref('/kataloge/k', tree, 'bildung-a1')).toBe('/kataloge/k?offen=bildung#bildung-a1');
    expect(nodeHref('/kataloge/k', tree, 'bildung-a1', { all: true, open: ['bildung', 'gesundheit'] })).toBe('/kataloge/k#bildung-a1');
    expect(nodeHref('/kataloge/k', tree, 'bildung-a1', { all: false, open: ['bildung'] })).toBe('/kataloge/k#bildung-a1');
  });

  it('links breadcrumb steps below the top level with their section opened', () => {
    const path = [{ slug: 'bildung' }, { slug: 'bildung-a' }, { slug: 'bildung-a1' }];
    expect(pathHref('/kataloge/k', path, 0)).toBe('/kataloge/k#bildung');
    expect(pathHref('/kataloge/k', path, 2)).toBe('/kataloge/k?offen=bildung#bildung-a1');
  });
});

describe('tocHrefs', () => {
  it('links two levels, nested entries with their section opened', () => {
    expect(tocHrefs('', tree, { all: false, open: [] })).toEqual({
      bildung: '#bildung',
      'bildung-a': '?offen=bildung#bildung-a',
      gesundheit: '#gesundheit',
      'gesundheit-a': '?offen=gesundheit#gesundheit-a',
    });
  });
});
