/** Schema versions: the app's migrations (drizzle journal) and what a database has applied. */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db';
import { migrationsFolder } from '../db/connection';

export interface Migration {
  idx: number;
  tag: string;
  when: number;
}

export function appMigrations(folder = migrationsFolder()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Migration[] };
  return journal.entries.map(({ idx, tag, when }) => ({ idx, tag, when })).sort((a, b) => a.idx - b.idx);
}

/** The last migration applied to the database (drizzle records its `when` as created_at), or null. */
export async function appliedMigration(db: Db, migrations = appMigrations()): Promise<Migration | null> {
  const [exists] = await queryRows<{ ok: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) return null;
  const [last] = await queryRows<{ created_at: string }>(
    db,
    sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!last) return null;
  const found = migrations.find((m) => String(m.when) === last.created_at);
  if (!found) throw new Error(`Die Datenbank hat eine unbekannte Migration (Zeitstempel ${last.created_at}); ist sie neuer als diese Version der Anwendung?`);
  return found;
}
