// Opens kysely on a PostgreSQL server (issue 14, server mode): the same Database types as the
// SQLite file, a pool of connections from `pg`, and a server that cannot be reached, refuses the
// login or lacks the database told as one sentence naming the address (never the password).
// Schema, migrations and the store's other parts (search, files) build on this; see docs/server-design.md.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../../errors';
import type { Database } from '../database';
import { redactedUrl } from '../target';

export { isPostgresUrl, redactedUrl } from '../target';

export type PostgresOptions = {
  /** Connections in the pool (default 10): a desktop needs few, `referent serve` more. */
  max?: number;
  /** Every transaction read-only unless it says otherwise (commands that only read). */
  readOnly?: boolean;
  /** An idle connection is closed after this long (default 10 s). */
  idleMs?: number;
};

// Counts and sums come back as bigint/numeric, which pg gives as strings (they may exceed 2^53);
// Referent's counts never do, and core expects numbers as SQLite gives them.
const NUMBER_TYPES = new Set([20 /* int8 */, 1700 /* numeric */]);
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    NUMBER_TYPES.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A pool of connections to `url`, with Referent's type parsers; it connects on first use. */
export function postgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleMs ?? 10_000,
    types,
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection the server drops (restart, network) must not crash the process: the pool
  // discards it, and the next query opens a new one or fails with its own sentence.
  pool.on('error', () => {});
  return pool;
}

/** Proves that the pool's server answers, or says in one sentence why not. */
export async function checkConnection(pool: pg.Pool, url: string): Promise<void> {
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    throw connectFailure(e, url);
  }
}

/** kysely on the database at `url`, after one round trip proving that it answers. */
export async function openPostgresKysely(url: string, options: PostgresOptions = {}): Promise<Kysely<Database>> {
  const pool = postgresPool(url, options);
  try {
    await checkConnection(pool, url);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** PostgreSQL's SQLSTATE codes and Node's socket errors that mean "cannot use this database". */
export function connectFailure(e: unknown, url: string): AppError {
  const where = redactedUrl(url);
  const code = (e as { code?: unknown } | null)?.code;
  const detail = (e as Error | null)?.message ?? String(e);
  switch (code) {
    case '3D000':
      return new AppError('NotFound', `The PostgreSQL server has no database named in ${where}: create it first (see README, "Running on a server").`,
        `PostgreSQL-serveren har ingen database med navnet i ${where}: opret den først (se README, "Drift på en server").`);
    case '28P01':
    case '28000':
      return new AppError('Forbidden', `PostgreSQL refused the login for ${where}: check the user name and password in the URL (${detail}).`,
        `PostgreSQL afviste login for ${where}: kontrollér brugernavn og adgangskode i adressen (${detail}).`);
    case 'ECONNREFUSED':
    case 'ENOENT':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new AppError('DiskError', `No PostgreSQL server answers at ${where}: check that it is running and the host and port in the URL (${detail}).`,
        `Ingen PostgreSQL-server svarer på ${where}: kontrollér, at den kører, og værten og porten i adressen (${detail}).`);
    default:
      return new AppError('DiskError', `Could not open the PostgreSQL database ${where}: ${detail}`, `Kunne ikke åbne PostgreSQL-databasen ${where}: ${detail}`);
  }
}
