// Brings a PostgreSQL database to the schema this build writes: the baseline (postgres/baseline.ts)
// on an empty database, then each later migration's `postgres` step. Every step runs in its own
// transaction holding one advisory lock, so two servers (or a server and `referent migrate`)
// starting at once migrate once: the second waits, then finds the step done.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database';
import type { Migration } from '../migrations';
import { baseline, BASELINE_VERSION } from './baseline';
import { tooNew } from '../schema-errors';

/** pg_advisory_xact_lock key of migrating (any number no other lock of Referent uses). */
const MIGRATE_LOCK = 7_261_001;

/** The version a database is at; 0 for an empty one. */
export async function postgresSchemaVersion(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('referent_schema')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  const r = await sql<{ version: number }>`SELECT version FROM referent_schema`.execute(db);
  return r.rows[0]?.version ?? 0;
}

export async function migratePostgres(db: Kysely<Database>, where: string, migrations: readonly Migration[], target: number): Promise<void> {
  const newest = migrations[migrations.length - 1]!.version;
  const current = await postgresSchemaVersion(db);
  if (current > newest) throw tooNew(where, current, newest);
  if (current >= target) return;
  const steps: { version: number; run: (trx: Transaction<Database>) => Promise<void> }[] = [];
  if (current < BASELINE_VERSION) {
    steps.push({
      version: BASELINE_VERSION,
      run: async (trx) => {
        await baseline(trx as unknown as Kysely<unknown>);
        await sql`CREATE TABLE referent_schema (version integer NOT NULL)`.execute(trx);
        await sql`INSERT INTO referent_schema (version) VALUES (0)`.execute(trx);
      },
    });
  }
  for (const m of migrations) {
    if (m.version <= Math.max(current, BASELINE_VERSION) || m.version > target) continue;
    const step = m.postgres;
    if (!step) throw new Error(`migration ${m.name} has no PostgreSQL step`);
    steps.push({ version: m.version, run: (trx) => step(trx as unknown as Transaction<unknown>) });
  }
  for (const s of steps) {
    // Read-write even on a store opened to read: an older database is brought up to date first, as a file is.
    await db.transaction().setAccessMode('read write').execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATE_LOCK})`.execute(trx);
      // Looked at again under the lock: another process may have run this step meanwhile.
      if ((await postgresSchemaVersion(trx)) >= s.version) return;
      await s.run(trx);
      await sql`UPDATE referent_schema SET version = ${s.version}`.execute(trx);
    });
  }
}
