// The store: what core reads and writes through, on a SQLite file (the laptop) or a PostgreSQL
// database (a municipality's server). `openStore` looks at the target (a path or a postgres:// URL)
// and opens the dialect it names; everything a dialect does differently sits behind `features`.
// See docs/server-design.md §1.
import type { Kysely } from 'kysely';
import type { Database, Db } from './database';
import type { SearchIndex } from '../search/search-index';
import type { AppError } from '../errors';
import type { FileStore } from '../files/file-store';
import type { StoreBackups } from './sqlite/backups';
import type { Migration } from './migrations';
import { isPostgresUrl } from './target';
import { openSqliteStoreReady } from './sqlite/open';

export type Dialect = 'sqlite' | 'postgres';

/** What only one dialect does, each behind a small interface (null where the dialect has none). */
export type StoreFeatures = {
  /** The database's own check of every page ('ok' or what it found); SQLite only: a server checks itself. */
  checkIntegrity: (() => string) | null;
  /** The dialect's environmental failures (busy, damaged, disk full, connection lost …) as one sentence, or null. */
  mapError: (e: unknown) => AppError | null;
};

export type Store = {
  dialect: Dialect;
  /** The only way core reads and writes (repositories and services; SQL nowhere else). */
  db: Kysely<Database>;
  /** The file path, or the server's URL without its password: named in messages. */
  file: string;
  /** The full-text index of items (FTS5 in the file; the server's own text search). */
  search: SearchIndex;
  /** Where attachment bytes are kept: the folder beside the file, or the server's database (docs/server-design.md §6). */
  files: FileStore;
  /**
   * The folder of attachment files: beside the file, where `files` keeps them; on a server, the
   * folder they were kept in before they moved into the database (moved in on open, once).
   */
  filesDir: string;
  /** Opened for reading only (verify, search, export): nothing is written. */
  readOnly: boolean;
  /** Rolling backups of the file; null for a database in memory or on a server (pg_dump's job). */
  backups: StoreBackups | null;
  features: StoreFeatures;
  /** The options it was opened with (the desktop app's native module, for workers too). */
  options: OpenOptions;
  /**
   * Runs fn as one write transaction: a mutation lands whole or not at all, and the search index
   * takes the items it changed in the same transaction. The one place a dialect retries or locks.
   */
  write: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  /** The schema version the database is at. */
  schemaVersion: () => Promise<number>;
  /** The key that signs the change log (seal/signing.ts); null: entries are written without a MAC. */
  keyFile: string | null;
  /** Closes the database and opens it again, as on a start (after a restore): db is replaced. */
  reopen: () => Promise<void>;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** Stop at this schema version (tests of a migration from the previous version). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /** Where attachment files go on the laptop (default `<dir of file>/files`); on a server, the folder to move into the database. */
  filesDir?: string;
  /** Loaded instead of the default native module (the Electron-ABI build in the desktop app). */
  nativeBinding?: string;
  /** How long a write waits for another process's write (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /** For commands that only read: the database must exist, and is opened read-only. */
  readOnly?: boolean;
  /** Recorded with each backup. */
  appVersion?: string;
  /** Sign every change-log entry with the key in this file (created on the first write). */
  keyFile?: string | undefined;
};

/** Opens the store `target` names: a postgres:// URL the server's database, anything else a SQLite file. */
export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) {
    // Loaded only here: a laptop never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/open');
    return openPostgresStore(target, options);
  }
  return openSqliteStoreReady(target, options);
}

export { openSqliteStore, schemaVersion, BUSY_TIMEOUT_MS, type SqliteStore } from './sqlite/open';
export { SCHEMA_VERSION } from './migrations';
