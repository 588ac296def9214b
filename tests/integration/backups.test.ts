// Rolling backups: made with SQLite's online backup API before migrations and imports and on the
// first open of a day, each checked and recorded, the oldest pruned; listed and restored from the
// Api and from `referent backup`, a restore itself backed up first.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { call, invoke } from '../../src-main/core/dispatch';
import { runMaintenance } from '../../src-main/core/store/sqlite/integrity';
import { MIGRATIONS } from '../../src-main/core/store/migrations';
import { openSqliteStore, SCHEMA_VERSION } from '../../src-main/core/store/open';
import { openOrRestore, restoreQuestion } from '../../src-main/core/store/sqlite/recover';
import type { AppError } from '../../src-main/core/errors';
import type { BackupInfo } from '../../src-shared/api/backups';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';

const fixture = path.resolve('tests/fixtures/exchange/rich.referent.json');

function context(file: string): CoreContext {
  return { store: openSqliteStore(file, { appVersion: 'test' }), shell: 'cli', version: 'test' };
}

const names = async (ctx: CoreContext): Promise<string[]> => (await call(ctx, 'committees.list', {})).map((c) => c.name).sort();
const backupsDir = (file: string): string => path.join(path.dirname(file), 'backups');

/** The committees a backup file holds, read straight from it. */
function committeesIn(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM committees ORDER BY name').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

describe('backups', () => {
  test('before a migration: a checked copy of the file as it was, in backups/, recorded', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const previous = MIGRATIONS[MIGRATIONS.length - 2]!.version;
    const old = openSqliteStore(file, { targetVersion: previous });
    // Written with the columns of the first schema: the Api of this version may write newer ones.
    old.sqlite
      .prepare("INSERT INTO committees (id, name, numbering, created_at, updated_at) VALUES ('c1', 'Børne- og Familieudvalget', 'per-meeting', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z')")
      .run();
    await old.close();

    const ctx = context(file);
    const list = ctx.store.backups!.list();
    expect(list.map((b) => [b.reason, b.check, b.schemaVersion])).toEqual([['pre-migration', 'ok', previous]]);
    expect(committeesIn(path.join(backupsDir(file), list[0]!.name))).toEqual(['Børne- og Familieudvalget']);
    // The copy stands alone (no -wal beside it), and nothing is left beside the database.
    expect(fs.readdirSync(backupsDir(file)).sort()).toEqual([list[0]!.name, `${list[0]!.name}.json`]);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
    await ctx.store.close();
  });

  test('before every import (exchange and calendar) of a file that holds anything, from any shell', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    // Into an empty file: nothing to lose, so no copy.
    await call(ctx, 'exchange.import', { document: JSON.parse(fs.readFileSync(fixture, 'utf8')) });
    expect(ctx.store.backups!.list()).toEqual([]);
    const before = await names(ctx);

    await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', numbering: 'per-meeting' });
    const csv = 'Udvalg;Dato;Tidspunkt\nTMU;03-09-2026;16:00\n';
    await call(ctx, 'calendar.applyImport', { fileName: 'tmu.csv', base64: Buffer.from(csv).toString('base64') });
    const [first] = ctx.store.backups!.list();
    expect(first).toMatchObject({ reason: 'pre-import', check: 'ok', schemaVersion: SCHEMA_VERSION, appVersion: 'test' });
    expect(committeesIn(path.join(backupsDir(file), first!.name))).toEqual([...before, 'Teknik- og Miljøudvalget'].sort());

    // The CLI's import takes one as well.
    await ctx.store.close();
    expect((await cli(['import', fixture, '--db', file])).code).toBe(0);
    const store = openSqliteStore(file);
    expect(store.backups!.list().map((b) => b.reason)).toEqual(['pre-import', 'pre-import']);
    await store.close();
  });

  test('daily on the first open of a day, the file checked once a day or per version, and the oldest pruned', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    await call(ctx, 'backups.setKeep', { daily: 2, other: 1 });

    const day = (d: number): Date => new Date(2026, 5, d, 9, 0);
    const first = await runMaintenance(ctx.store, '1.0.0', day(1));
    expect(first.backup).toMatchObject({ reason: 'daily', check: 'ok' });
    expect(first.check).toEqual({ at: day(1).toISOString(), appVersion: '1.0.0', result: 'ok' });
    // The same day again: no second copy, no second check.
    expect(await runMaintenance(ctx.store, '1.0.0', new Date(2026, 5, 1, 15, 0))).toEqual({ backup: null, check: null });
    // A new version the same day: checked, not copied.
    expect(await runMaintenance(ctx.store, '1.1.0', new Date(2026, 5, 1, 16, 0))).toMatchObject({ backup: null, check: { appVersion: '1.1.0', result: 'ok' } });
    await runMaintenance(ctx.store, '1.1.0', day(2));
    await runMaintenance(ctx.store, '1.1.0', day(3));
    await call(ctx, 'backups.create', {});
    await call(ctx, 'backups.create', {});

    const overview = await call(ctx, 'backups.list', {});
    // Two daily kept (the newest), one of the others.
    expect(overview.backups.map((b) => b.reason)).toEqual(['manual', 'daily', 'daily']);
    expect(overview.backups.filter((b) => b.reason === 'daily').length).toBe(2);
    expect(overview.keep).toEqual({ daily: 2, other: 1 });
    expect(overview.lastCheck).toMatchObject({ appVersion: '1.1.0', result: 'ok' });
    expect(overview.folder).toBe(backupsDir(file));
    expect(fs.readdirSync(backupsDir(file)).length).toBe(6);
    await ctx.store.close();
  });

  test('restored from the app: the file goes back, a copy of it as it was is kept first, and the store reads the restored file', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const made = await call(ctx, 'backups.create', {});
    await call(ctx, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });

    const r = await call(ctx, 'backups.restore', { name: made.name });
    expect(r.restored.name).toBe(made.name);
    expect(r.safetyCopy).toMatchObject({ reason: 'pre-restore', check: 'ok' });
    expect(committeesIn(path.join(backupsDir(file), r.safetyCopy!.name))).toEqual(['Kulturudvalget', 'Økonomiudvalget']);
    expect(await names(ctx)).toEqual(['Økonomiudvalget']);
    // The restored file takes new changes as before.
    await call(ctx, 'committees.create', { name: 'Plan- og Boligudvalget', numbering: 'per-meeting' });
    expect(await names(ctx)).toEqual(['Plan- og Boligudvalget', 'Økonomiudvalget']);
    expect((await call(ctx, 'meetingday.verify', {})).fault).toBeNull();
    await ctx.store.close();
  });

  test('restored with `referent backup restore` while the app has the file open: the app reads the restored file', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const app = context(file);
    await call(app, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    expect((await cli(['backup', 'create', '--db', file])).code).toBe(0);
    await call(app, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });

    const listed = await cli(['backup', 'list', '--db', file]);
    expect(listed.out).toMatch(/^Backups in .+ \(newest first\):\n\d{4}-\d\d-\d\d \d\d:\d\d {2}manual {8}\s+\d+\.\d MB {2}checked ok {2}referent-.+-manual\.sqlite\n$/);
    const name = /(referent-\S+-manual\.sqlite)/.exec(listed.out)![1]!;

    const r = await cli(['backup', 'restore', name, '--db', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Restored ${file.replace(/[/.]/g, '\\$&')} from ${name.replace(/\./g, '\\.')} \\(.+\\)\\.\\nThe file as it was before is kept as referent-.+-pre-restore\\.sqlite\\.\\n$`));
    // The app's own connection, open all along, sees the restored content.
    expect(await names(app)).toEqual(['Økonomiudvalget']);
    await app.store.close();
  });

  test('a database that no longer opens is restored from the command line, and opens again', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const made = await call(ctx, 'backups.create', {});
    await ctx.store.close();
    fs.writeFileSync(file, 'overskrevet af et andet program '.repeat(500));

    expect((await cli(['verify', '--db', file])).err).toMatch(/is not a Referent database/);
    expect((await cli(['backup', 'list', '--db', file])).out).toContain(made.name);
    const r = await cli(['backup', 'restore', made.name, '--db', file]);
    expect(r.code).toBe(0);
    const store = openSqliteStore(file);
    expect(await names({ store, shell: 'cli', version: 'test' })).toEqual(['Økonomiudvalget']);
    // The broken file was kept, byte for byte, as the pre-restore copy.
    const safety = store.backups!.list().find((b) => b.reason === 'pre-restore')!;
    expect(fs.readFileSync(path.join(backupsDir(file), safety.name), 'utf8')).toMatch(/^overskrevet af et andet program/);
    expect(safety.check).toMatch(/^not a readable database: /);
    await store.close();
  });

  test('a damaged backup or one from a newer Referent is refused, and the file is left as it was', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const made = await call(ctx, 'backups.create', {});
    await call(ctx, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });
    const copy = path.join(backupsDir(file), made.name);

    const newer = new BetterSqlite3(copy);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const tooNew = await invoke(ctx, 'backups.restore', { name: made.name });
    expect(tooNew.ok ? null : tooNew.error.code).toBe('TooNew');

    const raw = new BetterSqlite3(copy);
    raw.pragma(`user_version = ${SCHEMA_VERSION}`);
    const root = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'committees'").pluck().get() as number;
    raw.close();
    const fd = fs.openSync(copy, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (root - 1) * 4096);
    fs.closeSync(fd);
    const damaged = await invoke(ctx, 'backups.restore', { name: made.name });
    expect(damaged.ok ? null : damaged.error.code).toBe('Corrupt');
    expect(damaged.ok ? '' : damaged.error.message).toMatch(new RegExp(`^The backup ${made.name.replace(/\./g, '\\.')} is itself damaged \\(.+\\); .+ was left as it was\\. Choose an older backup\\.$`));
    expect(await names(ctx)).toEqual(['Kulturudvalget', 'Økonomiudvalget']);
    await ctx.store.close();
  });
});

describe('backups of a damaged database', () => {
  test('are still listed and restored through the Api when the settings in the file cannot be read', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    await call(ctx, 'backups.setKeep', { daily: 5, other: 5 });
    const made = await call(ctx, 'backups.create', {});
    await ctx.store.close();
    // Damage the settings table's pages.
    const raw = new BetterSqlite3(file);
    const root = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").pluck().get() as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (root - 1) * 4096);
    fs.closeSync(fd);

    const damaged = context(file);
    const overview = await call(damaged, 'backups.list', {});
    expect(overview.backups.map((b) => b.name)).toEqual([made.name]);
    await call(damaged, 'backups.restore', { name: made.name });
    expect((await call(damaged, 'backups.list', {})).keep).toEqual({ daily: 5, other: 5 });
    expect(await names(damaged)).toEqual(['Økonomiudvalget']);
    await damaged.store.close();
  });

  test('a file that does not open at all: the window offers the newest checked backup, and restores it only on yes', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const ctx = context(file);
    await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const good = await call(ctx, 'backups.create', {});
    await call(ctx, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });
    const later = await call(ctx, 'backups.create', {});
    await ctx.store.close();
    // The newer copy's check found damage: it is not the one offered.
    const record = path.join(backupsDir(file), `${later.name}.json`);
    fs.writeFileSync(record, JSON.stringify({ ...JSON.parse(fs.readFileSync(record, 'utf8')), check: 'row 3 missing from index' }));
    fs.writeFileSync(file, 'overskrevet af et andet program '.repeat(500));
    const broken = fs.readFileSync(file);

    const asked: [AppError, BackupInfo][] = [];
    const open = () => openSqliteStore(file, { appVersion: 'test' });
    const no = openOrRestore(file, { appVersion: 'test' }, open, async (e, b) => (asked.push([e, b]), false));
    await expect(no).rejects.toThrow(`${file} is not a Referent database (file is not a database).`);
    expect(asked.map(([e, b]) => [e.code, b.name])).toEqual([['Corrupt', good.name]]);
    expect(fs.readFileSync(file).equals(broken)).toBe(true);

    const q = restoreQuestion(asked[0]![0], asked[0]![1]);
    expect(q.detail).toMatch(new RegExp(`^${file.replace(/[/.]/g, '\\$&')} er ikke en Referent-database \\(file is not a database\\)\\.`));
    expect(q.detail).toContain(`Den nyeste kontrollerede sikkerhedskopi er fra `);
    expect(q.detail).toContain(`(${good.name}). Gendanner du den, gemmes filen, som den er nu, først som sikkerhedskopi`);
    expect(q.buttons).toEqual(['Gendan sikkerhedskopien', 'Afslut']);

    const store = await openOrRestore(file, { appVersion: 'test' }, open, async () => true);
    expect(await names({ store, shell: 'cli', version: 'test' })).toEqual(['Økonomiudvalget']);
    const safety = store.backups!.list().find((b) => b.reason === 'pre-restore')!;
    expect(fs.readFileSync(path.join(backupsDir(file), safety.name)).equals(broken)).toBe(true);
    await store.close();
  });

  test('a file that does not open and has no checked backup: the sentence, and nobody is asked', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    fs.writeFileSync(file, 'overskrevet af et andet program '.repeat(500));
    let asked = 0;
    await expect(openOrRestore(file, {}, () => openSqliteStore(file), async () => (asked++, true))).rejects.toThrow(/is not a Referent database/);
    expect(asked).toBe(0);
  });
});
