/**
 * The web server's one database: opened, migrated and (on first start) filled with the demo
 * catalogues once at start-up, closed on shutdown so PGlite flushes and releases its lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databaseConfigFromEnv, describeDatabase, openDatabase, runMigrations, type Database } from '../db';
import { catalogues } from '../db/schema';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { projectPath } from '../util/project-root';
import { log } from './log';

let instance: Promise<Database> | null = null;

export function getDatabase(): Promise<Database> {
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
  // Only documents an importer recognises; the rest (e.g. the annual review 002) are reference material.
  const { detectKind } = await import('../importers/kinds');
  const sources = files.map(readSourceFile).filter((f) => detectKind(f.text));
  if (!sources.length) return;
  const started = Date.now();
  const report = await importSources(database, sources);
  log.info('seed.imported', {
    files: sources.map((f) => f.name),
    measures: report.outcomes.reduce((n, o) => n + o.measures.created, 0),
    warnings: report.warnings.length,
    ms: Date.now() - started,
  });
}

export function startDatabase(): Promise<Database> {
  if (instance) return instance;
  instance = (async () => {
    const config = databaseConfigFromEnv();
    const database = await openDatabase(config);
    try {
      await runMigrations(database);
      log.info('database.ready', { database: describeDatabase(config) });
      try {
        await seedIfEmpty(database);
      } catch (error) {
        // The app still serves; the import can be repeated with `npx vielfalt import`.
        log.error('seed.failed', { message: error instanceof Error ? error.message : String(error) });
      }
      return database;
    } catch (error) {
      await database.close();
      throw error;
    }
  })();
  instance.catch(() => {
    instance = null;
  });
  return instance;
}

export async function stopDatabase(): Promise<void> {
  const current = instance;
  instance = null;
  if (current) await (await current).close();
}
