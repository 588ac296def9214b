// Lists bound into one IN (…) are cut into batches: SQLite refuses more than 32,766 variables in a
// statement (PostgreSQL 65,535), and an archive has far more items than that. ESLint allows an
// `'in'` comparison only against a literal array or a list named `batch` (eslint.config.js).
import { CompiledQuery, type Insertable } from 'kysely';
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

/** Rows one INSERT writes: a few fixed sizes, so that a table's inserts share a few statements' text. */
const ROWS_PER_STATEMENT = [64, 16, 4, 1];

/**
 * The SQL of an INSERT of n rows of one table's columns, as compiled by kysely the first time
 * (null where that compile does not bind the rows' values as they are, in order, so it cannot be
 * reused), by the executor's plugins (their list is shared by a store and its transactions).
 * Compiling an insert builds and walks a tree per value: reusing its text took a twentieth of a
 * 26,000-item import, and the fixed row counts let SQLite's statement cache keep them prepared.
 */
const compiledInserts = new WeakMap<readonly unknown[], Map<string, string | null>>();

type Plain = string | number | bigint | boolean | null;
const isPlain = (v: unknown): v is Plain => v === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof v);

/** The rows' columns when every row has the same ones, in the same order, all plain values; else null. */
function sharedColumns(rows: readonly Record<string, unknown>[]): string[] | null {
  const columns = Object.keys(rows[0]!).filter((k) => rows[0]![k] !== undefined);
  for (const row of rows) {
    let n = 0;
    for (const k in row) {
      const v = row[k];
      if (v === undefined) continue;
      if (columns[n++] !== k || !isPlain(v)) return null;
    }
    if (n !== columns.length) return null;
  }
  return columns;
}

/**
 * Writes rows through one prepared statement run once per row, straight on a store's own
 * connection (the SQLite store offers one: sqlite/dialect.ts). A row per statement needs no
 * statement journal: SQLite copies every page a multi-row INSERT touches into one, so that it can
 * undo the rows before a refused one, and with random UUID keys that is most of an index's pages
 * (1.5 GB of copies for a 26,000-item import, bench/README.md).
 */
export type RowWriter = (sql: string, rows: readonly (readonly unknown[])[]) => void;

/** Row writers by the dialect adapter of the store offering one (an adapter is shared by a store, its transactions and plugins). */
const rowWriters = new WeakMap<object, RowWriter>();

export function offerRowWriter(adapter: object, writer: RowWriter): void {
  rowWriters.set(adapter, writer);
}

/** Transactions that fail whole on any error (an import): a refused row may leave the rows before it, since nothing of the transaction lands. */
const wholeTransactions = new WeakSet<Db>();

/**
 * Runs `write` on a transaction that nobody continues after a failed write (an import: any fault
 * rolls all of it back); insertRows may then write its rows one statement per row (RowWriter).
 */
export async function writingWhole<T>(db: Db, write: () => Promise<T>): Promise<T> {
  if (!db.isTransaction) return write();
  wholeTransactions.add(db);
  try {
    return await write();
  } finally {
    wholeTransactions.delete(db);
  }
}

/** The SQL of an insert of `batch` (rows of `columns`, values in that order), compiled once per store; null when it cannot be reused. */
function insertText(db: Db, table: keyof Database & string, columns: readonly string[], batch: readonly Record<string, unknown>[], values: readonly unknown[]): string | null {
  const executor = db.getExecutor();
  const cache = compiledInserts.get(executor.plugins) ?? compiledInserts.set(executor.plugins, new Map()).get(executor.plugins)!;
  const key = `${table}\n${columns.join(',')}\n${batch.length}`;
  let text = cache.get(key);
  if (text === undefined) {
    const compiled = db.insertInto(table).values(batch as never).compile();
    const same = compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]);
    cache.set(key, (text = same ? compiled.sql : null));
  }
  return text;
}

/** Inserts rows of one table with few statements, each compiled once per store (see compiledInserts). */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const plain = rows as readonly Record<string, unknown>[];
  const columns = sharedColumns(plain);
  const writer = columns && wholeTransactions.has(db) ? rowWriters.get(db.getExecutor().adapter) : undefined;
  if (writer) {
    const values = plain.map((r) => columns!.map((c) => r[c]));
    const text = insertText(db, table, columns!, plain.slice(0, 1), values[0]!);
    if (text !== null) return writer(text, values);
  }
  let at = 0;
  for (const size of ROWS_PER_STATEMENT) {
    for (; rows.length - at >= size; at += size) {
      const batch = plain.slice(at, at + size);
      if (!columns) {
        await db.insertInto(table).values(batch as never).execute();
        continue;
      }
      const values = batch.flatMap((r) => columns.map((c) => r[c]));
      const text = insertText(db, table, columns, batch, values);
      if (text === null) await db.insertInto(table).values(batch as never).execute();
      else await db.executeQuery(CompiledQuery.raw(text, values));
    }
  }
}
