import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildPlan } from '../../../../tests/helpers/factories';
import type { Db } from '../db/connection';
import { auditLog, editions } from '../db/schema';
import { ForbiddenError } from '../auth/policy';
import { loadMeasureSnapshots } from '../catalogue/snapshot';
import { editableFromSnapshot } from '../catalogue/editable-measure';
import { updateMeasure } from '../editing/measures/update-measure';
import { createMeasure } from '../editing/measures/create-measure';
import { ValidationError } from '../editing/errors';
import { inTransaction } from '../db/transaction';
import { newMeasureInput, rolledBack, seed, type Seed } from '../../../../tests/helpers/seed';
import { CURRENT, compareEditions, findEdition, freezeEdition, getEditionContent, listEditions } from './editions';
import { DEFAULT_MUNICIPALITY } from '../catalogue/municipality';

describeEachEngine('editions', (engine) => {
  let database: TestDatabase;
  let s: Seed;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    s = await seed(database.db, buildPlan());
  });
  afterAll(async () => {
    await database.destroy();
  });
  const test = (name: string, body: (db: Db) => Promise<void>) => it(name, () => rolledBack(database.db, body));
  const input = (label: string) => ({ catalogueId: s.catalogueId, label, standDate: '2024-08-01', foreword: 'Vorwort der Ausgabe.', note: null });

  test('freezing stores the published content, lists the edition and is audited', async (db) => {
    const edition = await freezeEdition(db, s.users.redaktion, input('3. Auflage'));
    expect(edition).toMatchObject({ slug: '3-auflage', label: '3. Auflage', stand: '1. August 2024', standDate: '2024-08-01' });
    expect((await listEditions(db, s.catalogueId)).map((e) => e.slug)).toEqual(['3-auflage']);
    const frozen = await getEditionContent(db, edition.id);
    expect(frozen!.content.catalogue.slug).toBe('integrationskonzept');
    expect(frozen!.content.measures.map((m) => m.title).sort()).toEqual(expect.arrayContaining(['Elterncafés', 'Sprachförderung in Kitas']));
    const m1 = frozen!.content.measures.find((m) => m.id === s.measures.m1)!;
    expect(m1.actors).toEqual([{ name: 'Fachbereich Kinder-Jugend-Familie', slug: expect.any(String), role: 'verantwortlich', wording: 'FB 51' }]);
    expect(m1.placements[0]!.path).toEqual(['Handlungsfeld Bildung', 'Leitziel A', 'Handlungsziel A1']);
    // The tree holds the structure with the measures in printed order.
    expect(frozen!.content.tree[0]!.children[0]!.children[0]!.measures.map((m) => m.id)).toEqual([s.measures.m1, s.measures.m2]);
    // Plain JSON: survives a round trip unchanged (what the PDF renderer gets).
    expect(JSON.parse(JSON.stringify(frozen))).toEqual(frozen);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'edition.freeze'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ userId: s.users.redaktion.id, entityId: edition.id });
  });

  test('only Redaktion and Administration may freeze', async (db) => {
    await expect(freezeEdition(db, s.users.lesend, input('Ausgabe X'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(freezeEdition(db, s.users.beitragende, input('Ausgabe X'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(freezeEdition(db, s.users.admin, input('Ausgabe X'))).resolves.toMatchObject({ slug: 'ausgabe-x' });
  });

  test('bad input and a taken name are refused with German messages', async (db) => {
    await expect(freezeEdition(db, s.users.redaktion, { ...input('A'), standDate: '1.8.2024' })).rejects.toMatchObject({
      fields: { label: expect.stringContaining('Namen'), standDate: expect.stringContaining('JJJJ-MM-TT') },
    });
    await freezeEdition(db, s.users.redaktion, input('4. Auflage'));
    // The importer's edition of the source document has the label "Stand Oktober 2019".
    for (const label of ['4. Auflage', 'Stand Oktober 2019'])
      await expect(freezeEdition(db, s.users.redaktion, input(label))).rejects.toBeInstanceOf(ValidationError);
  });

  test('the database refuses to change or delete a frozen edition, but not a source edition', async (db) => {
    const edition = await freezeEdition(db, s.users.redaktion, input('5. Auflage'));
    await expect(inTransaction(db, (tx) => tx.update(editions).set({ label: 'Anders' }).where(eq(editions.id, edition.id)))).rejects.toThrow();
    await expect(
      inTransaction(db, (tx) => tx.execute(sql`update editions set snapshot = '{}'::jsonb where id = ${edition.id}`)),
    ).rejects.toThrow();
    await expect(inTransaction(db, (tx) => tx.delete(editions).where(eq(editions.id, edition.id)))).rejects.toThrow();
    expect((await getEditionContent(db, edition.id))!.edition.label).toBe('5. Auflage');
    // The importer keeps updating the edition rows of its source documents.
    await inTransaction(db, (tx) => tx.update(editions).set({ stand: 'November 2019' }).where(isNull(editions.frozenAt)));
    const [source] = await db.select().from(editions).where(and(eq(editions.catalogueId, s.catalogueId), isNull(editions.frozenAt)));
    expect(source!.stand).toBe('November 2019');
  });

  test('comparison: changed fields word by word, added measures marked neu in the next edition', async (db) => {
    const first = await freezeEdition(db, s.users.redaktion, input('1. Auflage'));
    const snapshot = (await loadMeasureSnapshots(db, [s.measures.m1])).get(s.measures.m1)!;
    await updateMeasure(db, s.users.redaktion, s.measures.m1, {
      ...editableFromSnapshot(snapshot),
      version: snapshot.version,
      description: 'Die Kitas bieten mehrsprachige Sprachförderung an.',
    });
    const created = await createMeasure(db, s.users.redaktion, newMeasureInput(s), { workflowState: 'veroeffentlicht' });

    // Edition against today's published state, before freezing the next one.
    const live = await compareEditions(db, 'integrationskonzept', first.slug, CURRENT, DEFAULT_MUNICIPALITY.slug);
    expect(live!.to).toEqual({ slug: CURRENT, label: null, stand: null });
    expect(live!.comparison.added.map((m) => m.id)).toEqual([created.id]);
    expect(live!.comparison.changed.map((c) => c.after.id)).toEqual([s.measures.m1]);
    const [field] = live!.comparison.changed[0]!.fields;
    expect(field!.field).toBe('description');
    expect(field!.segments).toEqual(
      expect.arrayContaining([
        { kind: 'removed', text: 'alltagsintegrierte' },
        { kind: 'added', text: 'mehrsprachige' },
      ]),
    );
    expect(live!.comparison.changed[0]!.moved).toBe(false);

    const second = await freezeEdition(db, s.users.redaktion, input('2. Auflage'));
    const between = await compareEditions(db, 'integrationskonzept', first.slug, second.slug, DEFAULT_MUNICIPALITY.slug);
    expect(between!.comparison).toMatchObject({ added: [{ id: created.id }], removed: [], changed: [{ after: { id: s.measures.m1 } }] });
    const content = (await findEdition(db, 'integrationskonzept', second.slug, DEFAULT_MUNICIPALITY.slug))!.content;
    expect(content.measures.filter((m) => m.isNew).map((m) => m.id)).toEqual([created.id]);
    // The first edition still shows the old text.
    const old = (await findEdition(db, 'integrationskonzept', first.slug, DEFAULT_MUNICIPALITY.slug))!.content.measures.find((m) => m.id === s.measures.m1)!;
    expect(old.description).toBe('Die Kitas bieten alltagsintegrierte Sprachförderung an.');
    // Reversed: the new measure counts as removed.
    const back = await compareEditions(db, 'integrationskonzept', second.slug, first.slug, DEFAULT_MUNICIPALITY.slug);
    expect(back!.comparison.removed.map((m) => m.id)).toEqual([created.id]);
    expect(await compareEditions(db, 'integrationskonzept', 'gibt-es-nicht', CURRENT, DEFAULT_MUNICIPALITY.slug)).toBeNull();
  });
});
