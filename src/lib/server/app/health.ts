/**
 * Liveness and readiness in one answer for load balancers, `docker HEALTHCHECK` and monitoring:
 * the process is up and its database answers a query within a deadline. The answer names no
 * host, user or path (it is public) and is never cached.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
  /** How long the database check took, in milliseconds (rounded). */
  databaseMs: number;
  /** Applied schema migrations, so a deployment can see it runs the schema it expects. */
  migrations: number | null;
}

/** A database that takes longer than this counts as down: a health check must answer quickly. */
export const HEALTH_DEADLINE_MS = 2_000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database check exceeded ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function countMigrations(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row?.n ?? 0);
}

/** Checks the database with one query; never throws. `open` may fail too (database not reachable at all). */
export async function checkHealth(open: () => Promise<Db>, deadlineMs = HEALTH_DEADLINE_MS, now: () => number = () => performance.now()): Promise<HealthReport> {
  const started = now();
  try {
    const migrations = await withDeadline(
      open().then((db) => countMigrations(db)),
      deadlineMs,
    );
    return { status: 'ok', database: 'ok', databaseMs: Math.round(now() - started), migrations };
  } catch {
    return { status: 'unavailable', database: 'unavailable', databaseMs: Math.round(now() - started), migrations: null };
  }
}
