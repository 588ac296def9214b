// The order rows were inserted in, where a table has nothing else to tell rows apart (committees
// created in the same millisecond by one import keep the document's order). SQLite numbers rows
// itself (rowid); the server schema has an identity column for it (postgres/baseline.ts).
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { Db } from './database';

export function insertionOrder(db: Db): RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`seq` : sql`rowid`;
}
