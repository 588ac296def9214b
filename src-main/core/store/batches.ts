// Lists bound into one IN (…) are cut into batches: SQLite refuses more than 32,766 variables in a
// statement (PostgreSQL 65,535), and an archive has far more items than that. ESLint allows an
// `'in'` comparison only against a literal array or a list named `batch` (eslint.config.js).

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
