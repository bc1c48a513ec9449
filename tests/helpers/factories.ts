/** Builds import plans for tests: a small Integrationskonzept-like catalogue, easy to vary. */
import type { ImportPlan, PlannedMeasure } from '../../src/lib/server/importers/plan/types';

export function buildMeasure(overrides: Partial<PlannedMeasure> & { key: string }): PlannedMeasure {
  return {
    parentKey: null,
    placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A1', number: '1' }],
    number: '1',
    title: 'Sprachförderung in Kitas',
    description: 'Die Kitas bieten alltagsintegrierte Sprachförderung an.',
    goals: null,
    targetGroupText: 'Kinder, Eltern',
    statusText: 'Regelangebot',
    stateCode: 'dauerhaft',
    remarks: null,
    responsibleText: 'FB 51',
    directionInward: false,
    directionOutward: false,
    isNew: false,
    isGap: false,
    extra: {},
    source: { file: 'test.txt', line: 10 },
    actors: [{ name: 'Fachbereich Kinder-Jugend-Familie', role: 'verantwortlich', wording: 'FB 51' }],
    targetGroups: [
      { name: 'Kinder', wording: 'Kinder' },
      { name: 'Eltern', wording: 'Eltern' },
    ],
    references: [],
    ...overrides,
  };
}

export function buildPlan(overrides: Partial<ImportPlan> = {}): ImportPlan {
  return {
    kind: 'integrationskonzept',
    slug: 'integrationskonzept',
    title: 'Gesamtstädtisches Integrationskonzept',
    subtitle: 'Aktualisierung der Maßnahmen',
    publisher: 'Kommunales Integrationszentrum',
    stand: 'Oktober 2019',
    description: 'Vorwort.',
    extra: {},
    position: 0,
    edition: { label: 'Stand Oktober 2019', stand: 'Oktober 2019', sourceFile: 'test.txt' },
    nodes: [
      { key: 'hf:bildung', parentKey: null, type: 'handlungsfeld', code: null, title: 'Bildung', body: null, source: null },
      { key: 'hf:bildung/lz:A', parentKey: 'hf:bildung', type: 'leitziel', code: 'A', title: 'Leitziel A', body: 'Bildung für alle.', source: null },
      { key: 'hf:bildung/lz:A/hz:A1', parentKey: 'hf:bildung/lz:A', type: 'handlungsziel', code: 'A1', title: 'Handlungsziel A1', body: 'Sprache fördern.', source: null },
      { key: 'hf:bildung/lz:A/hz:A2', parentKey: 'hf:bildung/lz:A', type: 'handlungsziel', code: 'A2', title: 'Handlungsziel A2', body: 'Eltern beteiligen.', source: null },
    ],
    measures: [
      buildMeasure({ key: 'hf:bildung/lz:A/hz:A1/m:1' }),
      buildMeasure({
        key: 'hf:bildung/lz:A/hz:A1/m:2',
        number: '2',
        title: 'Elterncafés',
        placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A1', number: '2' }],
        references: [{ wording: 'Siehe auch Maßnahme 1', target: { handlungsziel: 'A1', nummer: '1' }, toKey: 'hf:bildung/lz:A/hz:A1/m:1' }],
      }),
      buildMeasure({
        key: 'hf:bildung/lz:A/hz:A2/m:1',
        number: '1',
        title: 'Es wurde keine explizite Maßnahme formuliert.',
        isGap: true,
        placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A2', number: '1' }],
        actors: [],
        targetGroups: [],
      }),
    ],
    contacts: [],
    ...overrides,
  };
}
