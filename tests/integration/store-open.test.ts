// Opening a file: a newer file is refused before anything writes to it; a command that only reads
// never creates a file; a file that is not a database, damaged or read-only gets one sentence
// naming it and the way out; opening does not read the whole file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { call, invoke } from '../../src-main/core/dispatch';
import { openSqliteStore, SCHEMA_VERSION } from '../../src-main/core/store/open';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';

const RESTORE_EN = 'restore a backup (Settings → Backups in the app, or "referent backup list" and "referent backup restore FILE")';

/** A database with one committee and a meeting, closed. */
async function seeded(): Promise<string> {
  const file = path.join(tempDir(), 'referent.sqlite');
  const store = openSqliteStore(file);
  const ctx = { store, shell: 'cli' as const, version: 'test' };
  const c = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', shortName: 'ØU', numbering: 'per-meeting' });
  await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-02T14:30' });
  await store.close();
  return file;
}

describe('a database from a newer Referent', () => {
  test('is refused before anything is written to it: not even its journal mode changes', () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openSqliteStore(file)).toThrow(`The database ${file} was written by a newer Referent (schema ${SCHEMA_VERSION + 1}; this version knows up to ${SCHEMA_VERSION}). Update Referent to open it.`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['referent.sqlite']);
    const again = new BetterSqlite3(file, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
  });
});

describe('commands that only read', () => {
  test('never create a missing database: verify, search, export-json and export name the file and stop', async () => {
    const dir = tempDir();
    const typo = path.join(dir, 'refrent.sqlite');
    const sentence = `There is no database at ${typo}. Check the file name (--db or $REFERENT_DB); this command only reads, so it does not create one.`;
    for (const args of [
      ['verify'],
      ['search', 'budget'],
      ['export-json'],
      ['export', '--committee', 'ØU', '--date', '2026-06-02', '--kind', 'agenda', '--format', 'docx', '--out', path.join(dir, 'x.docx')],
    ]) {
      const r = await cli([...args, '--db', typo], dir);
      expect({ args, code: r.code, err: r.err }).toEqual({ args, code: 2, err: `referent ${args[0]}: ${sentence}\n` });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    // Four commands, each loading its own modules at first use: slow on a loaded machine.
  }, 120_000);

  test('open the file read-only: verify, search and export-json leave it byte for byte as it was', async () => {
    const file = await seeded();
    const before = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    expect((await cli(['verify', '--db', file])).code).toBe(0);
    expect((await cli(['search', 'Økonomi', '--db', file])).code).toBe(0);
    const exported = await cli(['export-json', '--db', file]);
    expect(JSON.parse(exported.out).committees[0].name).toBe('Økonomiudvalget');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    // A write through a read-only store is refused with the read-only sentence, not done.
    const store = openSqliteStore(file, { readOnly: true });
    const r = await invoke({ store, shell: 'cli', version: 'test' }, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting' });
    expect(r.ok ? null : r.error.code).toBe('ReadOnly');
    await store.close();
  });
});

describe('a file that cannot be used as it is', () => {
  test('not a database: one sentence naming the file and the way out, and the file left alone', () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    fs.writeFileSync(file, 'Referat af mødet den 2. juni. '.repeat(300));
    const before = fs.readFileSync(file);
    expect(() => openSqliteStore(file)).toThrow(`${file} is not a Referent database (file is not a database). Check that you named the right file, or ${RESTORE_EN}.`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('damaged: opening does not read the whole file, and a read that meets the damage names it and the way out', async () => {
    const file = await seeded();
    // Overwrite the pages of the meetings table's b-tree, leaving the header and schema intact.
    const raw = new BetterSqlite3(file);
    const root = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'meetings'").pluck().get() as number;
    const committeeId = raw.prepare('SELECT id FROM committees').pluck().get() as string;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);

    const store = openSqliteStore(file);
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    // It opens at once, and what does not touch the damage still reads.
    expect(await call(ctx, 'settings.get', {})).toEqual({ name: null, logo: null });
    const r = await invoke(ctx, 'meetings.list', { committeeId });
    expect(r.ok ? null : r.error).toEqual({
      code: 'Corrupt',
      message: `The database ${file} is damaged (database disk image is malformed). To go on, ${RESTORE_EN}.`,
      messageDa: expect.stringMatching(/^Databasen .+ er beskadiget \(database disk image is malformed\)\. For at arbejde videre: gendan en sikkerhedskopi \(Indstillinger → Sikkerhedskopier/),
    });
    await store.close();

    const verify = await cli(['verify', '--db', file]);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(new RegExp(`^referent verify: FAULT: the database file ${file.replace(/[/.]/g, '\\$&')} is damaged \\(.+\\); restore a backup`));
  });

  test('read-only (the file or its folder): one sentence naming the file and what to do, before anything is tried', async () => {
    const file = await seeded();
    const dir = path.dirname(file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    try {
      const r = await asUnprivileged(['import', path.resolve('tests/fixtures/exchange/rich.referent.json'), '--db', file]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `referent import: Referent cannot write to ${file}: the file or its folder is read-only. Give your user write access to the folder, or copy the file to a folder you can write to and open it there.\n`,
      );
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o644);
    }
  }, 120_000);
});

/**
 * Runs the real `referent` command as a user without write access. Root may write anywhere, so as
 * root the command runs as "nobody"; any other user is already held back by the file's mode.
 */
function asUnprivileged(args: string[]): Promise<{ code: number; err: string }> {
  const root = process.getuid?.() === 0;
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['src-main/cli/main.ts', ...args], {
    ...(root ? { uid: 65534, gid: 65534 } : {}),
    env: { ...process.env, HOME: '/tmp', TSX_TSCONFIG_PATH: path.resolve('tsconfig.node.json') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, err })));
}
