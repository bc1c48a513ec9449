import { describe, expect, it } from 'vitest';
import type { ActorDetail, MeasureDetail } from '../catalogue/read-models';
import { actorJsonLd, jsonLdScript, measureJsonLd, serializeJsonLd } from './schema-org';

const ctx = { origin: 'https://vielfalt.example', place: 'Herne', municipalityName: 'Stadt Herne' };

function measure(overrides: Partial<MeasureDetail> = {}): MeasureDetail {
  return {
    id: 'm1',
    slug: 'sprachkurse',
    catalogue: { slug: 'integrationskonzept', title: 'Integrationskonzept', kind: 'integrationskonzept', stand: 'Oktober 2019' },
    number: '3',
    title: 'Sprachkurse für Eltern',
    description: 'Kurse am Vormittag.',
    goals: null,
    targetGroupText: 'Mütter und Väter',
    statusText: null,
    state: { code: 'laufend', label: 'laufend' },
    remarks: null,
    responsibleText: 'VHS',
    directionInward: false,
    directionOutward: true,
    isNew: false,
    isGap: false,
    extraFields: [],
    lastReviewedAt: '2026-03-01',
    updatedAt: '2026-04-02T08:30:00.000Z',
    stand: { kind: 'published', date: '2026-04-02T08:30:00.000Z' },
    source: null,
    breadcrumbs: [],
    placements: [
      {
        nodeId: 'n1',
        path: [
          { type: 'handlungsfeld', code: null, title: 'Bildung', slug: 'bildung' },
          { type: 'handlungsziel', code: 'A1', title: 'Handlungsziel A1', slug: 'a1' },
        ],
        number: '3',
        isPrimary: true,
      },
    ],
    actors: [
      { id: 'a1', slug: 'vhs', name: 'Volkshochschule Herne', kind: 'organisation', role: 'verantwortlich', wording: null },
      { id: 'a2', slug: 'fb-51', name: 'Fachbereich 51', kind: 'stadt', role: 'verantwortlich', wording: null },
      { id: 'a3', slug: 'jobcenter', name: 'Jobcenter', kind: 'organisation', role: 'beteiligt', wording: null },
    ],
    targetGroups: [{ slug: 'eltern', name: 'Eltern' }],
    referencesOut: [],
    referencesIn: [],
    referencesUnresolved: [],
    parent: null,
    children: [],
    contacts: [{ unit: 'VHS', name: 'Erika Beispiel', phone: '123', email: 'erika@example.org' }],
    related: [],
    ...overrides,
  };
}

describe('schema.org JSON-LD', () => {
  it('describes a measure as a government service of its responsible actors for its target groups', () => {
    const ld = measureJsonLd(measure(), ctx) as Record<string, any>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      url: 'https://vielfalt.example/kataloge/integrationskonzept/massnahme/sprachkurse',
      dateModified: '2026-04-02T08:30:00.000Z',
      lastReviewed: '2026-03-01',
      inLanguage: 'de',
    });
    const service = ld.mainEntity;
    expect(service).toMatchObject({ '@type': 'GovernmentService', name: 'Sprachkurse für Eltern', identifier: '3', category: 'Bildung › Handlungsziel A1' });
    expect(service.provider).toEqual([
      { '@type': 'Organization', '@id': 'https://vielfalt.example/akteure/vhs#akteur', name: 'Volkshochschule Herne', url: 'https://vielfalt.example/akteure/vhs' },
      expect.objectContaining({ '@type': 'GovernmentOrganization', name: 'Fachbereich 51' }),
    ]);
    expect(service.audience).toEqual([{ '@type': 'Audience', audienceType: 'Eltern' }]);
    expect(service.areaServed).toEqual({ '@type': 'City', name: 'Herne' });
    // Contacts are not repeated in the measure's data (they belong to the actors' pages).
    expect(JSON.stringify(ld)).not.toContain('erika');
    expect(JSON.stringify(ld)).not.toContain('Jobcenter');
  });

  it('describes a gap as a page without a service', () => {
    const ld = measureJsonLd(measure({ isGap: true, title: 'Es wurde keine explizite Maßnahme formuliert.' }), ctx);
    expect(ld).toMatchObject({ '@type': 'WebPage', name: 'Es wurde keine explizite Maßnahme formuliert.' });
    expect(ld).not.toHaveProperty('mainEntity');
  });

  it('cannot be broken out of: </script> and comments in values are escaped, the JSON stays equal', () => {
    const evil = measure({ title: '</script><script>alert(1)</script> <!-- & \u2028' });
    const ld = measureJsonLd(evil, ctx);
    const text = serializeJsonLd(ld);
    expect(text).not.toMatch(/<|>/);
    expect(text).not.toContain('&');
    expect(JSON.parse(text)).toEqual(ld);
    const script = jsonLdScript(ld);
    expect(script.match(/<\/script/gi)).toHaveLength(1);
    expect(script.startsWith('<script type="application/ld+json">')).toBe(true);
  });

  it('describes an actor with its visible contacts and the measures it is responsible for', () => {
    const actor: ActorDetail = {
      slug: 'bgv',
      name: 'Büro für Gleichstellung und Vielfalt',
      kind: 'stadt',
      description: null,
      aliases: ['BGV'],
      parent: { slug: 'dezernat-i', name: 'Dezernat I' },
      children: [],
      groups: [
        {
          catalogue: { slug: 'diversity', title: 'Diversity', kind: 'diversity' },
          measures: [
            { id: 'm1', slug: 'flyer', number: null, title: 'Flyer', isGap: false, isNew: true, directionInward: false, directionOutward: true, stateCode: 'laufend', responsible: [], catalogueSlug: 'diversity', place: null, roles: ['verantwortlich'], wording: null },
            { id: 'm2', slug: 'beirat', number: null, title: 'Beirat', isGap: false, isNew: false, directionInward: false, directionOutward: true, stateCode: 'laufend', responsible: [], catalogueSlug: 'diversity', place: null, roles: ['beteiligt'], wording: null },
          ],
        },
      ],
      measureCount: 2,
      responsibleCount: 1,
      contacts: [{ kind: 'anlaufstelle', unit: 'BGV', name: null, phone: '02323 16-2629', email: 'vielfalt@example.org' }],
    };
    const ld = actorJsonLd(actor, ctx) as Record<string, any>;
    expect(ld).toMatchObject({ '@type': 'GovernmentOrganization', name: actor.name, alternateName: ['BGV'] });
    expect(ld.parentOrganization).toMatchObject({ name: 'Dezernat I', url: 'https://vielfalt.example/akteure/dezernat-i' });
    expect(ld.contactPoint).toEqual([{ '@type': 'ContactPoint', name: 'BGV', contactType: 'Anlaufstelle', telephone: '02323 16-2629', email: 'vielfalt@example.org' }]);
    expect(ld.makesOffer.map((o: any) => o.itemOffered.name)).toEqual(['Flyer']);
    expect(ld).not.toHaveProperty('description');
    expect(ld).not.toHaveProperty('subOrganization');
  });
});
