import type { Db } from './connection';

/**
 * Runs `fn` in one transaction. Called inside another transaction (a caller composing use
 * cases), Drizzle opens a savepoint, so the outer transaction still decides.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
