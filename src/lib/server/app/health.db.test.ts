import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { checkHealth } from './health';

describeEachEngine('health check', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('reports ok with the number of applied migrations when the database answers', async () => {
    const report = await checkHealth(async () => database.db);
    expect(report.status).toBe('ok');
    expect(report.database).toBe('ok');
    // Every migration of /drizzle was applied to the test database.
    const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] };
    expect(report.migrations).toBe(journal.entries.length);
  });

  it('reports unavailable, without throwing, when the database cannot be opened', async () => {
    const report = await checkHealth(() => Promise.reject(new Error('connection refused')));
    expect(report).toMatchObject({ status: 'unavailable', database: 'unavailable', migrations: null });
  });

  it('reports unavailable when the database does not answer within the deadline', async () => {
    const report = await checkHealth(() => new Promise(() => {}), 50);
    expect(report.status).toBe('unavailable');
    expect(report.databaseMs).toBeGreaterThanOrEqual(45);
  });
});
