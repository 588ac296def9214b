// A database of its own for one test file, on the run's throwaway PostgreSQL server
// (tests/setup/postgres.ts). Call createTestDatabase() in beforeAll and drop() in afterAll.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type TestDatabase = {
  /** postgres://… URL of the new database, as `--db` and $REFERENT_DB take it. */
  url: string;
  name: string;
  /** Options for `new pg.Pool(...)` / `new pg.Client(...)`. */
  config: pg.ClientConfig;
  drop: () => Promise<void>;
};

function serverConfig(database: string): pg.ClientConfig {
  const { socketDir, port, user } = inject('postgres');
  return { host: socketDir, port, user, database };
}

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `referent_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(serverConfig('postgres'));
  await admin.connect();
  try {
    // The name is ours (letters, digits and _ only), so quoting it is enough.
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const config = serverConfig(name);
  const { socketDir, port, user } = inject('postgres');
  // localhost:port keeps it a valid URL; the host parameter (the socket folder) is where pg connects.
  const url = `postgres://${encodeURIComponent(user)}@localhost:${port}/${name}?host=${encodeURIComponent(socketDir)}`;
  return {
    url,
    name,
    config,
    drop: async () => {
      const c = new pg.Client(serverConfig('postgres'));
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
