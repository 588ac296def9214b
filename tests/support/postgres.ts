// A database of its own for one test file, on the run's throwaway PostgreSQL server
// (tests/setup/postgres.ts). Call createTestDatabase() in beforeAll and drop() in afterAll.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { inject } from 'vitest';
// The server's address is typed by the globalSetup's ProvidedContext; importing it keeps that type
// in every program that loads this file (the e2e fixtures reach it through tests/helpers/store.ts).
import type { PostgresServer } from '../setup/postgres';
import { databaseUrl } from './throwaway-postgres';
import type { OpenOptions, Store } from '../../src-main/core/store/open';
import { openPostgresStore, postgresStore } from '../../src-main/core/store/postgres/open';

export type TestDatabase = {
  /** postgres://… URL of the new database, as `--db` and $REFERENT_DB take it. */
  url: string;
  name: string;
  /** Options for `new pg.Pool(...)` / `new pg.Client(...)`. */
  config: pg.ClientConfig;
  drop: () => Promise<void>;
};

function serverConfig(database: string): pg.ClientConfig {
  const { socketDir, port, user }: PostgresServer = inject('postgres');
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
  const url = databaseUrl(inject('postgres'), name);
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

const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
  const c = new pg.Client(serverConfig('postgres'));
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

const urlOf = (name: string): string => databaseUrl(inject('postgres'), name);

// One database with the schema per test process, copied for every store (CREATE DATABASE …
// TEMPLATE is a file copy: much faster than building the schema again).
let template: Promise<string> | undefined;

function schemaTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `referent_template_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
    const store = await openPostgresStore(urlOf(name), { filesDir: os.tmpdir() });
    await store.close();
    return name;
  })();
  return template;
}

/** The attachment folder of each test database, for opening it again (as the CLI tests do with --db). */
const filesOf = new Map<string, string>();

/** Opens again a database postgresTestStore made (its URL is the store's `file`). */
export function openPostgresTestStore(url: string, options: OpenOptions = {}): Promise<Store> {
  return openPostgresStore(url, { ...options, filesDir: filesOf.get(url) ?? os.tmpdir(), pool: { max: 3, idleMs: 300 } });
}

/**
 * A store on a fresh database of the run's server, returned at once (the database is made on its
 * first query): what tests/helpers/store.ts gives when $REFERENT_TEST_DIALECT is postgres.
 */
export function postgresTestStore(filesDir: string, options: OpenOptions = {}): Store {
  const name = `referent_t_${randomBytes(6).toString('hex')}`;
  filesOf.set(urlOf(name), filesDir);
  return postgresStore(urlOf(name), {
    ...options,
    filesDir,
    // Tests rarely close their stores: few connections each, closed soon when idle.
    pool: { max: 3, idleMs: 300 },
    beforeFirstUse: async () => {
      const from = await schemaTemplate();
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${from}"`));
    },
  });
}
