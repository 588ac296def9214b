// The SQLite handle kysely runs its queries on, keeping prepared statements by their SQL text.
// kysely's SQLite driver prepares every query afresh; preparing costs more than running a short
// statement, and an import or a search repeats the same few hundred statements thousands of
// times (a profile of a 26,000-item import spent a fifth of its time in prepare()).
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept at most; past it the least recently used goes (a query's text varies with its IN list). */
const MAX_STATEMENTS = 500;

export function withStatementCache(sqlite: BetterSqlite3.Database, max = MAX_STATEMENTS): SqliteDatabase & { statements: () => number } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    statements: () => cache.size,
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const kept = cache.get(sql);
      // A statement still iterating rows (a streamed query) cannot run twice at once: prepare another.
      if (kept && !kept.busy) {
        cache.delete(sql);
        cache.set(sql, kept);
        return kept as unknown as SqliteStatement;
      }
      const stmt = sqlite.prepare(sql);
      if (!kept) {
        cache.set(sql, stmt);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return stmt as unknown as SqliteStatement;
    },
  };
}
