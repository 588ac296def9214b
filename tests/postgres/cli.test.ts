// Every `referent` command takes a postgres:// URL as --db (issue 14 §6): an import, a search, an
// export and verify against a server database, and `backup`, which is the file's, refused with the
// way a server is backed up.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openStore } from '../../src-main/core/store/open';
import { cli } from '../helpers/cli';
import { tempDir, testContext } from '../helpers/store';
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

  it('answers referent backup, and the app’s backup screen, on a server database with one sentence naming pg_dump', async () => {
    const sentence = 'A PostgreSQL database is backed up by its server, not by Referent: pg_dump -Fc DATABASE > FILE.dump makes a backup and pg_restore restores it (README, "Running on a server").';
    for (const args of [['backup', 'list'], ['backup', 'create'], ['backup', 'restore', 'referent-2026-12-01.sqlite']]) {
      const r = await cli([...args, '--db', database.url], tempDir());
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim()).toBe(`referent backup: ${sentence}`);
    }
    const ctx = testContext(await openStore(database.url, { filesDir: path.join(tempDir(), 'files') }));
    try {
      for (const op of ['backups.list', 'backups.create'] as const) {
        await expect(call(ctx, op, {})).rejects.toMatchObject({ code: 'Invalid', message: sentence, da: expect.stringMatching(/^En PostgreSQL-database sikkerhedskopieres af sin server, ikke af Referent: pg_dump/) });
      }
    } finally {
      await ctx.store.close();
    }
  });
});
