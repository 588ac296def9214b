import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: the tests as they always ran (SQLite), and the PostgreSQL tests, which need a
// throwaway server (tests/setup/postgres.ts). vitest runs a project's globalSetup only when that
// project has a test file in the run, so `npx vitest run tests/integration/x.test.ts` starts no server.
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
          include: ['tests/postgres/**/*.test.ts'],
          // Starting a server on a loaded machine (initdb, then start) takes a while.
          hookTimeout: 120_000,
          globalSetup: ['tests/setup/cli-bundle.ts', 'tests/setup/postgres.ts'],
        },
      },
    ],
  },
});
