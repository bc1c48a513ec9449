/**
 * Counts the statements a piece of code sends to the database, for query budgets in tests
 * ("a measure page on a cache miss costs at most three statements"). Both drivers get this
 * logger (connection.ts); outside `countQueries` it does nothing but read an AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

const scope = new AsyncLocalStorage<{ statements: string[] }>();

export const queryCountingLogger: Logger = {
  logQuery(query: string) {
    scope.getStore()?.statements.push(query);
  },
};

/** Runs `work` and returns its result with the statements it sent (in order). */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const store = { statements: [] as string[] };
  const result = await scope.run(store, work);
  return { result, statements: store.statements };
}
