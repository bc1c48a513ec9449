import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { createTestDatabase, postgresConfigured, type Engine, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows, type Db } from './connection';

/** Tables, columns (name, type, nullability, default), indexes and constraints as the engine sees them. */
async function introspect(db: Db) {
  type Row = Record<string, unknown>;
  const columns = await queryRows<Row>(db, sql`
    select table_name, column_name, data_type, is_nullable, coalesce(column_default, '') as column_default
    from information_schema.columns where table_schema = 'public' order by table_name, column_name`);
  const indexes = await queryRows<Row>(db, sql`
    select tablename, indexname, regexp_replace(indexdef, '\s+', ' ', 'g') as def
    from pg_indexes where schemaname = 'public' order by tablename, indexname`);
  const constraints = await queryRows<Row>(db, sql`
    select conrelid::regclass::text as tbl, conname, contype, pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace
      -- PostgreSQL 18 (PGlite) also lists NOT NULL as constraints (contype n); 15 does not. Nullability is compared via columns.
      and contype <> 'n' order by 1, 2`);
  const triggers = await queryRows<Row>(db, sql`
    select event_object_table, trigger_name, event_manipulation from information_schema.triggers
    where trigger_schema = 'public' order by 1, 2, 3`);
  const extensions = await queryRows<Row>(db, sql`select extname from pg_extension where extname in ('pg_trgm', 'unaccent') order by 1`);
  const tsConfigs = await queryRows<Row>(db, sql`select cfgname from pg_ts_config where cfgname = 'vielfalt_german'`);
  return {
    columns,
    indexes,
    constraints,
    triggers,
    extensions,
    tsConfigs,
  };
}

/**
 * Tables created by hand-written SQL migrations instead of the Drizzle schema: the search index
 * (drizzle/0003_search_index.sql) is maintained by triggers and read with raw SQL only.
 */
const SQL_ONLY_TABLES = ['search_documents', 'search_match', 'search_terms', 'search_dirty'];

const tables = (Object.values(schema) as unknown[]).filter(
  (value): value is PgTable => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
);

describe('migrations', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    // Both engines whenever the server is there: the last test compares them.
    const engines: Engine[] = postgresConfigured() ? ['pglite', 'postgres'] : ['pglite'];
    for (const engine of engines) databases.push(await createTestDatabase(engine));
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.destroy()));
  });

  it('create every table and column the Drizzle schema declares', async () => {
    for (const database of databases) {
      const { columns } = await introspect(database.db);
      const actual = new Set(
        columns.filter((c) => !SQL_ONLY_TABLES.includes(String(c.table_name))).map((c) => `${c.table_name}.${c.column_name}`),
      );
      const sqlOnly = new Set(columns.map((c) => String(c.table_name)).filter((t) => SQL_ONLY_TABLES.includes(t)));
      expect([...sqlOnly].sort()).toEqual([...SQL_ONLY_TABLES].sort());
      const expected = tables.flatMap((t) => {
        const config = getTableConfig(t);
        return config.columns.map((c) => `${config.name}.${c.name}`);
      });
      expect(expected.length).toBeGreaterThan(80);
      expect([...actual].sort()).toEqual([...new Set(expected)].sort());
    }
  });

  it('enable search extensions and the German unaccent configuration', async () => {
    for (const database of databases) {
      const { extensions, tsConfigs } = await introspect(database.db);
      expect(extensions.map((e) => e.extname)).toEqual(['pg_trgm', 'unaccent']);
      expect(tsConfigs).toHaveLength(1);
      const rows = await queryRows(
        database.db,
        sql`select to_tsvector('vielfalt_german', 'Förderung') @@ plainto_tsquery('vielfalt_german', 'Foerderung') as a,
                   to_tsvector('vielfalt_german', 'Maßnahmen für Kinder') @@ plainto_tsquery('vielfalt_german', 'Massnahme Kind') as b`,
      );
      // "Foerderung" is a transliteration, not an accent: unaccent folds ö → o, so it only meets with oe handling later (search issue).
      expect(rows[0]?.b).toBe(true);
    }
  });

  it('keep revisions append-only', async () => {
    for (const database of databases) {
      const rows = await queryRows(
        database.db,
        sql`insert into revisions (entity_type, entity_id, state, author_label) values ('measure', gen_random_uuid(), '{}'::jsonb, 'Test') returning id`,
      );
      const id = rows[0]?.id;
      await expect(database.db.execute(sql`update revisions set comment = 'x' where id = ${id}`)).rejects.toThrow();
      await expect(database.db.execute(sql`delete from revisions where id = ${id}`)).rejects.toThrow();
    }
  });

  // Registered only where both engines are there (CI's PostgreSQL run), so no run reports it as skipped.
  if (postgresConfigured()) {
    it('produce the same schema on PGlite and PostgreSQL', async () => {
      const [pglite, postgres] = await Promise.all(databases.map((d) => introspect(d.db)));
      expect(pglite?.columns.length).toBeGreaterThan(80);
      expect(postgres).toEqual(pglite);
    });
  }
});
