/**
 * Writes a backup: every row of every app table as INSERT statements in foreign-key order
 * (parents before children within self-referencing tables too), then the sequences. Read in
 * one REPEATABLE READ transaction, so the file is a consistent snapshot while the app runs.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../db';
import { BACKUP_FORMAT, formatHeader, quoteIdent, quoteLiteral } from './format';
import { appliedMigration } from './schema-version';
import { listSequences, listTables, type TableInfo } from './tables';

const ROWS_PER_INSERT = 200;

export interface BackupResult {
  text: string;
  tables: number;
  rows: number;
  schemaVersion: string;
}

export async function createBackup(database: Database, now = new Date()): Promise<BackupResult> {
  return database.db.transaction(
    async (trx) => {
      const db = trx as unknown as Db;
      const migration = await appliedMigration(db);
      if (!migration) throw new Error('Die Datenbank ist noch nicht migriert; es gibt nichts zu sichern.');
      const tables = await listTables(db);
      const sequences = await listSequences(db);
      const out: string[] = formatHeader({
        format: BACKUP_FORMAT,
        schemaVersion: migration.tag,
        schemaIndex: migration.idx,
        createdAt: now.toISOString(),
        engine: database.engine,
      });
      out.push(
        '',
        'BEGIN;',
        "SET LOCAL client_encoding = 'UTF8';",
        'SET LOCAL standard_conforming_strings = on;',
        "SET LOCAL datestyle = 'ISO, YMD';",
        "SET LOCAL intervalstyle = 'postgres';",
        // Rows are loaded as they were: triggers (search index, content version) stay off meanwhile.
        ...tables.map((t) => `ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER USER;`),
        `TRUNCATE TABLE ${tables.map((t) => quoteIdent(t.name)).join(', ')};`,
      );
      let rows = 0;
      for (const table of tables) rows += await dumpTable(db, table, out);
      out.push('', '-- Sequenzen');
      for (const name of sequences) {
        const [state] = await queryRows<{ last_value: string; is_called: boolean }>(db, sql.raw(`select last_value::text as last_value, is_called from ${quoteIdent(name)}`));
        out.push(`SELECT pg_catalog.setval(${quoteLiteral(quoteIdent(name))}, ${state!.last_value}, ${state!.is_called});`);
      }
      out.push('', ...tables.map((t) => `ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER USER;`), 'COMMIT;', '');
      return { text: out.join('\n'), tables: tables.length, rows, schemaVersion: migration.tag };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function dumpTable(db: Db, table: TableInfo, out: string[]): Promise<number> {
  if (table.columns.length === 0) return 0;
  // PostgreSQL's own text form of every value (exact for timestamps, numerics, arrays, jsonb, bytea).
  const select = table.columns.map((c, i) => `${quoteIdent(c)}::text as c${i}`).join(', ');
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
  const fetched = await queryRows<Record<string, string | null>>(db, sql.raw(`select ${select} from ${quoteIdent(table.name)}${order}`));
  let values = fetched.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null));
  if (table.selfReferences.length) values = parentsFirst(table, values);
  out.push('', `-- ${table.name}: ${values.length} Zeilen`);
  const head = `INSERT INTO ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')})${table.identityAlways ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES`;
  for (let start = 0; start < values.length; start += ROWS_PER_INSERT) {
    const chunk = values.slice(start, start + ROWS_PER_INSERT);
    out.push(head);
    chunk.forEach((row, i) => out.push(`(${row.map(quoteLiteral).join(', ')})${i === chunk.length - 1 ? ';' : ','}`));
  }
  return values.length;
}

/** Orders rows so that a row referenced through a self-reference comes before the rows that refer to it. */
function parentsFirst(table: TableInfo, rows: (string | null)[][]): (string | null)[][] {
  const col = (name: string) => table.columns.indexOf(name);
  const refs = table.selfReferences.map(([from, to]) => [col(from), col(to)] as const);
  const byKey = refs.map(([, to]) => new Map(rows.map((r, i) => [r[to], i])));
  const state = new Uint8Array(rows.length); // 0 new, 1 visiting, 2 done
  const ordered: (string | null)[][] = [];
  const visit = (start: number) => {
    const stack: [number, boolean][] = [[start, false]];
    while (stack.length) {
      const [i, expanded] = stack.pop()!;
      if (state[i] === 2) continue;
      if (expanded) {
        state[i] = 2;
        ordered.push(rows[i]!);
        continue;
      }
      if (state[i] === 1) throw new Error(`Tabelle ${table.name}: Zeilen verweisen im Kreis aufeinander.`);
      state[i] = 1;
      stack.push([i, true]);
      refs.forEach(([from], k) => {
        const value = rows[i]![from];
        const parent = value === null || value === undefined ? undefined : byKey[k]!.get(value);
        if (parent !== undefined && parent !== i && state[parent] !== 2) stack.push([parent, false]);
      });
    }
  };
  rows.forEach((_, i) => visit(i));
  return ordered;
}
