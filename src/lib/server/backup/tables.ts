/** The app's tables (every base table in schema public) in foreign-key order, read from the catalog. */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db';

export interface TableInfo {
  name: string;
  /** Columns to dump: generated columns are left out, PostgreSQL computes them again. */
  columns: string[];
  /** Has an identity column GENERATED ALWAYS (needs OVERRIDING SYSTEM VALUE). */
  identityAlways: boolean;
  primaryKey: string[];
  /** Single-column foreign keys onto the table itself: [column, referenced column]. */
  selfReferences: [string, string][];
}

export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await queryRows<{ table_name: string; column_name: string; is_generated: string; identity_generation: string | null }>(
    db,
    sql`select c.table_name, c.column_name, c.is_generated, c.identity_generation
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const keys = await queryRows<{ table_name: string; kind: string; cols: string[] | string; target: string | null; target_cols: string[] | string | null }>(
    db,
    sql`select con.conrelid::regclass::text as table_name, con.contype::text as kind,
               array(select a.attname::text from unnest(con.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o) as cols,
               case when con.contype = 'f' then con.confrelid::regclass::text end as target,
               case when con.contype = 'f' then array(select a.attname::text from unnest(con.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o) end as target_cols
        from pg_constraint con join pg_namespace ns on ns.oid = con.connamespace
        where ns.nspname = 'public' and con.contype in ('p', 'f')`,
  );
  const arr = (v: string[] | string | null): string[] => (v === null ? [] : Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter(Boolean));
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let t = tables.get(c.table_name);
    if (!t) tables.set(c.table_name, (t = { name: c.table_name, columns: [], identityAlways: false, primaryKey: [], selfReferences: [] }));
    if (c.is_generated === 'ALWAYS') continue;
    t.columns.push(c.column_name);
    if (c.identity_generation === 'ALWAYS') t.identityAlways = true;
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const dependsOn = new Map<string, Set<string>>([...tables.keys()].map((n) => [n, new Set<string>()]));
  for (const k of keys) {
    const table = tables.get(unquote(k.table_name));
    if (!table) continue;
    if (k.kind === 'p') table.primaryKey = arr(k.cols);
    else if (k.target) {
      const target = unquote(k.target);
      if (target === table.name) {
        const [from, to] = [arr(k.cols), arr(k.target_cols)];
        if (from.length !== 1 || to.length !== 1) throw new Error(`Tabelle ${table.name}: mehrspaltiger Selbstbezug wird nicht unterstützt.`);
        table.selfReferences.push([from[0]!, to[0]!]);
      } else if (tables.has(target)) dependsOn.get(table.name)!.add(target);
    }
  }
  // Kahn's algorithm, alphabetical among equals: referenced tables first.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < tables.size) {
    const ready = [...tables.keys()].filter((n) => !done.has(n) && [...dependsOn.get(n)!].every((d) => done.has(d))).sort();
    if (ready.length === 0) throw new Error('Die Fremdschlüssel der Tabellen bilden einen Kreis; keine Ladereihenfolge möglich.');
    for (const n of ready) {
      done.add(n);
      ordered.push(tables.get(n)!);
    }
  }
  return ordered;
}

export async function listSequences(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`select sequencename::text as name from pg_sequences where schemaname = 'public' order by 1`);
  return rows.map((r) => r.name);
}
