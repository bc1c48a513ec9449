export { openDatabase, pgliteStoreDir, queryRows, type Database, type Db } from './connection';
export { runMigrations } from './migrate';
export { databaseConfigFromEnv, dataDirFromEnv, describeDatabase, type DatabaseConfig } from './config';
export { DatabaseLockedError } from './lock';
export * as schema from './schema';
export { inTransaction } from './transaction';
