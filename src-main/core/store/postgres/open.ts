// The store on a PostgreSQL database (issue 14, server mode; docs/server-design.md): a pool of
// connections, the schema brought up to date under an advisory lock, the server's own text
// search, and write transactions that are run again when two writers meet (serialization failure
// or deadlock), so that a secretary never sees a failure caused only by someone else's timing.
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Database, Db } from '../database';
import { MIGRATIONS } from '../migrations';
import type { OpenOptions, Store } from '../open';
import { redactedUrl } from '../target';
import { checkConnection, postgresPool } from './connect';
import { isRetryable, postgresFailure } from './errors';
import { migratePostgres, postgresSchemaVersion } from './migrate';
import { pgSearchIndex } from './pg-search-index';
import { pgFileStore } from './pg-file-store';
import { moveFolderIn } from './move-files-in';
import { lockForWrite } from '../write-lock';
import { AppError } from '../../errors';
import { SigningPlugin } from '../../seal/signing-plugin';

/** How often a write transaction is tried when it keeps meeting another writer. */
const WRITE_ATTEMPTS = 6;

export type PostgresStoreOptions = OpenOptions & {
  /** Runs before the first connection (the tests create the database here). */
  beforeFirstUse?: () => Promise<void>;
  /** The pool's size and idle time (connect.ts). */
  pool?: { max?: number; idleMs?: number };
};

/** Opens the store and proves it works: connected, the schema brought up to date. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const store = postgresStore(url, options);
  try {
    await store.schemaVersion();
    // Files a server kept in its folder before they moved into the database (once; move-files-in.ts).
    if (!store.readOnly) await moveFolderIn(store, store.filesDir);
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
  return store;
}

/**
 * The store at once, without waiting: it connects and migrates on its first query (kysely asks
 * for the pool then). For callers that cannot wait, as the tests' synchronous helper.
 */
export function postgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const where = redactedUrl(url);
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.targetVersion ?? migrations[migrations.length - 1]!.version;
  const pools: pg.Pool[] = [];
  const kysely = (): Kysely<Database> => {
    const plain = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: async () => {
          await options.beforeFirstUse?.();
          const pool = postgresPool(url, { ...options.pool, readOnly: options.readOnly === true });
          pools.push(pool);
          await checkConnection(pool, url);
          // A kysely of its own on the same pool, for the schema (not destroyed: that would end the pool).
          const setup = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
          try {
            await refuseOtherCollation(setup, where);
            await migratePostgres(setup, where, migrations, target);
          } catch (e) {
            throw postgresFailure(e, where) ?? e;
          }
          return pool;
        },
      }),
    });
    // Every change-log entry written through this store is signed (seal/signing-plugin.ts), as on the file.
    return options.keyFile ? plain.withPlugin(new SigningPlugin(options.keyFile)) : plain;
  };
  const store: Store = {
    dialect: 'postgres',
    db: kysely(),
    file: where,
    search: pgSearchIndex,
    files: pgFileStore,
    filesDir: filesDirOf(url, options),
    keyFile: options.keyFile ?? null,
    readOnly: options.readOnly === true,
    // pg_dump is the server's backup (README, "Running on a server").
    backups: null,
    features: {
      checkIntegrity: null,
      mapError: (e) => postgresFailure(e, where),
    },
    options,
    write: async (fn) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await store.db.transaction().execute(async (trx) => {
            // A writer waiting longer than this is told the database is busy (55P03), never left hanging.
            await sql`SET LOCAL lock_timeout = '30s'`.execute(trx);
            await lockForWrite(trx);
            const result = await fn(trx);
            await store.search.refresh(trx);
            return result;
          });
        } catch (e) {
          if (!isRetryable(e) || attempt >= WRITE_ATTEMPTS) throw e;
          // Apart a little, at random, so that the two who met do not meet again.
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        }
      }
    },
    schemaVersion: () => postgresSchemaVersion(store.db as Db),
    reopen: async () => {
      const old = store.db;
      store.db = kysely();
      await store.schemaVersion();
      await old.destroy();
    },
    close: async () => {
      await store.db.destroy();
      // A pool kysely never asked for (no query ran) is not ended by destroy().
      for (const p of pools) if (!p.ended) await p.end().catch(() => {});
    },
  };
  return store;
}

/**
 * Text must sort as on the file (by code point: names, exports and their hashes depend on it), so
 * the database must use the C.UTF-8 (or C) collation; README says how to create it so.
 */
async function refuseOtherCollation(db: Kysely<Database>, where: string): Promise<void> {
  const r = await sql<{ collate: string }>`SELECT datcollate AS collate FROM pg_database WHERE datname = current_database()`.execute(db);
  const collate = r.rows[0]?.collate ?? '';
  if (/^(C|POSIX|C\.UTF-?8)$/i.test(collate)) return;
  throw new AppError(
    'Invalid',
    `The database ${where} sorts text by the ${collate} locale; Referent needs it to sort as the laptop does. Create it with LOCALE 'C.UTF-8' (README, "Running on a server").`,
    `Databasen ${where} sorterer tekst efter ${collate}; Referent kræver samme sortering som på den bærbare. Opret den med LOCALE 'C.UTF-8' (README, "Drift på en server").`,
  );
}

/**
 * The folder a server kept attachment files in before they moved into its database
 * (docs/server-design.md §6): the folder given, or $REFERENT_FILES, or one per database under the
 * user's home. Read once to move them in; nothing is written there any more.
 */
function filesDirOf(url: string, options: OpenOptions): string {
  if (options.filesDir) return options.filesDir;
  if (process.env.REFERENT_FILES) return process.env.REFERENT_FILES;
  let name = 'referent';
  try {
    const u = new URL(url);
    name = `${u.hostname || 'local'}_${u.port || '5432'}_${u.pathname.replace(/^\//, '') || 'referent'}`.replace(/[^a-zA-Z0-9_.-]/g, '_');
  } catch {
    // An unparsable URL fails to connect with its own sentence.
  }
  return path.join(os.homedir(), '.referent', 'server-files', name);
}
