/**
 * Prepares one migrated template database per test run, so each test file gets a fresh copy in
 * milliseconds instead of paying PGlite's initdb (~5 s) or running migrations again:
 * - PGlite: a data directory under .tmp/, cached by a hash of the migrations;
 * - PostgreSQL (TEST_DATABASE_URL): a template database that test files clone.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../../src/lib/server/db';
import { migrationsFolder } from '../../src/lib/server/db/connection';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplateDb: string | null;
  }
}

function migrationsHash(): string {
  const folder = migrationsFolder();
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(folder, { recursive: true }).map(String).sort()) {
    const full = path.join(folder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

async function preparePgliteTemplate(): Promise<string> {
  const dir = path.resolve('.tmp', `pglite-template-${migrationsHash()}`);
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  fs.writeFileSync(path.join(dir, 'ready'), new Date().toISOString());
  return dir;
}

async function preparePostgresTemplate(url: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `vielfalt_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: target.toString() });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  return {
    name,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export default async function setup(project: TestProject) {
  project.provide('pgliteTemplateDir', await preparePgliteTemplate());
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('postgresTemplateDb', null);
    return;
  }
  const template = await preparePostgresTemplate(url);
  project.provide('postgresTemplateDb', template.name);
  return () => template.drop();
}
