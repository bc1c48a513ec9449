/**
 * The process a crash test kills with SIGKILL (tests/integration/crash.db.test.ts). It opens the
 * database named by DATA_DIR / DATABASE_URL and writes, printing one line per commit the moment
 * the use case returned — what a client would have been told:
 *   import   "start", "progress …" lines (each "progress Schreibe" inside the import's one
 *            transaction), then "ack import";
 *   edit     endless: a published edit ("ack edit <n>"), then a draft change published through
 *            review ("ack publish <n>"), on the first 25 published measures in turn;
 *   early-ack  a deliberately broken writer that acknowledges before it writes.
 * Run with `node --import tsx tests/helpers/crash-writer.ts <mode>`.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databaseConfigFromEnv, openDatabase, queryRows, runMigrations } from '../../src/lib/server/db';
import { importSources } from '../../src/lib/server/importers/pipeline';
import { readSourceFile } from '../../src/lib/server/importers/read-source';
import { createUser } from '../../src/lib/server/auth/users';
import type { SessionUser } from '../../src/lib/server/auth/policy';
import { loadMeasure } from '../../src/lib/server/editing/measures/load-measure';
import { updateMeasure } from '../../src/lib/server/editing/measures/update-measure';
import { publishChange } from '../../src/lib/server/editing/workflow/publish-change';
import { CRASH_SOURCES } from './crash-writer-sources';

const root = path.resolve(import.meta.dirname, '..', '..');
const say = (line: string) => process.stdout.write(`${line}\n`);

const mode = process.argv[2];
const database = await openDatabase(databaseConfigFromEnv());
await runMigrations(database);
const { db } = database;

if (mode === 'import') {
  say('start');
  await importSources(database, CRASH_SOURCES.map((f) => readSourceFile(path.join(root, 'data', 'sources', 'herne', f))), {
    municipality: 'herne',
    // "progress Schreibe …" comes inside the import's one transaction, before each catalogue.
    onProgress: (message) => say(`progress ${message}`),
  });
  say('ack import');
} else if (mode === 'early-ack') {
  // Deliberately broken: says "ack" before the write and commits only 2 s later. The crash test
  // kills it at the first ack, to show its check finds an acknowledged commit that never happened.
  say('start');
  say('ack edit 1000000');
  await new Promise((r) => setTimeout(r, 2000));
  await queryRows(db, sql`insert into revisions (entity_type, entity_id, state, author_label, comment)
    values ('measure', gen_random_uuid(), '{}'::jsonb, 'Absturztest', 'absturz 1000000')`);
} else if (mode === 'edit') {
  // An account of its own per run (the test starts the writer twice on one database).
  const created = await createUser(db, { email: `schreiber-${process.pid}@test.example`, name: 'Absturztest', role: 'redaktion', password: 'Lange Passphrase für Herne 2026' });
  const user: SessionUser = { id: created.id, email: created.email, name: 'Absturztest', role: 'redaktion', actorIds: [] };
  const ids = (
    await queryRows<{ id: string }>(db, sql`select id from measures where workflow_state = 'veroeffentlicht' and not is_gap order by id limit 25`)
  ).map((r) => r.id);
  say('start');
  for (let n = 1; ; n++) {
    const id = ids[n % ids.length]!;
    const { editable, row } = await loadMeasure(db, id);
    if (n % 2) {
      await updateMeasure(db, user, id, { ...editable, remarks: `Absturztest ${n}`, version: row.version }, { comment: `absturz ${n}`, intent: 'publish' });
      say(`ack edit ${n}`);
    } else {
      const draft = await updateMeasure(db, user, id, { ...editable, remarks: `Absturztest ${n}`, version: row.version }, { comment: `absturz ${n}`, intent: 'draft' });
      if (draft.status !== 'proposed') throw new Error(`expected a draft, got ${draft.status}`);
      await publishChange(db, user, draft.changeRequestId);
      say(`ack publish ${n}`);
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
await database.close();
