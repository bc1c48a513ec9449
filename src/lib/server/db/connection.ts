/**
 * One dialect, two engines: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
 * Everything above this module sees the same Drizzle database type.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { checkDataDirectory } from './data-dir';
import { acquireDirectoryLock, type DirectoryLock } from './lock';
import { pgliteStartParams, type DatabaseConfig } from './config';
import { projectPath } from '../util/project-root';
import { queryCountingLogger } from './query-count';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly engine: DatabaseConfig['engine'];
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel` (after the sender's commit),
   * from this process and — on PostgreSQL — from every other one. Returns the unsubscribe.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs `work` while no other process runs work under the same key: on PostgreSQL a session
   * advisory lock on a connection of its own (several app instances starting at once migrate
   * and seed one after the other); on PGlite the data directory's lock already makes this
   * process the only one.
   */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite keeps its files here, below the data directory (which also holds the lock). */
export function pgliteStoreDir(dataDir: string): string {
  return path.join(dataDir, 'db');
}

/** The migrations folder (drizzle-kit output), shipped with the project. */
export function migrationsFolder(): string {
  if (process.env.VIELFALT_MIGRATIONS) return process.env.VIELFALT_MIGRATIONS;
  const folder = projectPath('drizzle', 'drizzle/meta/_journal.json');
  if (!fs.existsSync(path.join(folder, 'meta', '_journal.json'))) throw new Error('Migrationsverzeichnis „drizzle/“ nicht gefunden.');
  return folder;
}

async function openPglite(dataDir: string): Promise<Database> {
  // A read-only, foreign or full data directory is said in German before anything is written.
  checkDataDirectory(dataDir);
  // Lock first: never let a second process open the same store.
  const lock: DirectoryLock = acquireDirectoryLock(dataDir);
  try {
    const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('drizzle-orm/pglite'),
    ]);
    // Every process must load the same extensions, or objects that use them fail to load.
    const client = await PGlite.create({
      dataDir: pgliteStoreDir(dataDir),
      extensions: { pg_trgm, unaccent },
      startParams: pgliteStartParams((PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams),
    });
    const db = drizzle(client, { schema, logger: queryCountingLogger }) as unknown as Db;
    let closed = false;
    return {
      db,
      engine: 'pglite',
      // PGlite delivers a notification while the committing query returns: before its caller goes on.
      listen: (channel, onNotify) => client.listen(channel, onNotify),
      exclusive: (_key, work) => work(),
      async close() {
        if (closed) return;
        closed = true;
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  // An idle connection ended by the server (restart, admin command) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on('error', (error) => {
    if (process.env.LOG_LEVEL !== 'silent') process.stderr.write(`PostgreSQL: Verbindung beendet (${(error as { code?: string }).code ?? error.message})\n`);
  });
  // Fail early with a clear error rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle(pool, { schema, logger: queryCountingLogger }) as unknown as Db;
  // A few connections of their own for the search's fixed statements (search/prepared.ts), set to
  // keep one generic plan per statement. Left to choose, PostgreSQL re-plans such a statement on
  // every execution whenever its generic plan looks costlier than the custom ones: 2–3 ms of
  // planning per statement against well under a millisecond of execution (bench/search.ts).
  // Only these connections: other queries keep PostgreSQL's default choice.
  const statementPool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_SEARCH_POOL_SIZE || 4),
    options: '-c plan_cache_mode=force_generic_plan',
  });
  statementPool.on('error', () => undefined);
  statementPools.set(db, statementPool);
  let closed = false;
  const listeners = new Set<{ stop(): Promise<void> }>();
  return {
    db,
    engine: 'postgres',
    async exclusive(key, work) {
      const holder = new pg.Client({ connectionString: url });
      holder.on('error', () => undefined);
      await holder.connect();
      try {
        await holder.query('select pg_advisory_lock(hashtext($1))', [key]);
        return await work();
      } finally {
        // Ending the session releases the lock even if the unlock fails.
        await holder.query('select pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
        await holder.end().catch(() => undefined);
      }
    },
    async listen(channel, onNotify) {
      const listener = listenOnPostgres(pg, url, channel, onNotify);
      await listener.ready;
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        await listener.stop();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([pool.end(), statementPool.end(), ...[...listeners].map((l) => l.stop())]);
    },
  };
}

/**
 * A connection of its own that LISTENs on `channel`, and comes back after the server ended it
 * (restart): notifications sent while it was away are lost, so it reports a reconnect as one
 * notification with an empty payload — the listener then re-reads whatever it follows.
 */
function listenOnPostgres(pg: typeof import('pg').default, url: string, channel: string, onNotify: (payload: string) => void) {
  let stopped = false;
  let client: import('pg').Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  // Every second until the server is back (a restart may take longer than one attempt).
  const scheduleRetry = () => {
    if (stopped) return;
    retry = setTimeout(() => void connect(true).catch(scheduleRetry), 1000);
    retry.unref();
  };
  const connect = async (reconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => {
      if (stopped || client !== next) return;
      client = null;
      void next.end().catch(() => undefined);
      scheduleRetry();
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    if (reconnect) onNotify('');
  };
  return {
    ready: connect(false),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}

/** What the search's prepared statements need of a node-postgres pool. */
export interface StatementPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statementPools = new WeakMap<object, StatementPool>();

/** PostgreSQL: the pool for prepared statements with generic plans (undefined on PGlite). */
export function statementPoolOf(db: Db): StatementPool | undefined {
  return statementPools.get(db);
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir);
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
