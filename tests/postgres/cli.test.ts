// Every `referent` command takes a postgres:// URL as --db (issue 14 §6): an import, a search, an
// export and verify against a server database, and `backup`, which is the file's, refused with the
// way a server is backed up.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

const fixture = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('cli');
});
afterAll(async () => {
  await database?.drop();
});

describe('referent --db postgres://…', () => {
  it('imports, searches, exports and verifies on the server', async () => {
    const cwd = tempDir();
    const imported = await cli(['import', fixture, '--db', database.url], cwd);
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/committees \d+ added/) });
    const found = await cli(['search', 'Digitaliseringsstrategi', '--db', database.url], cwd);
    expect(found.code).toBe(0);
    expect(found.out).toContain('Digitaliseringsstrategi 2026 - 2028');
    const exported = await cli(['export-json', '--db', database.url], cwd);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ format: 'referent/v1' });
    const verified = await cli(['verify', '--db', database.url], cwd);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toMatch(/OK: the change log's \d+ entries link up/);
    expect(verified.out).not.toContain("SQLite's integrity check");
  });

  it('refuses referent backup on a server database, naming pg_dump', async () => {
    const r = await cli(['backup', 'list', '--db', database.url], tempDir());
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('pg_dump');
  });
});
