import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../../tests/helpers/db';
import { buildMeasure, buildPlan } from '../../../../../tests/helpers/factories';
import { queryRows, type Db } from '../../db/connection';
import { actorAliases, actors, measureActors, measureReferences, measures, revisions } from '../../db/schema';
import { ensureMunicipality } from '../../catalogue/municipality';
import { recordRevisions } from '../../revisions/record';
import { writeImportPlan } from './write';
import type { ImportPlan } from './types';
import { inTransaction } from '../../db/transaction';

async function write(db: Db, plan: ImportPlan) {
  return inTransaction(db, async (tx) => {
    const municipalityId = await ensureMunicipality(tx, 'herne');
    return writeImportPlan(tx, plan, { municipalityId, comment: 'Test-Import' });
  });
}

async function count(db: Db, table: 'measures' | 'revisions' | 'nodes' | 'actors' | 'measure_references') {
  const rows = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(rows[0]!.n);
}

describeEachEngine('writing an import plan', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('creates catalogue, structure, measures, links and one revision per entity', async () => {
    const outcome = await write(database.db, buildPlan());
    expect(outcome.measures).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(outcome.nodes.created).toBe(4);
    expect(await count(database.db, 'measures')).toBe(3);
    const refs = await database.db.select().from(measureReferences);
    expect(refs).toHaveLength(1);
    expect(refs[0]!.toMeasureId).not.toBeNull();
    const [first] = await database.db.select().from(measures).where(eq(measures.importKey, 'hf:bildung/lz:A/hz:A1/m:1'));
    const [importRevision] = await database.db.select().from(revisions).where(eq(revisions.entityId, first!.id));
    expect(importRevision!.authorLabel).toBe('Import');
    expect((importRevision!.state as { actors: unknown[] }).actors).toHaveLength(1);
  });

  it('changes nothing when the same plan is imported again', async () => {
    await write(database.db, buildPlan());
    const before = await count(database.db, 'revisions');
    const outcome = await write(database.db, buildPlan());
    expect(outcome.measures).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(outcome.nodes).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await count(database.db, 'revisions')).toBe(before);
    expect(await count(database.db, 'measures')).toBe(3);
    expect(await count(database.db, 'actors')).toBe(1);
  });

  it('syncs nodes and contacts by key: new ones inserted, changed ones updated with a revision, others untouched', async () => {
    const contact = {
      key: 'kontakt:fb51',
      unitText: 'FB 51',
      actorName: 'Fachbereich Kinder-Jugend-Familie',
      kind: 'anlaufstelle' as const,
      name: null,
      phone: '02323 16-0',
      email: null,
      source: null,
    };
    const first = buildPlan({ contacts: [contact] });
    expect((await write(database.db, first)).contacts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const before = await count(database.db, 'revisions');
    // A2 moves under a new Leitziel B (inserted before the update that points at it), A1 is renamed.
    const nodes = first.nodes.map((n) =>
      n.key === 'hf:bildung/lz:A/hz:A2' ? { ...n, parentKey: 'hf:bildung/lz:B' } : n.key === 'hf:bildung/lz:A/hz:A1' ? { ...n, title: 'Sprache' } : n,
    );
    nodes.splice(2, 0, { key: 'hf:bildung/lz:B', parentKey: 'hf:bildung', type: 'leitziel', code: 'B', title: 'Leitziel B', body: null, source: null });
    const outcome = await write(database.db, { ...first, nodes, contacts: [{ ...contact, phone: '02323 16-2000' }] });
    expect(outcome.nodes).toEqual({ created: 1, updated: 2, unchanged: 2 });
    expect(outcome.contacts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    // Node B, the two changed nodes and the contact: one revision each, none for the unchanged ones.
    expect((await count(database.db, 'revisions')) - before).toBe(4);
    const rows = await queryRows<{ title: string; parent: string | null }>(
      database.db,
      sql`select n.title, p.title as parent from nodes n left join nodes p on p.id = n.parent_id order by n.title`,
    );
    expect(rows).toContainEqual({ title: 'Handlungsziel A2', parent: 'Leitziel B' });
    expect(rows).toContainEqual({ title: 'Sprache', parent: 'Leitziel A' });
    const [phone] = await queryRows<{ phone: string }>(database.db, sql`select phone from contacts`);
    expect(phone!.phone).toBe('02323 16-2000');
  });

  it('updates only the changed measure, with a revision', async () => {
    await write(database.db, buildPlan());
    const before = await count(database.db, 'revisions');
    const plan = buildPlan();
    plan.measures[0] = buildMeasure({ key: plan.measures[0]!.key, statusText: 'Wurde 2020 eingestellt', stateCode: 'eingestellt' });
    const outcome = await write(database.db, plan);
    expect(outcome.measures).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(await count(database.db, 'revisions')).toBe(before + 1);
    const [row] = await database.db.select().from(measures).where(eq(measures.importKey, plan.measures[0]!.key));
    expect(row!.statusText).toBe('Wurde 2020 eingestellt');
    expect(row!.version).toBe(2);
    // Links were rewritten, not duplicated.
    expect(await database.db.select().from(measureActors).where(eq(measureActors.measureId, row!.id))).toHaveLength(1);
  });

  it('reports measures edited in the app as conflicts instead of overwriting them', async () => {
    await write(database.db, buildPlan());
    const [row] = await database.db.select().from(measures).where(eq(measures.number, '2'));
    // An editor changes the measure in the app (a revision by a user).
    const [user] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (email, role) values ('redaktion@herne.de', 'redaktion') returning id`,
    );
    await database.db.update(measures).set({ title: 'Elterncafés in allen Stadtteilen' }).where(eq(measures.id, row!.id));
    await recordRevisions(database.db, [{ entityType: 'measure', entityId: row!.id, state: {}, authorId: user!.id }]);

    const plan = buildPlan();
    plan.measures[1] = { ...plan.measures[1]!, title: 'Elterncafés (neu formuliert)' };
    const outcome = await write(database.db, plan);
    expect(outcome.conflicts).toEqual([{ key: row!.importKey, title: 'Elterncafés in allen Stadtteilen', number: '2' }]);
    const [after] = await database.db.select().from(measures).where(eq(measures.id, row!.id));
    expect(after!.title).toBe('Elterncafés in allen Stadtteilen');
  });

  it('finds an actor renamed in the back office by its old name (alias) on re-import', async () => {
    await write(database.db, buildPlan());
    const [actor] = await database.db.select().from(actors);
    await database.db.update(actors).set({ name: 'Fachbereich Kinder, Jugend und Familie' }).where(eq(actors.id, actor!.id));
    await database.db.insert(actorAliases).values({ actorId: actor!.id, alias: 'Fachbereich Kinder-Jugend-Familie' }).onConflictDoNothing();
    await write(database.db, buildPlan());
    expect(await count(database.db, 'actors')).toBe(1);
  });

  it('reports measures that left the source without deleting them', async () => {
    await write(database.db, buildPlan());
    const plan = buildPlan();
    plan.measures = plan.measures.filter((m) => m.number !== '2');
    const outcome = await write(database.db, plan);
    expect(outcome.missing.map((m) => m.number)).toEqual(['2']);
    expect(await count(database.db, 'measures')).toBe(3);
  });

  it('leaves the database unchanged when a write fails halfway', async () => {
    const plan = buildPlan();
    plan.measures.push(buildMeasure({ key: 'kaputt', placements: [{ nodeKey: 'gibt-es-nicht', number: '9' }] }));
    await expect(write(database.db, plan)).rejects.toThrow(/gibt-es-nicht/);
    expect(await count(database.db, 'measures')).toBe(0);
    expect(await count(database.db, 'nodes')).toBe(0);
    expect(await count(database.db, 'revisions')).toBe(0);
  });

  it('keeps one measure under several nodes', async () => {
    const plan = buildPlan();
    plan.measures[0] = buildMeasure({
      key: plan.measures[0]!.key,
      placements: [
        { nodeKey: 'hf:bildung/lz:A/hz:A1', number: '1' },
        { nodeKey: 'hf:bildung/lz:A/hz:A2', number: '4' },
      ],
    });
    await write(database.db, plan);
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from measure_nodes mn join measures m on m.id = mn.measure_id where m.import_key = ${plan.measures[0]!.key}`,
    );
    expect(Number(rows[0]!.n)).toBe(2);
    const primary = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from measure_nodes where is_primary`);
    expect(Number(primary[0]!.n)).toBe(3);
  });
});
