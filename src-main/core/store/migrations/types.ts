import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';

/** What a migration may need beyond the file: the key that signs the change log, when the store has one. */
export type MigrationContext = { keyFile: string | null };

/** One numbered schema step. Runs inside a transaction; frozen once it has landed. */
export type Migration = {
  version: number;
  name: string;
  /** The step on a SQLite file. */
  up: (db: BetterSqlite3.Database, context: MigrationContext) => void;
  /**
   * The same step on PostgreSQL, on the migrating transaction. Every migration after the server's
   * baseline (postgres/baseline.ts) has one; those up to it are in the baseline.
   */
  postgres?: (db: Kysely<unknown> | Transaction<unknown>) => Promise<void>;
};
