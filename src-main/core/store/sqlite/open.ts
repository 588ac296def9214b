// Opens (and if needed creates and migrates) the one SQLite file that holds everything (the store's
// SQLite dialect; ../open.ts chooses it for any target that is not a postgres:// URL). Opening
// is quick at any size: the file is not read through here (integrity.ts checks it in the
// background, in `verify` and in every backup). A file from a newer Referent is refused before
// anything writes to it; a command that only reads never creates a file.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../database';
import { fts5SearchIndex, indexBeforeItsMigration } from './fts5-search-index';
import { searchAgendaOrder } from '../migrations/0160-search-agenda-order';
import type { SearchIndex } from '../../search/search-index';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../migrations';
import { AppError } from '../../errors';
import { StoreSqliteDialect } from './dialect';
import { sqliteBackups } from './backups';
import { asStoreError, readOnly as readOnlyError, storeFailure } from './sqlite-errors';
import { checkIntegrityNow } from './integrity';
import type { OpenOptions, Store } from '../open';
import { readBackupKeep } from '../store-settings';
import { SigningPlugin } from '../../seal/signing-plugin';
import { tooNew } from '../schema-errors';
import { folderFileStore } from '../../files/file-store';

/** The store on a SQLite file, with its raw handle for the SQLite-only parts (backups, integrity) and tests. */
export type SqliteStore = Store & { dialect: 'sqlite'; sqlite: BetterSqlite3.Database };

/** How long a write waits for another process's write to finish before it is refused as Busy. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the file with its search index up to date: what the index has noted (a migration that
 * indexes the archive again, a write whose refresh a crash cut off) is indexed now, when the file
 * opens, and not in the first search or save. A command that only reads finds the file brought up
 * to date first by a writing open, its index included, so that its queries never need to write.
 */
export async function openSqliteStoreReady(file: string, options: OpenOptions = {}): Promise<SqliteStore> {
  const latest = options.targetVersion === undefined || options.targetVersion >= (options.migrations ?? MIGRATIONS).at(-1)!.version;
  if (latest && options.readOnly === true && file !== ':memory:') {
    // One connection when the file is up to date, as it nearly always is: it reads the version and
    // the index's notes itself. Only notes left to index take a writing open, and a new reader after it.
    const reader = openSqliteStore(file, options);
    if (!hasSearchNotes(reader.sqlite)) return reader;
    await reader.close();
    const writer = openSqliteStore(file, { ...options, readOnly: false });
    try {
      await writer.search.refresh(writer.db);
    } finally {
      await writer.close();
    }
    return openSqliteStore(file, options);
  }
  const store = openSqliteStore(file, options);
  try {
    if (latest && !store.readOnly) await store.search.refresh(store.db);
  } catch (e) {
    await store.close();
    throw asStoreError(e, file);
  }
  return store;
}

/** Whether the search index has noted items to index. Undecided (a damaged file): no, and the first read says what is wrong. */
function hasSearchNotes(sqlite: BetterSqlite3.Database): boolean {
  try {
    return sqlite.prepare('SELECT 1 FROM search_pending UNION ALL SELECT 1 FROM search_rekey LIMIT 1').get() !== undefined;
  } catch {
    return false;
  }
}

export function openSqliteStore(file: string, options: OpenOptions = {}): SqliteStore {
  const inMemory = file === ':memory:';
  let sqlite = openConnection(file, options);
  const filesDir = options.filesDir ?? (inMemory ? fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'referent-files-')) : path.join(path.dirname(path.resolve(file)), 'files'));
  // A store opened at an older schema (tests of a migration) has no index to keep.
  const searchOf = (handle: BetterSqlite3.Database): SearchIndex => (schemaVersion(handle) >= searchAgendaOrder.version ? fts5SearchIndex : indexBeforeItsMigration);
  const kysely = (handle: BetterSqlite3.Database): Kysely<Database> => {
    const plain = new Kysely<Database>({ dialect: new StoreSqliteDialect({ database: handle, file }) });
    // Every change-log entry written through this store is signed (seal/signing-plugin.ts).
    return options.keyFile ? plain.withPlugin(new SigningPlugin(options.keyFile)) : plain;
  };
  const closeBoth = async (db: Kysely<Database>, handle: BetterSqlite3.Database): Promise<void> => {
    await db.destroy();
    // kysely closes only a connection it used; a store that ran no query is closed here.
    if (handle.open) handle.close();
  };
  const store: SqliteStore = {
    dialect: 'sqlite',
    db: kysely(sqlite),
    sqlite,
    file,
    search: searchOf(sqlite),
    filesDir,
    files: folderFileStore(filesDir),
    keyFile: options.keyFile ?? null,
    readOnly: options.readOnly === true && !inMemory,
    backups: inMemory ? null : sqliteBackups(file, { nativeBinding: options.nativeBinding, appVersion: options.appVersion, keyFile: options.keyFile, keep: () => readBackupKeep(store.db) }),
    options,
    features: {
      checkIntegrity: () => checkIntegrityNow(store),
      mapError: (e) => storeFailure(e, file),
    },
    write: (fn) =>
      store.db.transaction().execute(async (trx) => {
        const result = await fn(trx);
        await store.search.refresh(trx);
        return result;
      }),
    schemaVersion: () => Promise.resolve(schemaVersion(sqlite)),
    reopen: async () => {
      const [oldDb, oldSqlite] = [store.db, sqlite];
      sqlite = openConnection(file, options);
      store.sqlite = sqlite;
      store.db = kysely(sqlite);
      store.search = searchOf(sqlite);
      // A call still running on the old connection finishes there; then it is closed.
      await oldDb.connection().execute(async () => {});
      await closeBoth(oldDb, oldSqlite);
    },
    close: () => closeBoth(store.db, sqlite),
  };
  return store;
}

function openConnection(file: string, options: OpenOptions): BetterSqlite3.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.targetVersion ?? migrations[migrations.length - 1]!.version;
  const inMemory = file === ':memory:';
  const readOnly = options.readOnly === true && !inMemory;
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const connect = (): BetterSqlite3.Database => {
    try {
      return new BetterSqlite3(file, { readonly: readOnly, fileMustExist: readOnly, ...native });
    } catch (e) {
      throw asStoreError(e, file);
    }
  };
  if (!inMemory && !readOnly) {
    const exists = fs.existsSync(file);
    // Looked at read-only first: a newer file is refused before anything (the journal mode
    // included) writes to it.
    if (exists) refuseNewer(file, peekVersion(file, native), migrations);
    ensureWritable(file, exists);
  }
  if (readOnly && !fs.existsSync(file)) throw missingDatabase(file);
  let sqlite = connect();
  try {
    if (readOnly) {
      // A reader looks at the version through its own connection: nothing it does writes.
      const version = schemaVersion(sqlite);
      refuseNewer(file, version, migrations);
      // A command that only reads finds an older file brought up to date first, as any open does.
      if (version < target) {
        sqlite.close();
        openConnection(file, { ...options, readOnly: false }).close();
        sqlite = connect();
      }
    }
    // First, so that everything after it (the journal mode too) waits for another process's write.
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    if (!inMemory && !readOnly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    if (!readOnly) migrate(sqlite, file, migrations, target, options);
  } catch (e) {
    sqlite.close();
    throw asStoreError(e, file);
  }
  return sqlite;
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** The schema version of a file, read through a read-only connection. */
function peekVersion(file: string, native: { nativeBinding?: string }): number {
  let peek: BetterSqlite3.Database | undefined;
  try {
    peek = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...native });
    return schemaVersion(peek);
  } catch (e) {
    throw asStoreError(e, file);
  } finally {
    peek?.close();
  }
}

function refuseNewer(file: string, current: number, migrations: readonly Migration[]): void {
  const newest = migrations[migrations.length - 1]!.version;
  if (current <= newest) return;
  throw tooNew(file, current, newest);
}

function missingDatabase(file: string): AppError {
  return new AppError(
    'NotFound',
    `There is no database at ${file}. Check the file name (--db or $REFERENT_DB); this command only reads, so it does not create one.`,
    `Der findes ingen database på ${file}. Kontrollér filnavnet (--db eller $REFERENT_DB); kommandoen læser kun og opretter derfor ingen.`,
  );
}

/** The file and its folder (where SQLite keeps -wal and -shm, and we keep files/ and backups/) must be writable. */
function ensureWritable(file: string, exists: boolean): void {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (exists) fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw readOnlyError(file);
  }
}

function migrate(sqlite: BetterSqlite3.Database, file: string, migrations: readonly Migration[], target: number, options: OpenOptions): void {
  const current = schemaVersion(sqlite);
  refuseNewer(file, current, migrations);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  // A consistent copy of the file as it was, checked, in backups/, before any step touches it.
  if (current > 0 && file !== ':memory:') sqliteBackups(file, { nativeBinding: options.nativeBinding, appVersion: options.appVersion, keyFile: options.keyFile }).createSync('pre-migration');
  for (const m of pending) {
    // Each step in its own transaction: a failure leaves the file at the last good version. It
    // takes the write lock first (IMMEDIATE) and looks again, so that of two processes opening
    // the same file at once, one migrates and the other finds the step done.
    sqlite
      .transaction(() => {
        if (schemaVersion(sqlite) >= m.version) return;
        m.up(sqlite, { keyFile: options.keyFile ?? null });
        sqlite.pragma(`user_version = ${m.version}`);
      })
      .immediate();
  }
}

export { SCHEMA_VERSION };
