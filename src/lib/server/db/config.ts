import path from 'node:path';

/** Where the database lives: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite. */
export type DatabaseConfig =
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string };

/** The data directory holds the PGlite store (`db/`) and its lock; `./data` unless DATA_DIR says otherwise. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR || 'data');
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { engine: 'postgres', url };
  return { engine: 'pglite', dataDir: dataDirFromEnv(env) };
}

/** Describes the configuration without secrets (passwords in URLs never reach logs). */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'pglite') return `PGlite (${config.dataDir})`;
  try {
    const u = new URL(config.url);
    return `PostgreSQL (${u.hostname}:${u.port || 5432}${u.pathname})`;
  } catch {
    return 'PostgreSQL';
  }
}
