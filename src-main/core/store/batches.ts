// Lists bound into one IN (…) are cut into batches: SQLite refuses more than 32,766 variables in a
// statement (PostgreSQL 65,535), and an archive has far more items than that. ESLint allows an
// `'in'` comparison only against a literal array or a list named `batch` (eslint.config.js).
import type { Insertable } from 'kysely';
import type { Database, Db } from './database';

/** The longest list one IN (…) binds. */
export const IN_BATCH = 500;

/** The values in consecutive slices of at most `size`. */
export function* batches<T>(values: Iterable<T>, size = IN_BATCH): Generator<T[]> {
  let batch: T[] = [];
  for (const v of values) {
    batch.push(v);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Runs `query` once per batch of `values` and concatenates the rows, in batch order. */
export async function selectInBatches<T, R>(values: Iterable<T>, query: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const batch of batches(values)) for (const row of await query(batch)) out.push(row);
  return out;
}

/** Parameters one statement binds at most when rows are inserted together (far below both databases' limits). */
const MAX_PARAMS = 5000;

/** Inserts rows of one table with as few statements as the parameter limit allows (one per meeting's worth, usually). */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  for (const batch of batches(rows, perStatement)) await db.insertInto(table).values(batch as never).execute();
}
