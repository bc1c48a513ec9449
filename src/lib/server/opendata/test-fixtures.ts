/** A small open-data set for the mapping tests: two catalogues, actors, a contact, a task area. */
import type { OpenDataSet, OpenMeasure } from './model';

export const ORIGIN = 'https://vielfalt.example';

const ids = {
  town: '00000000-0000-4000-8000-000000000001',
  ik: '10000000-0000-4000-8000-000000000001',
  div: '10000000-0000-4000-8000-000000000002',
  bildung: '20000000-0000-4000-8000-000000000001',
  geschlecht: '20000000-0000-4000-8000-000000000002',
  vhs: '30000000-0000-4000-8000-000000000001',
  bgv: '30000000-0000-4000-8000-000000000002',
  eltern: '40000000-0000-4000-8000-000000000001',
};
export const FIXTURE_IDS = ids;

export function buildOpenMeasure(overrides: Partial<OpenMeasure> & { id: string }): OpenMeasure {
  return {
    slug: 'sprachkurse',
    catalogueId: ids.ik,
    catalogueSlug: 'integrationskonzept',
    parentId: null,
    number: '3',
    title: 'Sprachkurse für Eltern',
    description: 'Kurse am Vormittag.\n\n- mit Kinderbetreuung\n- kostenlos',
    goals: null,
    targetGroupText: 'Mütter und Väter',
    statusText: 'Regelangebot',
    state: { code: 'laufend', label: 'laufend' },
    remarks: null,
    isNew: false,
    directionInward: false,
    directionOutward: true,
    sectionId: ids.bildung,
    place: 'Bildung › A › A1',
    lastReviewedAt: '2026-03-01',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-04-02T08:30:00.000Z',
    actors: [{ id: ids.vhs, role: 'verantwortlich' }],
    targetGroups: [{ id: ids.eltern, slug: 'eltern', name: 'Eltern' }],
    ...overrides,
  };
}

export function buildOpenData(): OpenDataSet {
  return {
    municipality: { id: ids.town, slug: 'herne', name: 'Stadt Herne' },
    catalogues: [
      {
        id: ids.ik,
        slug: 'integrationskonzept',
        kind: 'integrationskonzept',
        title: 'Gesamtstädtisches Integrationskonzept',
        subtitle: 'Aktualisierung der Maßnahmen',
        publisher: 'Kommunales Integrationszentrum',
        stand: 'Oktober 2019',
        description: 'Vorwort.',
        edition: 'Stand Oktober 2019',
        issued: '2026-01-01T09:00:00.000Z',
        modified: '2026-04-02T08:30:00.000Z',
        sections: [{ id: ids.bildung, slug: 'bildung', type: 'handlungsfeld', code: null, title: 'Bildung' }],
      },
      {
        id: ids.div,
        slug: 'diversity',
        kind: 'diversity',
        title: 'DIVERSITY bei der Stadtverwaltung Herne',
        subtitle: null,
        publisher: 'Büro für Gleichstellung und Vielfalt',
        stand: 'August 2024',
        description: null,
        edition: '3. Auflage',
        issued: '2026-01-01T09:00:00.000Z',
        modified: '2026-02-01T00:00:00.000Z',
        sections: [{ id: ids.geschlecht, slug: 'geschlecht', type: 'dimension', code: '2', title: 'Geschlecht' }],
      },
    ],
    measures: [
      buildOpenMeasure({ id: '50000000-0000-4000-8000-000000000001' }),
      buildOpenMeasure({
        id: '50000000-0000-4000-8000-000000000002',
        slug: 'kinderbetreuung',
        parentId: '50000000-0000-4000-8000-000000000001',
        number: '3.1',
        title: 'Kinderbetreuung <während> der Kurse',
        lastReviewedAt: null,
        actors: [
          { id: ids.vhs, role: 'verantwortlich' },
          { id: ids.bgv, role: 'beteiligt' },
        ],
      }),
      buildOpenMeasure({
        id: '50000000-0000-4000-8000-000000000003',
        slug: 'flyer',
        catalogueId: ids.div,
        catalogueSlug: 'diversity',
        number: null,
        title: 'Flyer Vielfalt der Geschlechter',
        description: 'Ein Flyer.',
        targetGroupText: null,
        targetGroups: [],
        state: { code: 'eingestellt', label: 'eingestellt' },
        sectionId: ids.geschlecht,
        lastReviewedAt: '2025-12-24',
        updatedAt: '2026-02-01T00:00:00.000Z',
        actors: [{ id: ids.bgv, role: 'verantwortlich' }],
      }),
    ],
    actors: [
      { id: ids.bgv, slug: 'bgv', name: 'Büro für Gleichstellung und Vielfalt', kind: 'stadt', description: null, parentId: null, aliases: ['BGV'] },
      { id: ids.vhs, slug: 'vhs', name: 'Volkshochschule Herne', kind: 'organisation', description: 'Die VHS.', parentId: null, aliases: [] },
    ],
    contacts: [
      {
        id: '60000000-0000-4000-8000-000000000001',
        actorId: ids.bgv,
        kind: 'anlaufstelle',
        unit: 'Büro für Gleichstellung und Vielfalt (BGV)',
        name: null,
        phone: '+49 2323 16-2629',
        email: 'vielfalt@example.org',
      },
    ],
    modified: '2026-04-02T08:30:00.000Z',
  };
}
