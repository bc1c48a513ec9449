/**
 * Prepared statements for the search's few, fixed, complex queries. On PGlite planning them
 * costs far more than running them (~20 ms of planning against ~2 ms of execution), so each is
 * planned once per session:
 * - PostgreSQL: named statements on a pool of their own that keeps generic plans;
 * - PGlite (one session): PREPARE once, then EXECUTE with the values as SQL literals (a utility
 *   statement takes no bind parameters) using the generic plan. Literals are quoted here and
 *   parameters are typed by the PREPARE, so a value can never become SQL.
 * Anything else (e.g. a Drizzle transaction object) runs the text unprepared.
 */
import { sql } from 'drizzle-orm';
import { statementPoolOf, type Db, type StatementPool } from '../db/connection';

export interface PreparedStatement {
  /** Unique name (a valid identifier). */
  name: string;
  /** SQL with $1 … $n. */
  text: string;
  /** PostgreSQL types of $1 … $n. */
  types: string[];
  /** Planner settings for this statement on PGlite (set around its EXECUTE, then reset). */
  settings?: Record<string, string>;
}

export type Param = string | number | boolean | null;

interface PgliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}

const prepared = new WeakMap<object, Map<string, Promise<void>>>();

/** A value as an SQL literal (standard-conforming strings: only quotes are doubled). */
export function literal(value: Param): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Nicht endliche Zahl als Parameter');
    return String(value);
  }
  if (value.includes('\u0000')) throw new Error('NUL-Zeichen im Parameter');
  return `'${value.replace(/'/g, "''")}'`;
}

function clientOf(db: Db): unknown {
  return (db as unknown as { $client?: unknown }).$client;
}

function isPglite(client: unknown): client is PgliteLike {
  return Boolean(client) && typeof (client as PgliteLike).exec === 'function' && typeof (client as PgliteLike).query === 'function';
}

function isPool(client: unknown): client is StatementPool {
  return Boolean(client) && typeof (client as { connect?: unknown }).connect === 'function' && !isPglite(client);
}

async function preparePglite(client: PgliteLike, statement: PreparedStatement): Promise<void> {
  let names = prepared.get(client);
  if (!names) prepared.set(client, (names = new Map()));
  let ready = names.get(statement.name);
  if (!ready) {
    ready = client
      .exec(`PREPARE ${statement.name} (${statement.types.join(', ')}) AS ${statement.text}`)
      .then(() => undefined);
    names.set(statement.name, ready);
    ready.catch(() => names!.delete(statement.name));
  }
  await ready;
}

/**
 * The statement with every parameter mentioned once with its type (an unused CTE): PostgreSQL
 * infers parameter types from their use, and a statement may leave some unused.
 */
function typedText(statement: PreparedStatement): string {
  const params = statement.types.map((type, i) => `$${i + 1}::${type}`).join(', ');
  const text = statement.text.trimStart();
  return /^with\s/i.test(text) ? `WITH _params AS (SELECT ${params}), ${text.slice(5)}` : `WITH _params AS (SELECT ${params}) ${text}`;
}

export async function runPrepared<T>(db: Db, statement: PreparedStatement, params: Param[]): Promise<T[]> {
  if (params.length !== statement.types.length) throw new Error(`${statement.name}: ${statement.types.length} Parameter erwartet`);
  const client = clientOf(db);
  if (isPglite(client)) {
    await preparePglite(client, statement);
    // The generic plan: PostgreSQL would re-plan the first executions (custom plans), and keeps
    // doing so when it estimates them cheaper, which on PGlite costs more than it saves.
    const settings: Record<string, string> = { plan_cache_mode: 'force_generic_plan', ...statement.settings };
    const names = Object.keys(settings);
    const set = names.map((n) => `SET ${n} = ${settings[n]}`).join('; ');
    const reset = names.map((n) => `RESET ${n}`).join('; ');
    const execute = `${set}; EXECUTE ${statement.name}${params.length ? `(${params.map(literal).join(', ')})` : ''}; ${reset}`;
    const run = async () => {
      try {
        return (await client.exec(execute))[names.length]!.rows as T[];
      } catch (error) {
        await client.exec(reset).catch(() => undefined);
        throw error;
      }
    };
    try {
      return await run();
    } catch (error) {
      // Prepared statements vanish with DISCARD ALL or a new session: prepare again once.
      if (!/prepared statement .* does not exist/i.test(String((error as Error).message))) throw error;
      prepared.get(client)?.delete(statement.name);
      await preparePglite(client, statement);
      return await run();
    }
  }
  if (isPool(client)) {
    // Named: prepared once per connection, then executed with its generic plan (the pool's
    // connections force it, see db/connection.ts): no planning per search. The generic plan is
    // also the better one for the text match: with the tsquery unknown, the planner goes
    // through the GIN index, where a custom plan for a frequent word chose a sequential scan.
    const pool = statementPoolOf(db) ?? client;
    return (await pool.query({ name: statement.name, text: typedText(statement), values: params })).rows as T[];
  }
  // Unknown handle (e.g. a transaction): inline the typed literals.
  let text = statement.text;
  for (let i = params.length; i >= 1; i--)
    text = text.replaceAll(`$${i}`, `(${literal(params[i - 1]!)}::${statement.types[i - 1]})`);
  const result = (await db.execute(sql.raw(text))) as unknown as { rows: T[] };
  return result.rows;
}
