/**
 * A seeded database for the use-case tests: a small imported catalogue (factories.ts) and one
 * user per role, the contributor bound to the actor responsible for the seeded measures.
 * `seededDatabase(engine)` sets it up once per test file and runs each test in a transaction
 * that is rolled back.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/connection';
import { actors, measures, nodes, targetGroups, userActorScopes, users, type Role } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/policy';
import { ensureMunicipality } from '../../src/lib/server/catalogue/municipality';
import { writeImportPlan } from '../../src/lib/server/importers/plan/write';
import type { ImportPlan } from '../../src/lib/server/importers/plan/types';
import type { MeasureInput } from '../../src/lib/server/catalogue/measure-input';
import { inTransaction } from '../../src/lib/server/db/transaction';
import { createTestDatabase, type Engine, type TestDatabase } from './db';
import { buildPlan } from './factories';

export interface Seed {
  municipalityId: string;
  catalogueId: string;
  /** Node ids by import key suffix: hfBildung, lzA, hzA1, hzA2. */
  nodes: { hfBildung: string; lzA: string; hzA1: string; hzA2: string };
  /** Measures by number within A1: m1 "Sprachförderung in Kitas", m2 "Elterncafés"; gap in A2. */
  measures: { m1: string; m2: string; gap: string };
  actorId: string;
  otherActorId: string;
  targetGroupIds: string[];
  users: { admin: SessionUser; redaktion: SessionUser; beitragende: SessionUser; fremd: SessionUser; lesend: SessionUser };
}

async function insertUser(db: Db, role: Role, email: string, name: string, actorIds: string[] = []): Promise<SessionUser> {
  const [row] = await db.insert(users).values({ email, name, role }).returning();
  if (actorIds.length) await db.insert(userActorScopes).values(actorIds.map((actorId) => ({ userId: row!.id, actorId })));
  return { id: row!.id, email, name, role, actorIds };
}

export async function seed(db: Db, plan: ImportPlan): Promise<Seed> {
  const municipalityId = await inTransaction(db, async (tx) => {
    const id = await ensureMunicipality(tx, 'herne');
    await writeImportPlan(tx, plan, { municipalityId: id, comment: 'Test-Import' });
    return id;
  });
  const nodeRows = await db.select().from(nodes);
  const byKey = (k: string) => nodeRows.find((n) => n.importKey === k)!.id;
  const measureRows = await db.select().from(measures);
  const m = (k: string) => measureRows.find((r) => r.importKey === k)!.id;
  const [actor] = await db.select().from(actors).where(eq(actors.name, 'Fachbereich Kinder-Jugend-Familie'));
  const [other] = await db
    .insert(actors)
    .values({ municipalityId, name: 'Jobcenter Herne', slug: 'jobcenter-herne', kind: 'organisation' })
    .returning();
  const groups = await db.select().from(targetGroups);
  return {
    municipalityId,
    catalogueId: measureRows[0]!.catalogueId,
    nodes: {
      hfBildung: byKey('hf:bildung'),
      lzA: byKey('hf:bildung/lz:A'),
      hzA1: byKey('hf:bildung/lz:A/hz:A1'),
      hzA2: byKey('hf:bildung/lz:A/hz:A2'),
    },
    measures: { m1: m('hf:bildung/lz:A/hz:A1/m:1'), m2: m('hf:bildung/lz:A/hz:A1/m:2'), gap: m('hf:bildung/lz:A/hz:A2/m:1') },
    actorId: actor!.id,
    otherActorId: other!.id,
    targetGroupIds: groups.map((g) => g.id).sort(),
    users: {
      admin: await insertUser(db, 'admin', 'admin@herne.de', 'Ada Admin'),
      redaktion: await insertUser(db, 'redaktion', 'redaktion@herne.de', 'Rita Redaktion'),
      beitragende: await insertUser(db, 'beitragende', 'fb51@herne.de', 'Bernd Beitrag', [actor!.id]),
      fremd: await insertUser(db, 'beitragende', 'jobcenter@herne.de', 'Frieda Fremd', [other!.id]),
      lesend: await insertUser(db, 'lesend', 'lenkung@herne.de', 'Lena Lesend'),
    },
  };
}

/** A complete, valid input for a new measure under A1, responsible: the seeded actor. */
export function newMeasureInput(s: Seed, overrides: Partial<MeasureInput> = {}): MeasureInput {
  return {
    catalogueId: s.catalogueId,
    placements: [{ nodeId: s.nodes.hzA1, number: '3' }],
    number: '3',
    title: 'Mehrsprachige Lesepaten',
    description: 'Ehrenamtliche lesen in Kitas in mehreren Sprachen vor.',
    targetGroupText: 'Kinder',
    statusText: 'in Planung',
    stateCode: 'geplant',
    actors: [{ actorId: s.actorId, role: 'verantwortlich', wording: 'FB 51' }],
    targetGroupIds: s.targetGroupIds.slice(0, 1),
    ...overrides,
  };
}

class Rollback extends Error {}

/**
 * Runs a test body in a transaction that is rolled back afterwards: one seeded database per
 * test file, a clean state per test (use cases nest their transactions as savepoints).
 */
export async function rolledBack(db: Db, body: (tx: Db) => Promise<void>): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      await body(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

export interface SeededDatabase {
  /** The seed, readable inside tests (it is loaded in beforeAll). */
  s: Seed;
  /** Declares a test whose body runs in a transaction that is rolled back afterwards. */
  test: (name: string, body: (db: Db) => Promise<void>) => void;
}

/**
 * One migrated, seeded database per test file and engine (call inside describeEachEngine),
 * a clean state per test. `s` is a view of the seed that is filled in beforeAll, so test
 * bodies can read `s.measures.m1` without waiting for it themselves.
 */
export function seededDatabase(engine: Engine, plan: () => ImportPlan = () => buildPlan()): SeededDatabase {
  let database: TestDatabase | null = null;
  let loaded: Seed | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    loaded = await seed(database.db, plan());
  });
  afterAll(async () => {
    await database?.destroy();
  });
  const s = new Proxy({} as Seed, {
    get(_target, key) {
      if (!loaded) throw new Error('The seed is read before beforeAll ran.');
      return loaded[key as keyof Seed];
    },
  });
  return { s, test: (name, body) => it(name, () => rolledBack(database!.db, body)) };
}
