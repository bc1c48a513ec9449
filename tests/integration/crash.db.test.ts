/**
 * kill -9 in the middle of writing (issue 18): during an import, during edits and during
 * publications through review. After the kill the database opens again (PGlite's data
 * directory included: its lock is stale and taken over), it is consistent, and every commit
 * the writer had reported before the kill is there. The writer is a separate process
 * (tests/helpers/crash-writer.ts) so the kill is a real SIGKILL, not a simulated one. The last
 * test shows the check can fail: a writer that acknowledges before it commits is caught.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../helpers/db';
import { ROOT } from '../helpers/cli';
import { openDatabase, queryRows, type Database } from '../../src/lib/server/db';
import { importSources } from '../../src/lib/server/importers/pipeline';
import { readSourceFile } from '../../src/lib/server/importers/read-source';
import { parseSearchParams, searchMeasures } from '../../src/lib/server/search';
import { CRASH_SOURCES } from '../helpers/crash-writer-sources';

/** Runs the writer until `enough(lines)` holds (or it ends by itself), then kills it with SIGKILL. */
/** Acknowledged commits (numbers) whose revision is not in the database: lost writes. */
async function lostCommits(db: Database['db'], acked: number[]): Promise<number[]> {
  const comments = new Set(
    (await queryRows<{ comment: string }>(db, sql`select comment from revisions where comment like 'absturz %'`)).map((r) => r.comment),
  );
  return acked.filter((n) => !comments.has(`absturz ${n}`));
}

const ackedNumbers = (lines: string[]) => lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.split(' ')[2]));

function writeUntilKilled(mode: 'import' | 'edit' | 'early-ack', env: Record<string, string>, enough: (lines: string[]) => boolean, timeoutMs = 90_000) {
  return new Promise<{ lines: string[]; killed: boolean; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests', 'helpers', 'crash-writer.ts'), mode], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => reject(new Error(`writer did not reach the kill point: ${lines.slice(-3).join(' | ')} ${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      if (!killed && enough(lines)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!killed && code !== 0) reject(new Error(`writer failed (${code ?? signal}): ${stderr}`));
      else resolve({ lines, killed: signal === 'SIGKILL', stderr });
    });
  });
}

const sources = () => CRASH_SOURCES.map((f) => readSourceFile(path.join(ROOT, 'data', 'sources', 'herne', f)));

async function counts(db: Database['db']) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from catalogues) as catalogues, (select count(*)::int from measures) as measures,
      (select count(*)::int from nodes) as nodes, (select count(*)::int from revisions) as revisions, (select count(*)::int from import_runs) as runs`,
  );
  return row!;
}

describeEachEngine('kill -9 while writing', (engine) => {
  let database: TestDatabase;
  /** PGlite allows one process per data directory: the test lets go while the writer runs. */
  let open: Database;
  let env: Record<string, string>;
  let complete: Record<string, number>;

  const reopen = async () => {
    if (database.dataDir) open = await openDatabase({ engine: 'pglite', dataDir: database.dataDir });
  };
  const letGo = async () => {
    if (database.dataDir) await open.close();
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    open = database;
    env = database.dataDir ? { DATA_DIR: database.dataDir } : { DATABASE_URL: database.url! };
    // What a complete import writes, measured on a database of its own.
    const reference = await createTestDatabase(engine);
    await importSources(reference, sources(), { municipality: 'herne' });
    complete = await counts(reference.db);
    await reference.destroy();
  }, 300_000);
  afterAll(async () => {
    if (database.dataDir && open !== database) await open.close().catch(() => undefined);
    await database?.destroy();
  });

  it('during an import: all of it or nothing, and the import runs again afterwards', async () => {
    await letGo();
    // Killed inside the import's transaction: the first catalogue is written, the second is being written.
    const writing = (lines: string[]) => lines.filter((l) => l.startsWith('progress Schreibe')).length >= 2;
    const run = await writeUntilKilled('import', env, writing, 120_000);
    expect(run.killed).toBe(true);
    expect(run.lines).not.toContain('ack import');
    await reopen();
    // Nothing of it: no catalogue, no measure, no half-written run.
    expect(await counts(open.db)).toEqual({ catalogues: 0, measures: 0, nodes: 0, revisions: 0, runs: 0 });
    await importSources(open, sources(), { municipality: 'herne' });
    expect(await counts(open.db)).toEqual(complete);
  }, 300_000);

  it('during edits and publications: every acknowledged commit is there, and the database is consistent', async () => {
    await letGo();
    const run = await writeUntilKilled('edit', env, (lines) => lines.filter((l) => l.startsWith('ack ')).length >= 12);
    expect(run.killed).toBe(true);
    if (database.dataDir) expect(fs.existsSync(path.join(database.dataDir, 'vielfalt.lock'))).toBe(true);
    await reopen();
    const acked = ackedNumbers(run.lines);
    expect(acked.length).toBeGreaterThanOrEqual(12);
    expect(await lostCommits(open.db, acked), 'commits acknowledged before the kill').toEqual([]);
    // Consistent: every published change request has its revision, every measure's current
    // state is its newest revision's, and the search index answers.
    const [orphans] = await queryRows<{ n: number }>(
      open.db,
      sql`select count(*)::int as n from change_requests cr where cr.state = 'veroeffentlicht'
        and not exists (select 1 from revisions r where r.entity_id = cr.measure_id and r.comment = cr.comment)`,
    );
    expect(orphans!.n).toBe(0);
    const [drift] = await queryRows<{ n: number }>(
      open.db,
      sql`select count(*)::int as n from measures m
        where m.remarks like 'Absturztest %' and m.remarks <> (select r.state->>'remarks' from revisions r
          where r.entity_type = 'measure' and r.entity_id = m.id order by r.id desc limit 1)`,
    );
    expect(drift!.n).toBe(0);
    const found = await searchMeasures(open.db, parseSearchParams(new URLSearchParams('q=Absturztest')).state, { municipality: 'herne' });
    expect(found.total).toBeGreaterThan(0);
    // And it takes new writes: the writer starts again on the same database.
    await letGo();
    const again = await writeUntilKilled('edit', env, (lines) => lines.some((l) => l.startsWith('ack ')));
    expect(again.killed).toBe(true);
    await reopen();
  }, 300_000);

  it('the check finds a lost write: a writer that acknowledges before committing is caught', async () => {
    await letGo();
    const run = await writeUntilKilled('early-ack', env, (lines) => lines.some((l) => l.startsWith('ack ')));
    expect(run.killed).toBe(true);
    await reopen();
    // Acknowledged, never committed: exactly what the checks above would report as lost.
    expect(await lostCommits(open.db, ackedNumbers(run.lines))).toEqual([1_000_000]);
  }, 120_000);
});
