// A real store in a fresh temporary folder, for tests: the same code path as the app's file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, type OpenOptions, type SqliteStore, type Store } from '../../src-main/core/store/open';
import type { CoreContext } from '../../src-main/core/context';

export function tempDir(prefix = 'referent-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempStore(options: OpenOptions = {}): SqliteStore & { dir: string } {
  const dir = tempDir();
  const store = openSqliteStore(path.join(dir, 'referent.sqlite'), options);
  return Object.assign(store, { dir });
}

export function testContext<S extends Store>(store: S): CoreContext & { store: S };
/** Without a store: a fresh SQLite file (the last overload, so `ReturnType<typeof testContext>` has its raw handle). */
export function testContext(): CoreContext & { store: SqliteStore };
export function testContext(store: Store = tempStore()): CoreContext {
  return { store, shell: 'cli', version: 'test' };
}
