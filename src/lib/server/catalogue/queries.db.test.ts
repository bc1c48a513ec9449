import { afterEach, beforeEach, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildMeasure, buildPlan } from '../../../../tests/helpers/factories';
import type { Db } from '../db/connection';
import { measures, measureSlugs } from '../db/schema';
import { writeImportPlan } from '../importers/plan/write';
import { ensureMunicipality } from './municipality';
import { getCatalogueDetail, getMeasureDetail, listCatalogues } from './queries';
import type { MeasureDetail } from './read-models';

async function seed(db: Db) {
  const plan = buildPlan();
  plan.measures.push(
    buildMeasure({
      key: 'hf:bildung/lz:A/hz:A1/m:3',
      number: '3',
      title: 'Entwurf, noch nicht veröffentlicht',
      placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A1', number: '3' }],
    }),
  );
  await writeImportPlan(db, plan, { municipalityId: await ensureMunicipality(db, 'herne'), comment: 'Test' });
  await db.update(measures).set({ workflowState: 'entwurf' }).where(eq(measures.number, '3'));
}

describeEachEngine('public catalogue queries', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    await seed(database.db);
  });
  afterEach(async () => {
    await database.destroy();
  });

  it('list catalogues with published measure, gap and section counts', async () => {
    const [catalogue, ...rest] = await listCatalogues(database.db, 'herne');
    expect(rest).toEqual([]);
    expect(catalogue).toMatchObject({ slug: 'integrationskonzept', measureCount: 2, gapCount: 1, sectionCount: 1 });
  });

  it('build the catalogue tree with measures and gaps under their Handlungsziel', async () => {
    const detail = await getCatalogueDetail(database.db, 'integrationskonzept', 'herne');
    expect(detail!.editions).toEqual([{ label: 'Stand Oktober 2019', stand: 'Oktober 2019', sourceFile: 'test.txt' }]);
    const [feld] = detail!.tree;
    expect(feld!.title).toBe('Bildung');
    const [a1, a2] = feld!.children[0]!.children;
    expect(a1!.measures.map((m) => [m.number, m.title, m.responsible])).toEqual([
      ['1', 'Sprachförderung in Kitas', ['Fachbereich Kinder-Jugend-Familie']],
      ['2', 'Elterncafés', ['Fachbereich Kinder-Jugend-Familie']],
    ]);
    expect(a2!.measures.map((m) => m.isGap)).toEqual([true]);
    expect(await getCatalogueDetail(database.db, 'gibt-es-nicht', 'herne')).toBeNull();
  });

  it('show a measure with breadcrumbs, actors, target groups and cross-references both ways', async () => {
    const detail = await getCatalogueDetail(database.db, 'integrationskonzept', 'herne');
    const [first, second] = detail!.tree[0]!.children[0]!.children[0]!.measures;
    const { measure: m } = (await getMeasureDetail(database.db, 'integrationskonzept', first!.slug, 'herne')) as { measure: MeasureDetail };
    expect(m.breadcrumbs.map((b) => b.label)).toEqual(['Gesamtstädtisches Integrationskonzept', 'Handlungsfeld Bildung', 'Leitziel A', 'Handlungsziel A1']);
    expect(m.actors).toEqual([
      expect.objectContaining({ name: 'Fachbereich Kinder-Jugend-Familie', role: 'verantwortlich', wording: 'FB 51' }),
    ]);
    expect(m.targetGroups.map((g) => g.name)).toEqual(['Eltern', 'Kinder']);
    expect(m.state).toEqual({ code: 'dauerhaft', label: 'dauerhaft (Regelangebot)' });
    expect(m.referencesIn.map((r) => r.slug)).toEqual([second!.slug]);

    const back = (await getMeasureDetail(database.db, 'integrationskonzept', second!.slug, 'herne')) as { measure: MeasureDetail };
    expect(back.measure.referencesOut).toEqual([
      expect.objectContaining({ slug: first!.slug, wording: 'Siehe auch Maßnahme 1', place: 'Bildung › A › A1' }),
    ]);
  });

  it('hide unpublished measures and redirect old slugs', async () => {
    const [draft] = await database.db.select().from(measures).where(eq(measures.number, '3'));
    expect(await getMeasureDetail(database.db, 'integrationskonzept', draft!.slug, 'herne')).toBeNull();

    const [published] = await database.db.select().from(measures).where(eq(measures.number, '1'));
    await database.db.insert(measureSlugs).values({ catalogueId: published!.catalogueId, slug: 'alter-name', measureId: published!.id });
    expect(await getMeasureDetail(database.db, 'integrationskonzept', 'alter-name', 'herne')).toEqual({ redirectTo: published!.slug });
  });
});
