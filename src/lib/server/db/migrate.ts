import type { Database } from './connection';
import { migrationsFolder } from './connection';

/** Key of the lock that makes concurrent starts (several instances, a CLI) migrate one at a time. */
export const MIGRATION_LOCK = 'vielfalt.migrate';

/**
 * Applies every pending migration of /drizzle; safe to call at every start, also from several
 * processes at once on one PostgreSQL (they take turns: Drizzle's migrator itself does not lock).
 */
export async function runMigrations(database: Database): Promise<void> {
  await database.exclusive(MIGRATION_LOCK, () => migrateNow(database));
}

async function migrateNow(database: Database): Promise<void> {
  const folder = migrationsFolder();
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}
