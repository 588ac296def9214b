// kysely's SQLite dialect, with the two things a file shared by several processes needs (and
// booleans bound and read as SQLite's 0/1, booleans.ts):
// every write transaction takes the write lock when it begins (BEGIN IMMEDIATE), so SQLite's
// busy_timeout can make it wait its turn; and SQLite's own failures reach the user as one sentence.
//
// Why IMMEDIATE: a plain (deferred) BEGIN reads first and asks for the write lock only at its first
// write; if another process committed in between, SQLite must refuse at once (SQLITE_BUSY_SNAPSHOT)
// and busy_timeout cannot help. A transaction that holds the lock from its first statement never
// meets that case. A transaction marked read-only (`setAccessMode('read only')`) stays deferred.
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type QueryCompiler, type QueryResult, type SqliteDatabase, type TransactionSettings } from 'kysely';
import { offerRowWriter } from '../batches';
import { asStoreError } from './sqlite-errors';
import { withStatementCache } from './statement-cache';
import { bindBooleans, readBooleans } from './booleans';

export type StoreDialectConfig = { database: BetterSqlite3.Database; file: string };

export class StoreSqliteDialect extends SqliteDialect {
  readonly #config: StoreDialectConfig;
  // Prepared statements are kept by their SQL (statement-cache.ts): kysely's driver prepares every query afresh.
  readonly #statements: SqliteDatabase;
  constructor(config: StoreDialectConfig) {
    super({ database: config.database });
    this.#config = config;
    this.#statements = withStatementCache(config.database);
  }
  override createDriver(): Driver {
    return new StoreSqliteDriver(this.#config, this.#statements);
  }
  /** kysely's adapter, offering insertRows a writer of a row per statement on this connection (batches.ts, RowWriter). */
  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    const { database, file } = this.#config;
    offerRowWriter(adapter, (sql, rows) => {
      // Only inside a transaction the caller holds (insertRows asks for one that fails whole).
      if (!database.inTransaction) throw new Error('rows are written a statement per row only inside a transaction');
      const statement = this.#statements.prepare(sql) as unknown as BetterSqlite3.Statement;
      try {
        for (const values of rows) statement.run(bindBooleans(values));
      } catch (e) {
        throw asStoreError(e, file);
      }
    });
    return adapter;
  }
}

/** kysely's own SQLite driver (one connection behind a mutex), with our BEGIN and ROLLBACK. */
class StoreSqliteDriver implements Driver {
  readonly #inner: SqliteDriver;
  readonly #config: StoreDialectConfig;
  constructor(config: StoreDialectConfig, statements: SqliteDatabase) {
    this.#inner = new SqliteDriver({ database: statements });
    this.#config = config;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new MappedConnection(await this.#inner.acquireConnection(), this.#config.file);
  }

  releaseConnection(): Promise<void> {
    return this.#inner.releaseConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate'));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  /**
   * SQLite itself rolls a transaction back after some failures (disk full, I/O error, a busy
   * commit); a ROLLBACK then fails with "no transaction is active" and would replace the error the
   * user must see. So: roll back only what is open, and never let the rollback's error win.
   */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#config.database.open || !this.#config.database.inTransaction) return;
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch {
      // The original error is already on its way up; this one would only hide it.
    }
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.releaseSavepoint(connection, name, compile);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** A query whose boolean parameters are bound as 1/0 (booleans.ts). */
function withBooleansBound(query: CompiledQuery): CompiledQuery {
  const parameters = bindBooleans(query.parameters);
  return parameters === query.parameters ? query : { ...query, parameters };
}

/** Passes every query through (booleans as 0/1, booleans.ts), and turns SQLite's environmental failures into their sentence. */
class MappedConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly file: string,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return readBooleans(await this.inner.executeQuery<R>(withBooleansBound(query)));
    } catch (e) {
      throw asStoreError(e, this.file);
    }
  }
  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      for await (const chunk of this.inner.streamQuery<R>(withBooleansBound(query), chunkSize)) yield readBooleans(chunk);
    } catch (e) {
      throw asStoreError(e, this.file);
    }
  }
}
