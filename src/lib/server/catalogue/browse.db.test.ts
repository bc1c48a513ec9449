import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildMeasure, buildPlan } from '../../../../tests/helpers/factories';
import type { Db } from '../db/connection';
import { contacts, measures } from '../db/schema';
import type { ImportPlan } from '../importers/plan/types';
import { writeImportPlan } from '../importers/plan/write';
import { displayAliases, getActorDetail, listActors } from './actors';
import { getOrganisationView } from './organisation-view';
import { getHomeEntryPoints } from './home';
import { getTargetGroupDetail, listTargetGroups } from './target-groups';
import { ensureMunicipality } from './municipality';
import { getCatalogueDetail, getMeasureDetail } from './queries';
import type { MeasureDetail } from './read-models';

const KJF = 'Fachbereich Kinder-Jugend-Familie';
const VHS = 'Volkshochschule Herne';
const BGV = 'Büro für Gleichstellung und Vielfalt';
const SOZIALES = 'Fachbereich Soziales';

/** The integration concept of the factories plus measures for actors, target groups and "related". */
function integrationPlan(): ImportPlan {
  const plan = buildPlan();
  plan.nodes.push(
    { key: 'hf:gesundheit', parentKey: null, type: 'handlungsfeld', code: null, title: 'Gesundheit', body: null, source: null },
    { key: 'hf:gesundheit/lz:A', parentKey: 'hf:gesundheit', type: 'leitziel', code: 'A', title: 'Leitziel A', body: null, source: null },
    { key: 'hf:gesundheit/lz:A/hz:A1', parentKey: 'hf:gesundheit/lz:A', type: 'handlungsziel', code: 'A1', title: 'Handlungsziel A1', body: null, source: null },
  );
  plan.measures.push(
    buildMeasure({
      key: 'hf:bildung/lz:A/hz:A1/m:3',
      number: '3',
      title: 'Sprachkurse für Eltern',
      placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A1', number: '3' }],
      actors: [
        { name: VHS, role: 'verantwortlich', wording: 'VHS' },
        { name: KJF, role: 'beteiligt', wording: 'Jugendamt' },
      ],
      targetGroups: [{ name: 'Eltern', wording: 'Mütter und Väter' }],
    }),
    buildMeasure({
      key: 'hf:bildung/lz:A/hz:A1/m:4',
      number: '4',
      title: 'Noch nicht freigegeben',
      placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A1', number: '4' }],
      actors: [{ name: VHS, role: 'verantwortlich', wording: 'VHS' }],
      targetGroups: [{ name: 'Eltern', wording: 'Eltern' }],
    }),
    buildMeasure({
      key: 'hf:gesundheit/lz:A/hz:A1/m:1',
      number: '1',
      title: 'Sprachförderung in Kitas und Familienzentren',
      placements: [{ nodeKey: 'hf:gesundheit/lz:A/hz:A1', number: '1' }],
      actors: [{ name: 'Gesundheitsamt', role: 'verantwortlich', wording: 'Fachbereich Gesundheit, Abteilung Gesundheitsförderung und Prävention' }],
      targetGroups: [{ name: 'Kinder', wording: 'Kinder' }],
    }),
    buildMeasure({
      key: 'hf:gesundheit/lz:A/hz:A1/m:2',
      number: '2',
      title: 'Impfberatung',
      placements: [{ nodeKey: 'hf:gesundheit/lz:A/hz:A1', number: '2' }],
      actors: [{ name: 'Gesundheitsamt', role: 'verantwortlich', wording: null }],
      targetGroups: [],
    }),
  );
  return plan;
}

/** A small diversity catalogue: one measure under two dimensions, Dezernat IV before Dezernat I. */
function diversityPlan(): ImportPlan {
  const unit = (key: string, parentKey: string, title: string) => ({
    key,
    parentKey,
    type: 'organisationseinheit' as const,
    code: null,
    title,
    body: null,
    actorName: title,
    source: null,
  });
  return buildPlan({
    kind: 'diversity',
    slug: 'diversity',
    title: 'DIVERSITY bei der Stadtverwaltung Herne',
    position: 1,
    edition: { label: '3. Auflage', stand: 'August 2024', sourceFile: 'diversity.txt' },
    actorKinds: { [BGV]: 'stadt', [SOZIALES]: 'stadt' },
    nodes: [
      { key: 'd:geschlecht', parentKey: null, type: 'dimension', code: '2', title: 'Geschlecht', body: null, source: null },
      { key: 'd:geschlecht/dz:iv', parentKey: 'd:geschlecht', type: 'dezernat', code: null, title: 'Dezernat IV', body: null, source: null },
      unit('d:geschlecht/dz:iv/oe:soziales', 'd:geschlecht/dz:iv', SOZIALES),
      { key: 'd:geschlecht/dz:i', parentKey: 'd:geschlecht', type: 'dezernat', code: null, title: 'Dezernat I', body: null, source: null },
      unit('d:geschlecht/dz:i/oe:bgv', 'd:geschlecht/dz:i', BGV),
      { key: 'd:identitaet', parentKey: null, type: 'dimension', code: '6', title: 'Sexuelle Identität', body: null, source: null },
      { key: 'd:identitaet/dz:i', parentKey: 'd:identitaet', type: 'dezernat', code: null, title: 'Dezernat I', body: null, source: null },
      unit('d:identitaet/dz:i/oe:bgv', 'd:identitaet/dz:i', BGV),
    ],
    measures: [
      buildMeasure({
        key: 'm:flyer',
        number: null,
        title: 'Flyer Vielfalt der Geschlechter',
        placements: [
          { nodeKey: 'd:geschlecht/dz:i/oe:bgv', number: null },
          { nodeKey: 'd:identitaet/dz:i/oe:bgv', number: null },
        ],
        actors: [{ name: BGV, role: 'verantwortlich', wording: BGV }],
        targetGroups: [],
        isNew: true,
        directionOutward: true,
      }),
      buildMeasure({
        key: 'm:gleichstellungsplan',
        number: null,
        title: 'Gleichstellungsplan',
        placements: [{ nodeKey: 'd:geschlecht/dz:i/oe:bgv', number: null }],
        actors: [{ name: BGV, role: 'verantwortlich', wording: 'BGV' }],
        targetGroups: [],
        directionInward: true,
      }),
      buildMeasure({
        key: 'm:beratung',
        number: null,
        title: 'Beratung für pflegende Angehörige',
        placements: [{ nodeKey: 'd:geschlecht/dz:iv/oe:soziales', number: null }],
        actors: [{ name: SOZIALES, role: 'verantwortlich', wording: SOZIALES }],
        targetGroups: [{ name: 'Eltern', wording: 'Eltern' }],
      }),
    ],
    contacts: [
      { key: 'c:bgv', unitText: 'Büro für Gleichstellung und Vielfalt (BGV)', actorName: BGV, kind: 'anlaufstelle', name: null, phone: '02323 16-2629', email: 'vielfalt@example.org', source: null },
      { key: 'c:bgv-person', unitText: BGV, actorName: BGV, kind: 'person', name: 'Erika Beispiel', phone: null, email: 'erika@example.org', source: null },
    ],
  });
}

async function seed(db: Db) {
  const municipalityId = await ensureMunicipality(db, 'herne');
  await writeImportPlan(db, integrationPlan(), { municipalityId, comment: 'Test' });
  await writeImportPlan(db, diversityPlan(), { municipalityId, comment: 'Test' });
  await db.update(measures).set({ workflowState: 'entwurf' }).where(eq(measures.title, 'Noch nicht freigegeben'));
  await db.update(contacts).set({ visible: false }).where(eq(contacts.name, 'Erika Beispiel'));
}

describeEachEngine('browsing queries', (engine) => {
  let database: TestDatabase;
  // Read-only tests: one seeded database for the whole suite.
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seed(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('list actors with published measure counts and short aliases, filterable by name or alias', async () => {
    const all = await listActors(database.db, { municipality: 'herne' });
    expect(all.map((a) => [a.name, a.measureCount, a.responsibleCount])).toEqual([
      [BGV, 2, 2],
      [KJF, 3, 2],
      [SOZIALES, 1, 1],
      ['Gesundheitsamt', 2, 2],
      [VHS, 1, 1],
    ]);
    const kjf = all.find((a) => a.name === KJF)!;
    expect(kjf.aliases).toEqual(['FB 51', 'Jugendamt']);
    // The long printed cell stays out of the shown aliases …
    expect(all.find((a) => a.name === 'Gesundheitsamt')!.aliases).toEqual([]);

    expect((await listActors(database.db, { municipality: 'herne', query: 'fb 51' })).map((a) => a.name)).toEqual([KJF]);
    expect((await listActors(database.db, { municipality: 'herne', query: 'buro' })).map((a) => a.name)).toEqual([BGV]);
    expect((await listActors(database.db, { municipality: 'herne', query: 'vhs' })).map((a) => a.name)).toEqual([VHS]);
    // … and does not match either; LIKE wildcards are literal.
    expect(await listActors(database.db, { municipality: 'herne', query: 'Prävention' })).toEqual([]);
    expect(await listActors(database.db, { municipality: 'herne', query: '%' })).toEqual([]);
  });

  it('show an actor with every published measure by catalogue, its roles and visible contacts only', async () => {
    const kjf = (await getActorDetail(database.db, 'fachbereich-kinder-jugend-familie', 'herne'))!;
    expect(kjf).toMatchObject({ name: KJF, measureCount: 3, responsibleCount: 2, aliases: ['FB 51', 'Jugendamt'] });
    expect(kjf.groups.map((g) => g.catalogue.slug)).toEqual(['integrationskonzept']);
    const entries = kjf.groups[0]!.measures;
    // Measures in document order, the gap (KJF has none here) last.
    expect(entries.map((m) => [m.number, m.roles, m.wording, m.place])).toEqual([
      ['1', ['verantwortlich'], 'FB 51', 'Bildung › A › A1'],
      ['2', ['verantwortlich'], 'FB 51', 'Bildung › A › A1'],
      ['3', ['beteiligt'], 'Jugendamt', 'Bildung › A › A1'],
    ]);
    expect(entries[2]!.responsible).toEqual([VHS]);

    const vhs = (await getActorDetail(database.db, 'volkshochschule-herne', 'herne'))!;
    // The draft measure of the VHS is not shown.
    expect(vhs.groups.flatMap((g) => g.measures.map((m) => m.title))).toEqual(['Sprachkurse für Eltern']);

    const bgv = (await getActorDetail(database.db, 'buero-fuer-gleichstellung-und-vielfalt', 'herne'))!;
    expect(bgv.kind).toBe('stadt');
    expect(bgv.groups[0]!.measures.map((m) => [m.title, m.place])).toEqual([
      ['Flyer Vielfalt der Geschlechter', 'Geschlecht › Dezernat I › Büro für Gleichstellung und Vielfalt'],
      ['Gleichstellungsplan', 'Geschlecht › Dezernat I › Büro für Gleichstellung und Vielfalt'],
    ]);
    expect(bgv.contacts).toEqual([
      { kind: 'anlaufstelle', unit: 'Büro für Gleichstellung und Vielfalt (BGV)', name: null, phone: '02323 16-2629', email: 'vielfalt@example.org' },
    ]);
    expect(await getActorDetail(database.db, 'gibt-es-nicht', 'herne')).toBeNull();
  });

  it('list target groups by use and show a group across catalogues', async () => {
    const groups = await listTargetGroups(database.db, 'herne');
    expect(groups.map((g) => [g.name, g.measureCount])).toEqual([
      ['Eltern', 4],
      ['Kinder', 3],
    ]);
    const eltern = (await getTargetGroupDetail(database.db, 'eltern', 'herne'))!;
    expect(eltern.measureCount).toBe(4);
    expect(eltern.groups.map((g) => [g.catalogue.slug, g.measures.map((m) => m.title)])).toEqual([
      ['integrationskonzept', ['Sprachförderung in Kitas', 'Elterncafés', 'Sprachkurse für Eltern']],
      ['diversity', ['Beratung für pflegende Angehörige']],
    ]);
    expect(eltern.groups[0]!.measures[2]!.wording).toBe('Mütter und Väter');
    expect(await getTargetGroupDetail(database.db, 'niemand', 'herne')).toBeNull();
  });

  it('give the home page its entry points with counts', async () => {
    const home = await getHomeEntryPoints(database.db, 'herne');
    expect(home.handlungsfelder.map((s) => [s.catalogueSlug, s.slug, s.measureCount])).toEqual([
      ['integrationskonzept', 'bildung', 3],
      ['integrationskonzept', 'gesundheit', 2],
    ]);
    // The flyer is under both dimensions and counted in each; the draft is not counted.
    expect(home.dimensions.map((s) => [s.title, s.measureCount])).toEqual([
      ['Geschlecht', 3],
      ['Sexuelle Identität', 1],
    ]);
    // Most measures as responsible first; ties by all their measures, then by name.
    expect(home.actors.map((a) => a.name)).toEqual([KJF, BGV, 'Gesundheitsamt', SOZIALES, VHS]);
    expect(home.targetGroups[0]).toEqual({ slug: 'eltern', name: 'Eltern', measureCount: 4 });
    expect(home).toMatchObject({ actorTotal: 5, targetGroupTotal: 2 });
  });

  it('regroup the diversity catalogue by Dezernat and unit, each measure once with its dimensions', async () => {
    const detail = (await getCatalogueDetail(database.db, 'diversity', 'herne'))!;
    // Structure view: the flyer appears under each of its dimensions.
    const flyerPlaces = detail.tree.filter((d) =>
      JSON.stringify(d).includes('Flyer Vielfalt der Geschlechter'),
    );
    expect(flyerPlaces.map((d) => d.title)).toEqual(['Geschlecht', 'Sexuelle Identität']);

    const view = (await getOrganisationView(database.db, detail))!;
    expect(view.dezernate.map((d) => [d.title, d.units.map((u) => u.title)])).toEqual([
      ['Dezernat I', [BGV]],
      ['Dezernat IV', [SOZIALES]],
    ]);
    const bgv = view.dezernate[0]!.units[0]!;
    expect(bgv.actorSlug).toBe('buero-fuer-gleichstellung-und-vielfalt');
    expect(bgv.measures.map((m) => [m.title, m.dimensions.map((d) => d.title), m.isNew, m.directionInward, m.directionOutward])).toEqual([
      ['Flyer Vielfalt der Geschlechter', ['Geschlecht', 'Sexuelle Identität'], true, false, true],
      ['Gleichstellungsplan', ['Geschlecht'], false, true, false],
    ]);
    // Slugs are unique anchors.
    const slugs = view.dezernate.flatMap((d) => [d.slug, ...d.units.map((u) => u.slug)]);
    expect(new Set(slugs).size).toBe(slugs.length);

    expect(await getOrganisationView(database.db, (await getCatalogueDetail(database.db, 'integrationskonzept', 'herne'))!)).toBeNull();
  });

  it('suggest related measures: same Handlungsziel, same actor, similar title; not what is linked already', async () => {
    const [first] = await database.db.select().from(measures).where(eq(measures.title, 'Sprachförderung in Kitas'));
    const { measure } = (await getMeasureDetail(database.db, 'integrationskonzept', first!.slug, 'herne')) as { measure: MeasureDetail };
    // "Elterncafés" refers to this measure (cross-reference), so it is not repeated here.
    expect(measure.referencesIn.map((r) => r.title)).toEqual(['Elterncafés']);
    expect(measure.related.map((r) => [r.title, r.reasons])).toEqual([
      ['Sprachkurse für Eltern', ['sameNode']],
      ['Sprachförderung in Kitas und Familienzentren', ['similarTitle']],
    ]);
    expect(measure.related[1]).toMatchObject({ catalogueSlug: 'integrationskonzept', place: 'Gesundheit › A › A1' });
    expect(measure.source).toEqual({ file: 'test.txt', line: 10, document: null, edition: 'Stand Oktober 2019' });

    const [impf] = await database.db.select().from(measures).where(eq(measures.title, 'Impfberatung'));
    const other = (await getMeasureDetail(database.db, 'integrationskonzept', impf!.slug, 'herne')) as { measure: MeasureDetail };
    expect(other.measure.related.map((r) => [r.title, r.reasons])).toEqual([
      ['Sprachförderung in Kitas und Familienzentren', ['sameNode', 'sameActor']],
    ]);

    // Gaps get no suggestions.
    const [gap] = await database.db.select().from(measures).where(eq(measures.isGap, true));
    const gapDetail = (await getMeasureDetail(database.db, 'integrationskonzept', gap!.slug, 'herne')) as { measure: MeasureDetail };
    expect(gapDetail.measure.related).toEqual([]);
  });
});

it('shows only short, distinct aliases', () => {
  expect(displayAliases('Volkshochschule Herne', ['VHS', 'vhs', 'Volkshochschule Herne', 'Zeile\nzwei', 'x'.repeat(41), ' VHS Herne '])).toEqual([
    'VHS',
    'VHS Herne',
  ]);
});
