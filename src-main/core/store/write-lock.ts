// One writer at a time on a server database, as on the file. SQLite gives a file one writer (BEGIN
// IMMEDIATE); on PostgreSQL every write transaction takes one advisory lock first (store.write),
// so the steps that read and then write (the change log's hash chain, item numbers per meeting and
// per year, positions, member keys) see what the writer before them committed. A transaction of
// Referent lasts milliseconds, and nearly every one extends the one global chain anyway, which
// admits one writer at a time whatever else is locked; docs/server-design.md §4 says why finer
// locks would buy nothing. Reads never wait for it.
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './database';

/** pg_advisory_xact_lock key of writing (any number no other lock of Referent uses). */
export const WRITE_LOCK = 7_261_002;

/** Takes the write lock for the rest of the transaction (no-op on SQLite, which has one already; re-entrant). */
export async function lockForWrite(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute(db);
}
