import type BetterSqlite3 from 'better-sqlite3';

/** What a migration may need beyond the file: the key that signs the change log, when the store has one. */
export type MigrationContext = { keyFile: string | null };

/** One numbered schema step. Runs inside a transaction; frozen once it has landed. */
export type Migration = {
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database, context: MigrationContext) => void;
};
