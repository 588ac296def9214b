// A real store in a fresh temporary folder, for tests: the same code path as the app's file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, type OpenOptions, type SqliteStore, type Store } from '../../src-main/core/store/open';
import type { CoreContext } from '../../src-main/core/context';
import { isPostgresUrl } from '../../src-main/core/store/target';

export function tempDir(prefix = 'referent-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The dialect the integration tests run on: `npm test` runs them on both (vitest.config.ts). */
export const testDialect: 'sqlite' | 'postgres' = process.env.REFERENT_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
// Loaded only for the postgres project: the SQLite tests and the benches never load pg.
const postgres = testDialect === 'postgres' ? await import('../support/postgres') : null;

/**
 * A fresh store: a SQLite file, or under $REFERENT_TEST_DIALECT=postgres a fresh database of the
 * run's server. Typed as the SQLite store; the tests that use its raw handle are the SQLite-only
 * ones, which the postgres project leaves out (vitest.config.ts says why for each).
 */
export function tempStore(options: OpenOptions = {}): SqliteStore & { dir: string } {
  const dir = tempDir();
  if (postgres) return Object.assign(postgres.postgresTestStore(path.join(dir, 'files'), options) as SqliteStore, { dir });
  const store = openSqliteStore(path.join(dir, 'referent.sqlite'), options);
  return Object.assign(store, { dir });
}

/**
 * Opens again the store a test made, by its `file`: the SQLite file, or under the postgres project
 * the test database of that URL (with its attachment folder).
 */
export async function reopenTestStore(target: string, options: OpenOptions = {}): Promise<Store> {
  if (postgres && isPostgresUrl(target)) return postgres.openPostgresTestStore(target, options);
  return openSqliteStore(target, options);
}

export function testContext<S extends Store>(store: S): CoreContext & { store: S };
/** Without a store: a fresh SQLite file (the last overload, so `ReturnType<typeof testContext>` has its raw handle). */
export function testContext(): CoreContext & { store: SqliteStore };
export function testContext(store: Store = tempStore()): CoreContext {
  return { store, shell: 'cli', version: 'test' };
}
