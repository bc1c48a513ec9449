/** Opens the configured database for a CLI command, migrating first, and always closes it. */
import { databaseConfigFromEnv, describeDatabase, openDatabase, runMigrations, type Database } from '../lib/server/db';

export async function withDatabase<T>(fn: (database: Database) => Promise<T>, options: { quiet?: boolean } = {}): Promise<T> {
  const config = databaseConfigFromEnv();
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    if (!options.quiet) process.stderr.write(`Datenbank: ${describeDatabase(config)}\n`);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** A CLI failure with a message for the user and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
