// SQLite has no boolean: the file keeps 0/1 where the schema (database.ts) and PostgreSQL have
// booleans. better-sqlite3 refuses to bind a boolean, so the store's SQLite driver (dialect.ts)
// binds true/false as 1/0, and turns these columns back into booleans in what it reads.
// tests/integration/store-booleans.test.ts checks this list against database.ts.
import type { QueryResult } from 'kysely';

/** Every boolean column of the schema, by name (no other column or alias is named so). */
export const BOOLEAN_COLUMNS = ['supplementary', 'has_votes', 'public', 'admin'] as const;

export function bindBooleans(parameters: readonly unknown[]): readonly unknown[] {
  if (!parameters.some((p) => typeof p === 'boolean')) return parameters;
  return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/** The rows with 0/1 in the boolean columns read as false/true (in place: the rows are fresh objects). */
export function readBooleans<R>(result: QueryResult<R>): QueryResult<R> {
  const first = result.rows[0] as Record<string, unknown> | undefined;
  if (first === undefined) return result;
  const present = BOOLEAN_COLUMNS.filter((c) => c in first);
  if (present.length === 0) return result;
  for (const row of result.rows as Record<string, unknown>[]) {
    for (const c of present) {
      const v = row[c];
      if (v === 0 || v === 1) row[c] = v === 1;
    }
  }
  return result;
}
