/**
 * The web server's one database: opened, migrated and (on first start) filled with the demo
 * catalogues once at start-up, closed on shutdown so PGlite flushes and releases its lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databaseConfigFromEnv, describeDatabase, openDatabase, runMigrations, type Database } from '../db';
import { catalogues } from '../db/schema';
import { DEFAULT_MUNICIPALITY } from '../catalogue/municipality';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { projectPath } from '../util/project-root';
import { errorFields, log } from '../log/log';
import { firstStartHint } from '../auth/setup';
import { startMaintenance } from '../suggestions/maintenance';
import { PURGE_TASKS } from './purge-tasks';
import { ContentVersion } from '../cache/content-version';

/**
 * The municipality (tenant) this installation serves, decided here once: the seed import fills
 * it and hooks.server.ts hands it to every request (`locals.municipality`).
 */
export const INSTANCE_MUNICIPALITY = DEFAULT_MUNICIPALITY.slug;

let stopMaintenance: (() => void) | null = null;
let contentVersion: ContentVersion | null = null;

/** The content version this process follows (null before the database started). */
export function getContentVersion(): ContentVersion | null {
  return contentVersion;
}

// Kept on globalThis: Vite's dev server re-evaluates modules (and re-runs `init`) on every
// change; a module-level variable would open a second instance and lock itself out.
const GLOBAL_KEY = Symbol.for('vielfalt.database');
type Holder = { [GLOBAL_KEY]?: Promise<Database> | null };
const holder = globalThis as Holder;
let instance: Promise<Database> | null = holder[GLOBAL_KEY] ?? null;
const remember = (value: Promise<Database> | null) => {
  instance = value;
  holder[GLOBAL_KEY] = value;
};

export function getDatabase(): Promise<Database> {
  instance ??= holder[GLOBAL_KEY] ?? null;
  if (!instance) throw new Error('Database not started: call startDatabase() first');
  return instance;
}

/** Demo sources imported into an empty database: SEED_DIR, else data/sources/herne. */
function seedFiles(): string[] {
  const dir = process.env.SEED_DIR ? path.resolve(process.env.SEED_DIR) : projectPath('data/sources/herne');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}

async function seedIfEmpty(database: Database): Promise<void> {
  if (process.env.SEED === '0') return;
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(catalogues);
  if ((row?.n ?? 0) > 0) return;
  const files = seedFiles();
  if (!files.length) return;
  // Reference material among them (e.g. the annual review 002) is skipped by the pipeline.
  const sources = files.map(readSourceFile);
  const started = Date.now();
  const report = await importSources(database, sources, { municipality: INSTANCE_MUNICIPALITY });
  log.info('seed.imported', {
    files: sources.map((f) => f.name),
    measures: report.outcomes.reduce((n, o) => n + o.measures.created, 0),
    warnings: report.warnings.length,
    ms: Date.now() - started,
  });
}

export function startDatabase(): Promise<Database> {
  instance ??= holder[GLOBAL_KEY] ?? null;
  if (instance) return instance;
  remember((async () => {
    const config = databaseConfigFromEnv();
    const database = await openDatabase(config);
    try {
      await runMigrations(database);
      log.info('database.ready', { database: describeDatabase(config) });
      try {
        // Two instances starting at once on an empty PostgreSQL: one imports, the other then sees the catalogues.
        await database.exclusive('vielfalt.seed', () => seedIfEmpty(database));
      } catch (error) {
        // The app still serves; the import can be repeated with `npx vielfalt import`.
        log.error('seed.failed', errorFields(error));
      }
      await firstStartHint(database.db);
      contentVersion = await new ContentVersion(database.db).follow(database);
      // Retention purge of suggestion contact data (daily) and outbox delivery (unref'd timers).
      if (process.env.MAINTENANCE !== '0') stopMaintenance = startMaintenance(database.db, { purgeTasks: PURGE_TASKS });
      return database;
    } catch (error) {
      await database.close();
      throw error;
    }
  })());
  instance!.catch(() => remember(null));
  return instance!;
}

export async function stopDatabase(): Promise<void> {
  const current = instance ?? holder[GLOBAL_KEY] ?? null;
  remember(null);
  stopMaintenance?.();
  stopMaintenance = null;
  await contentVersion?.stop();
  contentVersion = null;
  if (current) await (await current).close();
}
