/**
 * Fresh, migrated databases for tests. Every database test runs on PGlite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL too: use `describeEachEngine`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';

export type Engine = 'pglite' | 'postgres';

/** A PostgreSQL server is there (TEST_DATABASE_URL): for tests that compare or move between the two engines. */
export function postgresConfigured(): boolean {
  return Boolean(inject('postgresTemplateDb') && process.env.TEST_DATABASE_URL);
}

/**
 * PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. TEST_ENGINES=postgres narrows a
 * run to the server (CI's second pass: the PGlite runs were done by `npm test` already).
 */
export function availableEngines(): Engine[] {
  const engines: Engine[] = postgresConfigured() ? ['pglite', 'postgres'] : ['pglite'];
  const only = process.env.TEST_ENGINES?.split(',').map((e) => e.trim());
  return only?.length ? engines.filter((e) => only.includes(e)) : engines;
}

export interface TestDatabase extends Database {
  /** Where a PGlite copy lives (for restart tests); null on PostgreSQL. */
  readonly dataDir: string | null;
  /** The PostgreSQL database's URL (for tests with a second process); null on PGlite. */
  readonly url: string | null;
  /** Closes and removes the copy. */
  destroy(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(engine: Engine = 'pglite'): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-test-'));
    fs.cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'vielfalt.lock'), { force: true });
    const database = await openDatabase({ engine: 'pglite', dataDir });
    return {
      ...database,
      db: database.db,
      engine: database.engine,
      close: () => database.close(),
      dataDir,
      url: null,
      async destroy() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const template = inject('postgresTemplateDb');
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!template || !baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const { default: pg } = await import('pg');
  const name = `vielfalt_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  return {
    db: database.db,
    engine: database.engine,
    listen: (channel, onNotify) => database.listen(channel, onNotify),
    exclusive: (key, work) => database.exclusive(key, work),
    close: () => database.close(),
    dataDir: null,
    url: url.toString(),
    async destroy() {
      await database.close();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A new migrated database for every test of the suite (call inside describeEachEngine), removed
 * after it. The returned object always speaks for the current test's database.
 */
export function freshDatabaseEachTest(engine: Engine): TestDatabase {
  let current: TestDatabase | null = null;
  beforeEach(async () => {
    current = await createTestDatabase(engine);
  });
  afterEach(async () => {
    await current?.destroy();
    current = null;
  });
  return new Proxy({} as TestDatabase, {
    get(_target, key) {
      if (!current) throw new Error('The test database is used outside a test.');
      const value = current[key as keyof TestDatabase];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** Runs a suite once per available engine, with the engine name in the title. */
export function describeEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of availableEngines()) describe(`${title} [${engine}]`, () => body(engine));
}
