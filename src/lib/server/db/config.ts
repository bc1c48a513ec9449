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

/**
 * PGlite's buffer cache. PostgreSQL's default of 128 MB lives in the process's WebAssembly
 * memory, which never shrinks: it was most of the server's resident memory (issue 13). Herne's
 * catalogues are a few megabytes, so 32 MB holds them several times over; a larger
 * municipality can raise it with PGLITE_SHARED_BUFFERS (PostgreSQL units, e.g. "64MB").
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '32MB';

export function pgliteStartParams(defaults: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env.PGLITE_SHARED_BUFFERS?.trim() || DEFAULT_PGLITE_SHARED_BUFFERS;
  if (!/^\d+(kB|MB|GB)$/.test(value) || Number.parseInt(value, 10) === 0) {
    throw new Error(`PGLITE_SHARED_BUFFERS: „${value}“ ist keine Speichergröße; erwartet wird z. B. „32MB“ (Einheiten kB, MB, GB).`);
  }
  return [...defaults, '-c', `shared_buffers=${value}`];
}
