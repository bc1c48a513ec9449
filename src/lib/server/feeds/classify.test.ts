import { describe, expect, it } from 'vitest';
import type { MeasureSnapshot } from '../catalogue/snapshot';
import { classifyChange } from './classify';

const base: MeasureSnapshot = {
  id: 'm',
  catalogueId: 'c',
  parentMeasureId: null,
  number: '1',
  title: 'Sprachförderung in Kitas',
  slug: '1-sprachfoerderung-in-kitas',
  description: 'Text',
  goals: null,
  targetGroupText: null,
  statusText: null,
  stateCode: 'laufend',
  remarks: null,
  responsibleText: null,
  directionInward: false,
  directionOutward: false,
  isNew: false,
  isGap: false,
  extra: {},
  lastReviewedAt: null,
  lastReviewedBy: null,
  reviewIntervalMonths: null,
  source: null,
  workflowState: 'veroeffentlicht',
  version: 1,
  importKey: null,
  importHash: null,
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  placements: [{ nodeId: 'n', number: '1', isPrimary: true, position: 0 }],
  actors: [],
  targetGroups: [],
  references: [],
};
const state = (o: Partial<MeasureSnapshot>): MeasureSnapshot => ({ ...base, ...o });

describe('which revisions are public changes', () => {
  it('a first publication is new, whatever drafts came before', () => {
    expect(classifyChange(base, null)).toEqual({ kind: 'new', fields: [] });
    expect(classifyChange(base, state({ workflowState: 'entwurf', title: 'Entwurf' }))).toEqual({ kind: 'new', fields: [] });
    expect(classifyChange(base, state({ workflowState: 'in_pruefung' }))).toEqual({ kind: 'new', fields: [] });
  });

  it('drafts, reviews and the archiving of drafts are not public', () => {
    expect(classifyChange(state({ workflowState: 'entwurf' }), null)).toBeNull();
    expect(classifyChange(state({ workflowState: 'in_pruefung' }), state({ workflowState: 'entwurf' }))).toBeNull();
    expect(classifyChange(state({ workflowState: 'archiviert' }), state({ workflowState: 'entwurf' }))).toBeNull();
    expect(classifyChange(state({ workflowState: 'archiviert' }), state({ workflowState: 'archiviert' }))).toBeNull();
  });

  it('archiving and restoring a published measure are', () => {
    expect(classifyChange(state({ workflowState: 'archiviert' }), base)).toEqual({ kind: 'archived', fields: [] });
    expect(classifyChange(base, state({ workflowState: 'archiviert' }))).toEqual({ kind: 'restored', fields: [] });
  });

  it('a change between published states names its fields once, in display order', () => {
    const after = state({ title: 'Neu', directionInward: true, directionOutward: true, remarks: 'x', version: 2, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(classifyChange(after, base)).toEqual({ kind: 'changed', fields: ['title', 'remarks', 'direction'] });
    // Bookkeeping (version, times) is no change; a new review date alone is a review.
    expect(classifyChange(state({ version: 2 }), base)).toEqual({ kind: 'reviewed', fields: [] });
    expect(classifyChange(state({ lastReviewedAt: '2026-02-01' }), base)).toEqual({ kind: 'reviewed', fields: [] });
  });
});
