/**
 * `vielfalt backup DATEI` and `vielfalt restore DATEI`: a plain SQL dump of the data (both
 * engines, readable by psql), gzip when the name ends in .gz. See src/lib/server/backup/.
 */
import { databaseConfigFromEnv, describeDatabase, openDatabase, runMigrations } from '../lib/server/db';
import { createBackup } from '../lib/server/backup/backup';
import { readBackupFile, writeBackupFile } from '../lib/server/backup/file';
import { BackupFormatError } from '../lib/server/backup/format';
import { checkBackup, restoreBackup, RestoreRefusedError } from '../lib/server/backup/restore';
import { CliError, withDatabase } from './context';

export async function backupCommand(file: string): Promise<void> {
  const started = performance.now();
  const result = await withDatabase((database) => createBackup(database));
  const bytes = writeBackupFile(file, result.text);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Sicherung geschrieben: ${file} (${(bytes / 1024).toFixed(0)} KiB, ${result.tables} Tabellen, ${result.rows} Zeilen, Schema ${result.schemaVersion}, ${seconds} s)\n` +
      'Hochgeladene Dateien: keine – die Anwendung speichert keine Dateien außerhalb der Datenbank.\n',
  );
}

export async function restoreCommand(file: string, options: { force?: boolean } = {}): Promise<void> {
  const started = performance.now();
  let text: string;
  try {
    text = readBackupFile(file);
    // Check the file before the database is opened or migrated: a refused dump changes nothing.
    checkBackup(text);
  } catch (error) {
    if (error instanceof BackupFormatError || error instanceof RestoreRefusedError) throw new CliError(error.message);
    throw error;
  }
  const config = databaseConfigFromEnv();
  const database = await openDatabase(config);
  try {
    process.stderr.write(`Datenbank: ${describeDatabase(config)}\n`);
    await runMigrations(database);
    const result = await restoreBackup(database, text, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Wiederhergestellt: ${file} (Schema ${result.header.schemaVersion}, erstellt ${result.header.createdAt}, ${seconds} s)\n`);
  } catch (error) {
    if (error instanceof BackupFormatError || error instanceof RestoreRefusedError) throw new CliError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
