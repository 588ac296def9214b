// Opens (and if needed creates and migrates) the one SQLite file that holds everything.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './database';
import { fts5SearchIndex, indexBeforeItsMigration } from './fts5-search-index';
import { searchIndex as searchIndexMigration } from './migrations/0040-search-index';
import type { SearchIndex } from '../search/search-index';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { AppError } from '../errors';
import { StoreSqliteDialect } from './dialect';

export type Store = {
  db: Kysely<Database>;
  /** The raw handle, for SQLite-only features behind small interfaces (backup, integrity). */
  sqlite: BetterSqlite3.Database;
  file: string;
  /** The full-text index of items (FTS5 here; a server database brings its own). */
  search: SearchIndex;
  /** Folder beside the database where attachment files are stored by content hash. */
  filesDir: string;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** Stop at this schema version (tests of a migration from the previous version). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /** Where attachment files go; default `<dir of file>/files`. */
  filesDir?: string;
  /** Loaded instead of the default native module (the Electron-ABI build in the desktop app). */
  nativeBinding?: string;
  /** How long a write waits for another process's write (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
};

/** How long a write waits for another process's write to finish before it is refused as Busy. */
export const BUSY_TIMEOUT_MS = 5000;

export function openStore(file: string, options: OpenOptions = {}): Store {
  const migrations = options.migrations ?? MIGRATIONS;
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // First, so that everything after it (the journal mode too) waits for another process's write.
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError('Corrupt', `The database ${file} is damaged (${String(check)}). Restore a backup.`, `Databasen ${file} er beskadiget (${String(check)}). Gendan en sikkerhedskopi.`);
    }
    migrate(sqlite, file, migrations, options.targetVersion ?? migrations[migrations.length - 1]!.version);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new StoreSqliteDialect({ database: sqlite, file }) });
  const filesDir = options.filesDir ?? (inMemory ? fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'referent-files-')) : path.join(path.dirname(path.resolve(file)), 'files'));
  return {
    db,
    sqlite,
    file,
    // A store opened at an older schema (tests of a migration) has no index to keep.
    search: schemaVersion(sqlite) >= searchIndexMigration.version ? fts5SearchIndex : indexBeforeItsMigration,
    filesDir,
    close: async () => {
      await db.destroy();
      // kysely closes only a connection it used; a store that ran no query is closed here.
      if (sqlite.open) sqlite.close();
    },
  };
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

function migrate(sqlite: BetterSqlite3.Database, file: string, migrations: readonly Migration[], target: number): void {
  const current = schemaVersion(sqlite);
  const newest = migrations[migrations.length - 1]!.version;
  if (current > newest) {
    throw new AppError(
      'TooNew',
      `The database ${file} was written by a newer Referent (schema ${current}; this version knows up to ${newest}). Update Referent to open it.`,
      `Databasen ${file} er skrevet af en nyere Referent (skema ${current}; denne version kender op til ${newest}). Opdater Referent for at åbne den.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  if (current > 0 && file !== ':memory:') backupBeforeMigration(sqlite, file, current);
  for (const m of pending) {
    // Each step in its own transaction: a failure leaves the file at the last good version. It
    // takes the write lock first (IMMEDIATE) and looks again, so that of two processes opening
    // the same file at once, one migrates and the other finds the step done.
    sqlite.transaction(() => {
      if (schemaVersion(sqlite) >= m.version) return;
      m.up(sqlite);
      sqlite.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/** A consistent copy of the file as it was, beside it, before any migration touches it. */
function backupBeforeMigration(sqlite: BetterSqlite3.Database, file: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${version}-${stamp}.bak`;
  sqlite.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
}

export { SCHEMA_VERSION };
