// `npm start`'s browser shell as a process (src-main/web/main.ts with the bundled worker): it
// serves the contract from the core's worker, and on SIGTERM lets the worker close the store
// cleanly with what was written kept.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { WORKER_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import { tempDir } from '../helpers/store';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('the browser shell answers from its worker and closes the store cleanly on SIGTERM', async () => {
  const dir = tempDir('referent-web-shell-');
  const dbFile = path.join(dir, 'referent.sqlite');
  const staticDir = tempDir('referent-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Referent</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web/main.ts', '--db', dbFile, '--static', staticDir, '--worker', path.join(ROOT, WORKER_BUNDLE)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // Decoded as a stream: a letter split between two chunks stays one letter.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  child.stderr.on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      const look = (): void => {
        const m = /running at (\S+)/.exec(out);
        if (m) resolve(new URL(m[1]!));
      };
      child.stdout.on('data', look);
      void exited.then(() => reject(new Error(`the shell stopped: ${out}`)));
    });
    // The launch address carries the token in its query (the server turns it into a cookie).
    const token = url.searchParams.get('token')!;
    const post = async (op: string, input: unknown): Promise<unknown> => {
      const res = await fetch(new URL(`/api/${op}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      return res.json();
    };
    expect(await post('committees.create', { name: 'Børne- og Familieudvalget', numbering: 'per-year' })).toMatchObject({ ok: true, value: { name: 'Børne- og Familieudvalget' } });
    expect(await post('system.info', {})).toMatchObject({ ok: true, value: { shell: 'web', dbFile } });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  // The worker closed the store: SQLite removed its write-ahead log, and the row is in the file.
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    expect(db.prepare('SELECT name FROM committees').pluck().all()).toEqual(['Børne- og Familieudvalget']);
  } finally {
    db.close();
  }
}, 180_000);
