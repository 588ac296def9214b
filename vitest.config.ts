import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Builds the bundled `referent` command once, if a source changed, for the tests that start it.
    globalSetup: ['tests/setup/cli-bundle.ts'],
  },
});
