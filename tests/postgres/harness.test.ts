// The PostgreSQL test harness (tests/setup/postgres.ts, tests/support/postgres.ts) and the store's
// opening path on it: a server of the run's own, a database per test file that no other file sees,
// Danish text (æøå) kept exactly, and the `danish` full-text configuration that search will use.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import type { Database } from '../../src-main/core/store/database';
import { isPostgresUrl, openPostgresKysely, redactedUrl } from '../../src-main/core/store/postgres/connect';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

let mine: TestDatabase;
let other: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  mine = await createTestDatabase('harness');
  other = await createTestDatabase('harness_other');
  db = await openPostgresKysely(mine.url);
});

afterAll(async () => {
  await db?.destroy();
  await mine?.drop();
  await other?.drop();
});

describe('the PostgreSQL test harness', () => {
  it('runs a server of its own, not as root, and gives each test file its own database', async () => {
    const who = await sql<{ user: string; database: string; version: string }>`SELECT current_user AS user, current_database() AS database, current_setting('server_version_num') AS version`.execute(db);
    const row = who.rows[0]!;
    expect(row.user).toBe(inject('postgres').user);
    expect(row.user).not.toBe('root');
    expect(row.database).toBe(mine.name);
    expect(Number(row.version)).toBeGreaterThanOrEqual(150000);

    await sql`CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)`.execute(db);
    await db.insertInto('settings').values({ key: 'organisation', value: 'Ærø Kommune, Økonomiudvalget – Åbent møde' }).execute();
    expect(await db.selectFrom('settings').selectAll().execute()).toEqual([{ key: 'organisation', value: 'Ærø Kommune, Økonomiudvalget – Åbent møde' }]);

    // The other file's database does not see this one's table.
    const theirs = await openPostgresKysely(other.url);
    try {
      const tables = await sql<{ n: string }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'settings'`.execute(theirs);
      expect(Number(tables.rows[0]!.n)).toBe(0);
    } finally {
      await theirs.destroy();
    }
  });

  it('has the danish full-text configuration: stems, and keeps æ, ø and å distinct', async () => {
    const r = await sql<{ stems: string; matches: boolean; wrongVowel: boolean }>`
      SELECT to_tsvector('danish', 'Kommunernes budgetter for skolerne')::text AS stems,
             to_tsvector('danish', 'Budgettet for skolerne') @@ to_tsquery('danish', 'budgetter') AS matches,
             to_tsvector('danish', 'Søren Sørensen') @@ to_tsquery('danish', 'soren') AS "wrongVowel"`.execute(db);
    expect(r.rows[0]!.stems).toBe("'budget':2 'kommun':1 'skol':4");
    expect(r.rows[0]!.matches).toBe(true);
    expect(r.rows[0]!.wrongVowel).toBe(false);
  });
});

describe('opening a PostgreSQL database', () => {
  it('tells a URL from a file name', () => {
    expect(isPostgresUrl('postgres://referent@db.kommune.dk/referent')).toBe(true);
    expect(isPostgresUrl('postgresql://referent@db.kommune.dk/referent')).toBe(true);
    expect(isPostgresUrl('referent.sqlite')).toBe(false);
    expect(isPostgresUrl('/home/sekretær/postgres/referent.sqlite')).toBe(false);
  });

  it('names a database that does not exist in one sentence, without the password', async () => {
    const missing = mine.url.replace(mine.name, 'no_such_archive').replace('postgres://postgres@', 'postgres://postgres:hemmelig@');
    const error = await openPostgresKysely(missing).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NotFound');
    expect((error as AppError).message).toContain('no_such_archive');
    expect((error as AppError).message).not.toContain('hemmelig');
    expect((error as AppError).da).toContain('opret den først');
    expect(redactedUrl('postgres://referent:hemmelig@db.kommune.dk/referent')).toBe('postgres://referent:***@db.kommune.dk/referent');
  });

  it('says no server answers when none listens there', async () => {
    const { socketDir } = inject('postgres');
    const error = await openPostgresKysely(`postgres://postgres@localhost:1/x?host=${encodeURIComponent(socketDir)}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as AppError).message).toMatch(/^No PostgreSQL server answers at /);
    expect((error as AppError).da).toMatch(/^Ingen PostgreSQL-server svarer på /);
  });
});
