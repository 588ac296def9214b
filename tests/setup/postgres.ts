// vitest globalSetup: one throwaway PostgreSQL server per test run (tests/support/throwaway-postgres.ts).
// Each test file asks for its own database (tests/support/postgres.ts), so files never see each other's rows.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type PostgresServer } from '../support/throwaway-postgres';

export type { PostgresServer };

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startThrowawayPostgres({ durable: false });
  project.provide('postgres', { socketDir: server.socketDir, port: server.port, user: server.user });
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresServer;
  }
}
