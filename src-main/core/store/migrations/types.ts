import type BetterSqlite3 from 'better-sqlite3';

/** One numbered schema step. Runs inside a transaction; frozen once it has landed. */
export type Migration = {
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database) => void;
};
