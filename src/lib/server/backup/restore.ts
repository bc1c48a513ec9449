/**
 * Restores a backup into a migrated database: checks the header (a Vielfalt dump, schema not
 * newer than the app's migrations), refuses a database that already holds data unless forced,
 * then runs the dump's statements in one transaction (the dump truncates the app tables
 * itself, so a failure leaves everything as it was).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../db';
import { BackupFormatError, parseHeader, splitStatements, type BackupHeader } from './format';
import { appMigrations, type Migration } from './schema-version';
import { listTables } from './tables';

/**
 * Tables the migrations themselves fill (code lists, settings, the search version row): rows
 * there do not make a database "non-empty". restore.db.test.ts checks this list against a
 * freshly migrated database.
 */
export const SEEDED_BY_MIGRATIONS = ['measure_states', 'search_terms', 'settings'];

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** Validates a dump against the app's migrations without touching any database. */
export function checkBackup(text: string, migrations: Migration[] = appMigrations()): BackupHeader {
  const header = parseHeader(text);
  const latest = migrations[migrations.length - 1]!;
  const known = migrations.find((m) => m.tag === header.schemaVersion);
  if (header.schemaIndex > latest.idx || !known) {
    throw new RestoreRefusedError(
      `Die Sicherung stammt von einem neueren Datenbankschema (${header.schemaVersion}) als diese Version der Anwendung kennt (neueste Migration: ${latest.tag}). ` +
        'Bitte zuerst Vielfalt aktualisieren, dann wiederherstellen. Es wurde nichts verändert.',
    );
  }
  if (known.idx !== latest.idx) {
    // Loading old rows into a newer schema is not reliable: refuse rather than guess.
    throw new RestoreRefusedError(
      `Die Sicherung stammt vom älteren Schema ${header.schemaVersion}, die Anwendung ist bei ${latest.tag}. ` +
        'Bitte mit der Vielfalt-Version wiederherstellen, die die Sicherung erstellt hat, und danach aktualisieren. Es wurde nichts verändert.',
    );
  }
  return header;
}

/** App tables that hold rows (besides the ones the migrations fill). */
export async function tablesWithData(db: Db): Promise<string[]> {
  const tables = (await listTables(db)).map((t) => t.name).filter((n) => !SEEDED_BY_MIGRATIONS.includes(n));
  if (tables.length === 0) return [];
  const probes = tables.map((n) => `select '${n}' as name where exists (select 1 from "${n}")`).join(' union all ');
  return (await queryRows<{ name: string }>(db, sql.raw(probes))).map((r) => r.name);
}

export interface RestoreResult {
  header: BackupHeader;
  statements: number;
}

/** Loads a dump into `database` (already migrated to the app's latest schema). */
export async function restoreBackup(database: Database, text: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const header = checkBackup(text);
  const statements = splitStatements(text).filter((s) => s !== 'BEGIN;' && s !== 'COMMIT;');
  if (statements.length === 0) throw new BackupFormatError('Die Datensicherung enthält keine Anweisungen.');
  if (!options.force) {
    const filled = await tablesWithData(database.db);
    if (filled.length > 0) {
      throw new RestoreRefusedError(
        `Die Zieldatenbank ist nicht leer (Daten in: ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). ` +
          'Mit --force werden alle Daten dort gelöscht und durch die Sicherung ersetzt. Es wurde nichts verändert.',
      );
    }
  }
  await database.db.transaction(async (trx) => {
    for (const statement of statements) await trx.execute(sql.raw(statement));
  });
  return { header, statements: statements.length };
}
