import { describe, expect, it } from 'vitest';
import type { EditionContent, EditionMeasure } from './content';
import { compareContents, markNew } from './compare';

function measure(id: string, overrides: Partial<EditionMeasure> = {}): EditionMeasure {
  return {
    id,
    slug: `m-${id}`,
    number: '1',
    title: `Maßnahme ${id}`,
    description: 'Text',
    goals: null,
    targetGroupText: null,
    statusText: null,
    state: { code: 'laufend', label: 'laufend' },
    remarks: null,
    responsibleText: null,
    directionInward: false,
    directionOutward: false,
    isNew: false,
    isGap: false,
    extraFields: [],
    actors: [{ name: 'Jobcenter Herne', slug: 'jobcenter', role: 'verantwortlich', wording: null }],
    targetGroups: [],
    placements: [{ nodeId: 'n1', path: ['Handlungsfeld Bildung', 'Leitziel A'], number: '1', isPrimary: true }],
    references: [],
    parentMeasureId: null,
    lastReviewedAt: null,
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const content = (measures: EditionMeasure[]): EditionContent => ({
  format: 1,
  catalogue: { id: 'c', slug: 'k', kind: 'integrationskonzept', title: 'K', subtitle: null, publisher: null, description: null },
  tree: [],
  measures,
});

describe('compareContents', () => {
  it('tells moved from changed and names the changed fields only', () => {
    const before = content([measure('a'), measure('b'), measure('c')]);
    const after = content([
      measure('a', { placements: [{ nodeId: 'n2', path: ['Handlungsfeld Gesundheit'], number: '4', isPrimary: true }] }),
      measure('b', { actors: [{ name: 'Volkshochschule Herne', slug: 'vhs', role: 'verantwortlich', wording: null }], state: { code: 'umgesetzt', label: 'umgesetzt' } }),
      measure('c'),
    ]);
    const result = compareContents(before, after);
    expect(result.unchangedCount).toBe(1);
    const [moved, changed] = result.changed;
    expect(moved).toMatchObject({ moved: true, fields: [], placesBefore: ['Handlungsfeld Bildung › Leitziel A (1)'], placesAfter: ['Handlungsfeld Gesundheit (4)'] });
    expect(changed!.moved).toBe(false);
    expect(changed!.fields.map((f) => f.field)).toEqual(['state', 'actors']);
    expect(changed!.fields[1]!.segments).toEqual(expect.arrayContaining([{ kind: 'added', text: 'Volkshochschule' }]));
  });

  it('marks exactly the added measures as neu, and keeps the marks of a first edition', () => {
    const previous = content([measure('a', { isNew: true })]);
    const next = content([measure('a', { isNew: true }), measure('b')]);
    expect(markNew(next, previous).measures.map((m) => [m.id, m.isNew])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(markNew(next, null)).toBe(next);
    expect(compareContents(previous, next).added.map((m) => m.id)).toEqual(['b']);
  });
});
