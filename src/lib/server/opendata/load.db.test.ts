import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildMeasure, buildPlan } from '../../../../tests/helpers/factories';
import type { Db } from '../db/connection';
import { contacts, measures } from '../db/schema';
import { writeImportPlan } from '../importers/plan/write';
import { ensureMunicipality } from '../catalogue/municipality';
import { buildHsdsTables } from './hsds';
import { buildIntegreatExport } from './integreat';
import { loadOpenData } from './load';
import { DEFAULT_MUNICIPALITY } from '../catalogue/municipality';

const KJF = 'Fachbereich Kinder-Jugend-Familie';

async function seed(db: Db) {
  const municipalityId = await ensureMunicipality(db, DEFAULT_MUNICIPALITY.slug, DEFAULT_MUNICIPALITY.name);
  const plan = buildPlan({
    actorKinds: { [KJF]: 'stadt' },
    contacts: [
      { key: 'c:kjf', unitText: 'Jugendamt', actorName: KJF, kind: 'anlaufstelle', name: null, phone: '02323 16-0', email: 'jugendamt@example.org', source: null },
      { key: 'c:kjf-person', unitText: 'Jugendamt', actorName: KJF, kind: 'person', name: 'Erika Beispiel', phone: '02323 16-1', email: 'erika@example.org', source: null },
    ],
  });
  plan.measures.push(
    buildMeasure({ key: 'hf:bildung/lz:A/hz:A1/m:9', number: '9', title: 'Entwurf', placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A1', number: '9' }] }),
  );
  await writeImportPlan(db, plan, { municipalityId, comment: 'Test' });
  await db.update(measures).set({ workflowState: 'entwurf' }).where(eq(measures.title, 'Entwurf'));
  await db.update(measures).set({ lastReviewedAt: '2026-05-04' }).where(eq(measures.title, 'Elterncafés'));
  await db.update(contacts).set({ visible: false }).where(eq(contacts.name, 'Erika Beispiel'));
}

describeEachEngine('open data loader', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seed(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('loads published measures only (no drafts, no gaps) with their actors, target groups and section', async () => {
    const data = (await loadOpenData(database.db, DEFAULT_MUNICIPALITY.slug))!;
    expect(data.municipality.name).toBe('Stadt Herne');
    expect(data.catalogues.map((c) => [c.slug, c.edition, c.sections.map((s) => s.title)])).toEqual([
      ['integrationskonzept', 'Stand Oktober 2019', ['Bildung']],
    ]);
    expect(data.measures.map((m) => m.title)).toEqual(['Sprachförderung in Kitas', 'Elterncafés']);
    const cafe = data.measures[1]!;
    expect(cafe).toMatchObject({ lastReviewedAt: '2026-05-04', place: 'Bildung › A › A1', sectionId: data.catalogues[0]!.sections[0]!.id });
    expect(cafe.targetGroups.map((g) => g.name)).toEqual(['Eltern', 'Kinder']);
    expect(cafe.actors.map((a) => [data.actors.find((x) => x.id === a.id)?.name, a.role])).toEqual([[KJF, 'verantwortlich']]);
    expect(data.actors).toEqual([expect.objectContaining({ name: KJF, kind: 'stadt', aliases: ['FB 51', 'Jugendamt'] })]);
    expect(data.modified >= cafe.updatedAt).toBe(true);
    expect(await loadOpenData(database.db, 'nirgendwo')).toBeNull();
  });

  it('publishes only contacts marked visible, in every export', async () => {
    const data = (await loadOpenData(database.db, DEFAULT_MUNICIPALITY.slug))!;
    expect(data.contacts.map((c) => c.email)).toEqual(['jugendamt@example.org']);
    const everything = JSON.stringify([buildHsdsTables(data, 'https://x.example'), buildIntegreatExport(data, { origin: 'https://x.example' })]);
    expect(everything).toContain('jugendamt@example.org');
    expect(everything).not.toContain('Erika');
    expect(everything).not.toContain('erika@example.org');
    expect(everything).not.toContain('Entwurf');
  });
});
