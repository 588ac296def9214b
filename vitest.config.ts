import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: the tests as they always ran (SQLite), and the PostgreSQL tests, which need a
// throwaway server (tests/setup/postgres.ts). vitest runs a project's globalSetup only when that
// project has a test file in the run: `npx vitest run --project sqlite tests/integration/x.test.ts` starts no server.
/**
 * Integration tests that stay on SQLite, each for its reason: they test the file itself (its
 * backups, integrity, crash safety, migrations of older files, two processes on one file) or
 * reach into it through the raw SQLite handle.
 */
const SQLITE_ONLY: string[] = [
  // Damage and tampering done to the file itself with a raw SQLite connection.
  'meetingday-approval.test.ts',
  'store-failures.test.ts',
  // The file's own machinery: its backups, integrity checks, migrations of older files, opening and crash safety.
  'backups.test.ts',
  'crash.test.ts',
  'store.test.ts',
  'store-open.test.ts',
  'store-publication.test.ts',
  'store-concurrency.test.ts',
  'store-booleans.test.ts',
  // Watches the statements an import prepares on the raw SQLite handle (a row per statement, no statement journal).
  'store-row-writes.test.ts',
  // Builds its 34,000-item archive through the raw SQLite handle (bulk inserts) to stay fast.
  'in-lists.test.ts',
  // Measures the benchmarks' process-tree CPU accounting; no store in it.
  'bench-cpu.test.ts',
];

/**
 * The integration tests run on PostgreSQL too, in every `npm test` (issue 14: the whole integration
 * suite passes on both dialects). `REFERENT_MATRIX=0` leaves them out for a quick local run;
 * `npm run test:postgres` runs the PostgreSQL project alone.
 */
const MATRIX = process.env.REFERENT_MATRIX !== '0';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // A command a test spawns signs the change log with a throwaway key, never the user's own.
    env: { REFERENT_KEY_FILE: path.join(os.tmpdir(), 'referent-vitest', 'referent.key') },
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src-*/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
          // Builds the bundled `referent` command once, if a source changed, for the tests that start it.
          globalSetup: ['tests/setup/cli-bundle.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          // The matrix: the integration tests again, on a PostgreSQL database (tests/helpers/store.ts
          // opens one for each store when REFERENT_TEST_DIALECT is postgres), and the server's own tests.
          include: ['tests/postgres/**/*.test.ts', ...(MATRIX ? ['tests/integration/**/*.test.ts'] : [])],
          exclude: SQLITE_ONLY.map((f) => `tests/integration/${f}`),
          env: { REFERENT_TEST_DIALECT: 'postgres' },
          // Starting a server on a loaded machine (initdb, then start) takes a while.
          hookTimeout: 120_000,
          globalSetup: ['tests/setup/cli-bundle.ts', 'tests/setup/postgres.ts'],
        },
      },
    ],
  },
});
