import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n';
import type { CatalogueDetail, TreeNode } from '../catalogue/read-models';
import type { ExportMeasure, ExportSelection } from './measures';
import { cataloguePrintDocument, printText } from './print-document';

const t = createTranslator('de');

function measure(id: string, overrides: Partial<ExportMeasure> = {}): ExportMeasure {
  return {
    id, slug: id, version: 1, catalogue: { id: 'c', slug: 'diversity', title: 'Diversity' }, number: null, title: `Maßnahme ${id}`,
    description: 'Text.', goals: null, targetGroupText: null, statusText: null, state: { code: 'laufend', label: 'laufend' }, remarks: null,
    responsibleText: null, directionInward: true, directionOutward: false, isNew: false, isGap: false, extra: {}, lastReviewedAt: null,
    updatedAt: '2026-11-23T10:00:00.000Z', source: { file: 'k.txt', line: 7, document: null }, parentId: null, placements: [],
    responsible: [], involved: [], targetGroups: [], references: [], ...overrides,
  };
}

const node = (id: string, title: string, measures: string[], children: TreeNode[] = []): TreeNode => ({
  id, type: 'dimension', code: null, title, body: null, slug: id, children,
  measures: measures.map((m) => ({ id: m, slug: m, number: null, title: m, isGap: false, isNew: false, directionInward: true, directionOutward: false, stateCode: 'laufend', responsible: [] })),
});

describe('print document', () => {
  it('marks mostly Arabic-script text as right-to-left', () => {
    expect(printText('دروس اللغة للآباء')).toEqual({ text: 'دروس اللغة للآباء', dir: 'rtl' });
    expect(printText('Sprachkurs (دروس)')).toEqual({ text: 'Sprachkurs (دروس)' });
    expect(printText('Kita')).toEqual({ text: 'Kita' });
  });

  it('prints a measure listed under two dimensions once, links cross-references inside the document, one Stand/Quelle line each', () => {
    const detail = {
      catalogue: { id: 'c', slug: 'diversity', kind: 'diversity', title: 'Diversity', subtitle: null, publisher: 'Stadt Herne', stand: 'August 2024', measureCount: 2, gapCount: 0, sectionCount: 2, description: 'Vorwort.', extra: {} },
      editions: [],
      tree: [node('geschlecht', 'Geschlecht', ['a', 'b']), node('alter', 'Alter', ['a'])],
    } satisfies CatalogueDetail;
    const selection: ExportSelection = {
      measures: [
        measure('a', { goals: 'Ziele: Chancengleichheit', references: [{ toId: 'b', wording: 'Siehe Maßnahme b' }, { toId: 'x', wording: 'Anderswo' }] }),
        measure('b'),
      ],
      nodes: new Map(),
    };
    const doc = cataloguePrintDocument(detail, selection, { t, now: new Date('2026-12-01T12:00:00Z') });
    expect(doc.sections.map((s) => [s.heading, s.measures.map((m) => m.title.text)])).toEqual([
      ['Geschlecht', ['Maßnahme a', 'Maßnahme b']],
      ['Alter', []],
    ]);
    const a = doc.sections[0]!.measures[0]!;
    expect(a.fields).toContainEqual({ label: 'Ziele', value: { text: 'Chancengleichheit' } });
    expect(a.fields).toContainEqual({ label: 'Wirkrichtung', value: { text: 'nach innen' } });
    expect(a.references).toEqual([
      { text: 'Siehe Maßnahme b', anchor: 'm-b' },
      { text: 'Anderswo', anchor: null },
    ]);
    expect(a.standLine).toBe('Stand: 23. November 2026 · Quelle: k.txt, Zeile 7');
    expect(doc).toMatchObject({ title: 'Diversity', publisher: 'Stadt Herne', stand: 'August 2024', foreword: { text: 'Vorwort.' }, generated: '1. Dezember 2026', measureCount: 2 });
    // Plain data: survives JSON (the PDF worker receives it serialised).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
