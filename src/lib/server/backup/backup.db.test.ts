/**
 * Backup and restore over Herne's imported documents: a round trip into a fresh database yields
 * every table row for row (tables listed from information_schema, so a new table is covered),
 * plus the sequences; refusals change nothing; and — with TEST_DATABASE_URL — the move from the
 * embedded PGlite to PostgreSQL through the real CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, postgresConfigured, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { preparedDataDir, ROOT, runCli } from '../../../../tests/helpers/cli';
import { openDatabase, queryRows, type Database, type Db } from '../db';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { createBackup } from './backup';
import { BackupFormatError } from './format';
import { restoreBackup, RestoreRefusedError, SEEDED_BY_MIGRATIONS, tablesWithData } from './restore';
import { appMigrations } from './schema-version';

const SOURCES = path.join(ROOT, 'data', 'sources', 'herne');
const herne = () => fs.readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort().map((f) => readSourceFile(path.join(SOURCES, f)));

/** Every app table's rows as text, sorted, and every sequence's state. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name::text as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ r: string }>(db, sql.raw(`select t::text as r from "${name}" t`));
    out[name] = rows.map((x) => x.r).sort();
  }
  const sequences = await queryRows<{ name: string }>(db, sql`select sequencename::text as name from pg_sequences where schemaname = 'public' order by 1`);
  for (const { name } of sequences) {
    const [s] = await queryRows<{ v: string }>(db, sql.raw(`select last_value::text || '/' || is_called::text as v from "${name}"`));
    out[`sequence ${name}`] = [s!.v];
  }
  return out;
}

function newerSchema(text: string): string {
  const latest = appMigrations().at(-1)!;
  return text
    .replace(`-- schema-version: ${latest.tag}`, `-- schema-version: ${String(latest.idx + 1).padStart(4, '0')}_aus_der_zukunft`)
    .replace(`-- schema-index: ${latest.idx}`, `-- schema-index: ${latest.idx + 1}`);
}

describeEachEngine('backup and restore', (engine) => {
  let source: TestDatabase;
  let dump: string;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    source = await createTestDatabase(engine);
    await importSources(source, herne(), { municipality: 'herne' });
    // Text that needs escaping, in a jsonb and a text column.
    await source.db.execute(sql`insert into settings (key, value) values ('backup_test', ${JSON.stringify({ s: "O'Brien \\ C:\\pfad\nzweite Zeile\t😀" })}::jsonb)`);
    dump = (await createBackup(source)).text;
    before = await snapshot(source.db);
  }, 120_000);
  afterAll(async () => {
    await source?.destroy();
  });

  it('writes a Vielfalt header with format, schema version and time, then INSERTs per table', () => {
    const latest = appMigrations().at(-1)!;
    expect(dump.split('\n').slice(0, 7).join('\n')).toMatch(
      new RegExp(`format: vielfalt-backup/1\\n-- schema-version: ${latest.tag}\\n-- schema-index: ${latest.idx}\\n-- created-at: \\d{4}-\\d\\d-\\d\\dT`),
    );
    expect(dump).toContain('-- uploads: keine');
    expect(dump.indexOf('INSERT INTO "catalogues"')).toBeGreaterThan(dump.indexOf('INSERT INTO "municipalities"'));
    expect(dump.indexOf('INSERT INTO "measures"')).toBeGreaterThan(dump.indexOf('INSERT INTO "catalogues"'));
    expect(before.measures!.length).toBeGreaterThan(250);
  });

  it('restores into a fresh database: every table row for row, and the sequences', async () => {
    const target = await createTestDatabase(engine);
    try {
      await restoreBackup(target, dump);
      const after = await snapshot(target.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      const [escaped] = await queryRows<{ s: string }>(target.db, sql`select value->>'s' as s from settings where key = 'backup_test'`);
      expect(escaped!.s).toBe("O'Brien \\ C:\\pfad\nzweite Zeile\t😀");
    } finally {
      await target.destroy();
    }
  }, 60_000);

  it('refuses a dump from a newer schema and a file that is no dump, changing nothing', async () => {
    const target = await createTestDatabase(engine);
    try {
      const empty = await snapshot(target.db);
      await expect(restoreBackup(target, newerSchema(dump))).rejects.toThrow(RestoreRefusedError);
      await expect(restoreBackup(target, newerSchema(dump))).rejects.toThrow(/neueren Datenbankschema .*_aus_der_zukunft.*Es wurde nichts verändert/);
      await expect(restoreBackup(target, 'TRUNCATE measures;\n')).rejects.toThrow(BackupFormatError);
      expect(await snapshot(target.db)).toEqual(empty);
    } finally {
      await target.destroy();
    }
  });

  it('refuses a database with data unless forced; --force replaces its data', async () => {
    const target = await createTestDatabase(engine);
    try {
      await target.db.execute(sql`insert into municipalities (slug, name) values ('bochum', 'Bochum')`);
      const filled = await snapshot(target.db);
      await expect(restoreBackup(target, dump)).rejects.toThrow(/nicht leer .*municipalities.*--force/);
      expect(await snapshot(target.db)).toEqual(filled);
      await restoreBackup(target, dump, { force: true });
      expect(await snapshot(target.db)).toEqual(before);
    } finally {
      await target.destroy();
    }
  }, 60_000);

  it('leaves generated columns out (recomputed), loads parents before children and keeps bytea, arrays and time zones', async () => {
    const ddl = sql`create table backup_probe (id int primary key, parent int references backup_probe(id), a text, b text generated always as (upper(a)) stored,
                    bin bytea, tags text[], at timestamptz, n int generated always as identity)`;
    const [from, to] = [await createTestDatabase(engine), await createTestDatabase(engine)];
    try {
      await from.db.execute(ddl);
      await to.db.execute(ddl);
      // The child has the smaller key: a dump in key order alone would break the foreign key.
      await from.db.execute(sql`insert into backup_probe (id, parent, a, bin, tags, at) values (1, null, 'kind', decode('00ff27', 'hex'), '{"a,b","c''d",NULL}', '2026-03-29 01:59:59.123456+00')`);
      await from.db.execute(sql`insert into backup_probe (id, parent, a) values (2, null, 'eltern')`);
      await from.db.execute(sql`update backup_probe set parent = 2 where id = 1`);
      const text = (await createBackup(from)).text;
      expect(text).toMatch(/INSERT INTO "backup_probe" \("id", "parent", "a", "bin", "tags", "at", "n"\) OVERRIDING SYSTEM VALUE VALUES\n\('2'/);
      await restoreBackup(to, text, { force: true });
      const probe = (db: Db) => queryRows(db, sql`select id, parent, a, b, encode(bin, 'hex') as bin, tags::text as tags, at::text as at, n from backup_probe order by id`);
      expect(await probe(to.db)).toEqual(await probe(from.db));
      expect((await probe(to.db))[0]).toMatchObject({ b: 'KIND', bin: '00ff27', tags: '{"a,b",c\'d,NULL}' });
    } finally {
      await from.destroy();
      await to.destroy();
    }
  }, 60_000);

  it('counts only the tables the migrations fill as empty', async () => {
    const fresh = await createTestDatabase(engine);
    try {
      const seeded = Object.entries(await snapshot(fresh.db)).filter(([name, rows]) => !name.startsWith('sequence ') && rows.length > 0).map(([n]) => n);
      expect(seeded.sort()).toEqual([...SEEDED_BY_MIGRATIONS].sort());
      expect(await tablesWithData(fresh.db)).toEqual([]);
    } finally {
      await fresh.destroy();
    }
  });
});

describe('vielfalt restore (CLI)', () => {
  it('exits non-zero with a German message for a newer schema and leaves the database alone', async () => {
    const dir = preparedDataDir();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-backup-')), 'sicherung.sql.gz');
    try {
      const backup = await runCli(['backup', file], { DATA_DIR: dir });
      expect(backup.code, backup.stderr).toBe(0);
      const { readBackupFile, writeBackupFile } = await import('./file');
      writeBackupFile(file, newerSchema(readBackupFile(file)));
      const refused = await runCli(['restore', file], { DATA_DIR: dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Fehler: Die Sicherung stammt von einem neueren Datenbankschema/);
      // Refused before the database is even opened.
      expect(refused.stderr).not.toContain('Datenbank:');
      const notADump = path.join(path.dirname(file), 'x.sql');
      fs.writeFileSync(notADump, 'select 1;\n');
      const wrong = await runCli(['restore', notADump], { DATA_DIR: dir });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/keine Vielfalt-Datensicherung/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 60_000);
});

// The move from the embedded default to PostgreSQL: only where a PostgreSQL server is configured.
if (postgresConfigured()) {
  describe('moving from PGlite to PostgreSQL with backup and restore (CLI)', () => {
    const name = 'test_backup_move';
    let pg: typeof import('pg').default;
    let url: string;
    beforeAll(async () => {
      pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const target = new URL(process.env.TEST_DATABASE_URL!);
      target.pathname = `/${name}`;
      url = target.toString();
    });
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });

    it('restores a PGlite backup into an empty PostgreSQL database: every table row for row', async () => {
      const embedded = await createTestDatabase('pglite');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-move-')), 'umzug.sql');
      let moved: Database | null = null;
      try {
        await importSources(embedded, herne(), { municipality: 'herne' });
        const before = await snapshot(embedded.db);
        await embedded.close();
        const backup = await runCli(['backup', file], { DATA_DIR: embedded.dataDir! });
        expect(backup.code, backup.stderr).toBe(0);
        const restore = await runCli(['restore', file], { DATABASE_URL: url });
        expect(restore.code, restore.stderr).toBe(0);
        moved = await openDatabase({ engine: 'postgres', url });
        const after = await snapshot(moved.db);
        expect(Object.keys(after)).toEqual(Object.keys(before));
        for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      } finally {
        await moved?.close();
        await embedded.destroy();
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
    }, 90_000);
  });
}
