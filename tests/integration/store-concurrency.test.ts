// Two processes writing to one file at once (the app and a CLI import): every write waits its turn
// and lands; none fails with "database is locked", and the change log stays one unbroken chain.
import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { call, invoke } from '../../src-main/core/dispatch';
import { openSqliteStore, SCHEMA_VERSION } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';

const TSX = path.resolve('node_modules/.bin/tsx');
const WRITER = path.resolve('tests/helpers/concurrent-writer.ts');
const OPENER = path.resolve('tests/helpers/open-store.ts');

type WriterReport = { label: string; ok: number; failures: Record<string, number> };

/** Starts a second process; resolves `ready` once it has loaded (and opened the file), `done` with its output. */
function startProcess(script: string, args: string[]) {
  const child = spawn(TSX, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (out.includes('ready\n')) onReady();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<string>((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${path.basename(script)} exited ${code}: ${err}`));
      else resolve(out.replace('ready\n', ''));
    }),
  );
  return { go: () => child.stdin.write('go\n'), ready, done };
}

function startWriter(file: string, label: string, count: number) {
  const p = startProcess(WRITER, [file, label, String(count)]);
  return { ...p, done: p.done.then((out) => JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as WriterReport) };
}

describe('two writers at once', () => {
  test('three processes opening one new file at the same moment: one creates it, all open it', async () => {
    for (let round = 0; round < 2; round++) {
      const file = path.join(tempDir(), 'referent.sqlite');
      const openers = [0, 1, 2].map(() => startProcess(OPENER, [file]));
      await Promise.all(openers.map((o) => o.ready));
      for (const o of openers) o.go();
      expect(await Promise.all(openers.map((o) => o.done))).toEqual([`${SCHEMA_VERSION}\n`, `${SCHEMA_VERSION}\n`, `${SCHEMA_VERSION}\n`]);
    }
  }, 300_000);

  test('two processes each making 150 writes to one file: all 300 land, none is refused', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    await openSqliteStore(file).close();
    const a = startWriter(file, 'A', 150);
    const b = startWriter(file, 'B', 150);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const reports = await Promise.all([a.done, b.done]);
    expect(reports.map((r) => r.failures)).toEqual([{}, {}]);
    expect(reports.map((r) => r.ok)).toEqual([150, 150]);

    const store = openSqliteStore(file);
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    const counts = await store.db
      .selectFrom('meetings')
      .innerJoin('committees', 'committees.id', 'meetings.committee_id')
      .select(['committees.name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('committees.name')
      .orderBy('committees.name')
      .execute();
    expect(counts).toEqual([
      { name: 'Udvalg A', n: 150 },
      { name: 'Udvalg B', n: 150 },
    ]);
    const verify = await call(ctx, 'meetingday.verify', {});
    expect(verify.fault).toBeNull();
    expect(verify.entries).toBe(302);
    await store.close();
  }, 300_000);
});

describe('a write that cannot get its turn', () => {
  test('is refused as Busy with one sentence in each language, after waiting, and changes nothing', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const store = openSqliteStore(file, { busyTimeoutMs: 300 });
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    const c = await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting' });
    // Another process (here: another connection) holds the write lock the whole time.
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');
    const t0 = performance.now();
    const r = await invoke(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T14:30' });
    const waited = performance.now() - t0;
    other.exec('ROLLBACK');
    other.close();
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'Busy',
        message: `The database ${file} is busy with another change (another Referent window or a "referent" command is writing to it); nothing was changed. Try again in a moment.`,
        messageDa: `Databasen ${file} er optaget af en anden ændring (et andet Referent-vindue eller en referent-kommando skriver i den); intet blev ændret. Prøv igen om et øjeblik.`,
      },
    });
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(await call(ctx, 'meetings.list', { committeeId: c.id })).toEqual([]);
    // Once the other writer is done, the same call simply succeeds.
    await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T14:30' });
    expect((await call(ctx, 'meetings.list', { committeeId: c.id })).map((m) => m.start)).toEqual(['2026-09-01T14:30']);
    await store.close();
  });
});
