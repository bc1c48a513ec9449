import type { Database } from './connection';
import { migrationsFolder } from './connection';

/** Applies every pending migration of /drizzle; safe to call at every start. */
export async function runMigrations(database: Database): Promise<void> {
  const folder = migrationsFolder();
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}
