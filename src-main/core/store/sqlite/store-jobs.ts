// The slow SQLite-only work on the whole file (online backup, integrity check, restore) runs on a
// worker thread with its own connection, so neither a window nor the requests of the browser shell
// wait for it. `runStoreJobSync` waits for the worker without an event loop (Atomics.wait): for
// the one caller that must finish before anything else happens, the backup before a migration.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export type CheckKind = 'quick' | 'full';

export type StoreJob =
  /** An online backup of `source` (which may be in use) into the new file `target`, then checked. */
  | { kind: 'backup'; source: string; target: string }
  /** PRAGMA quick_check or integrity_check of `file`, read-only. */
  | { kind: 'check'; file: string; check: CheckKind }
  /** Checks `backup`, then copies it into the live file `target` in one transaction. */
  | { kind: 'restore'; backup: string; target: string; waitMs: number };

export type JobResult = {
  /** 'ok', or the problems the check found (the first few, joined). */
  check: string;
  /** user_version of the checked (or copied) file. */
  schemaVersion: number;
  /** A backup's change-log head ("HASH:LENGTH"), null when it has none. */
  anchor?: string | null;
  size?: number;
};

export type JobFailure = { message: string; code?: string };

// Plain CommonJS, evaluated by the worker: it must not depend on how the main code was built
// (tsx, vitest, electron-vite), so it loads better-sqlite3 by the absolute path it is given.
const WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
let Database;
const native = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// A file SQLite finds damaged answers with what it found, not with an exception: that is the
// check's result. Other failures (missing, unreadable) are errors.
function check(file, kind) {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...native });
  let schemaVersion = 0;
  try {
    db.pragma('busy_timeout = 5000');
    schemaVersion = db.pragma('user_version', { simple: true });
    const rows = db.pragma(kind === 'quick' ? 'quick_check(20)' : 'integrity_check(20)');
    const problems = rows.map((r) => String(Object.values(r)[0]));
    const result = problems.length === 1 && problems[0] === 'ok' ? 'ok' : problems.slice(0, 5).join('; ');
    return { check: result, schemaVersion };
  } catch (e) {
    if (e && (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB')) return { check: String(e.message), schemaVersion };
    throw e;
  } finally {
    db.close();
  }
}

function fsyncFile(file) {
  const fd = fs.openSync(file, 'r+');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

function busy() {
  const e = new Error('database is locked');
  e.code = 'SQLITE_BUSY';
  return e;
}

// Copies every page of src into target in one step: one read snapshot of the source, one write
// transaction on the target, so a reader of either never sees a mixture. When SQLite finds a file
// busy it copies nothing (and better-sqlite3 then reports 0 pages as if done): wait and try again.
async function copyAll(src, target, waitMs) {
  const started = Date.now();
  for (;;) {
    let calls = 0;
    const progress = await src.backup(target, {
      progress: () => {
        if (calls++ > 0) {
          if (Date.now() - started > waitMs) throw busy();
          pause(50);
        }
        return 0x7fffffff;
      },
    });
    if (progress.totalPages > 0) return;
    if (Date.now() - started > waitMs) throw busy();
    pause(50);
  }
}

async function backup(job) {
  const src = new Database(job.source, { readonly: true, fileMustExist: true, ...native });
  try {
    src.pragma('busy_timeout = 5000');
    await copyAll(src, job.target, 5000);
  } finally {
    src.close();
  }
  // The copy stands alone: a rollback journal, no -wal or -shm beside it.
  const copy = new Database(job.target, native);
  try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
  fsyncFile(job.target);
  return { ...check(job.target, 'full'), size: fs.statSync(job.target).size, anchor: headOf(job.target) };
}

// The head of the copy's change log, "HASH:LENGTH" (entries are numbered without gaps): the
// anchor its record keeps, read from the copy itself.
function headOf(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...native });
  try {
    const row = db.prepare('SELECT hash, seq FROM change_log ORDER BY seq DESC LIMIT 1').get();
    return row ? row.hash + ':' + row.seq : null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

async function restore(job) {
  const checked = check(job.backup, 'full');
  if (checked.check !== 'ok') {
    const e = new Error('the backup ' + job.backup + ' is itself damaged (' + checked.check + ')');
    e.code = 'BACKUP_DAMAGED';
    throw e;
  }
  const src = new Database(job.backup, { readonly: true, fileMustExist: true, ...native });
  try {
    await copyAll(src, job.target, job.waitMs);
  } catch (e) {
    // The checked backup reads; a file SQLite cannot take pages into is the live one.
    if (e && (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB')) e.code = 'TARGET_UNREADABLE';
    throw e;
  } finally {
    src.close();
  }
  return { check: 'ok', schemaVersion: checked.schemaVersion };
}

async function run(job) {
  Database = require(workerData.modulePath);
  if (job.kind === 'backup') return backup(job);
  if (job.kind === 'check') return check(job.file, job.check);
  return restore(job);
}

run(workerData.job).then(
  (value) => finish({ ok: true, value }),
  (e) => finish({ ok: false, error: { message: String(e && e.message || e), code: e && typeof e.code === 'string' ? e.code : undefined } }),
);

function finish(result) {
  workerData.port.postMessage(result);
  workerData.port.close();
  if (workerData.done) {
    const flag = new Int32Array(workerData.done);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
}
`;

type Outcome = { ok: true; value: JobResult } | { ok: false; error: JobFailure };

/** The error a job failed with, carrying SQLite's code so sqlite-errors.ts can name it. */
export class StoreJobError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const modulePath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

function start(job: StoreJob, nativeBinding: string | undefined, done?: SharedArrayBuffer) {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { job, modulePath: modulePath(), nativeBinding, port: port2, done },
    transferList: [port2],
  });
  return { worker, port: port1 };
}

const settle = (o: Outcome): JobResult => {
  if (o.ok) return o.value;
  throw new StoreJobError(o.error.message, o.error.code);
};

export function runStoreJob(job: StoreJob, nativeBinding?: string): Promise<JobResult> {
  const { worker, port } = start(job, nativeBinding);
  return new Promise<JobResult>((resolve, reject) => {
    let outcome: Outcome | undefined;
    port.once('message', (o: Outcome) => (outcome = o));
    worker.once('error', reject);
    worker.once('exit', () => {
      port.close();
      // The message is delivered before the exit event; without one the worker died.
      const o = outcome ?? (receiveMessageOnPort(port)?.message as Outcome | undefined);
      if (!o) reject(new StoreJobError(`the ${job.kind} worker stopped without an answer`, undefined));
      else {
        try {
          resolve(settle(o));
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}

/** The same job, waited for on this thread without its event loop. */
export function runStoreJobSync(job: StoreJob, nativeBinding?: string): JobResult {
  const done = new SharedArrayBuffer(4);
  const { worker, port } = start(job, nativeBinding, done);
  const flag = new Int32Array(done);
  // The worker sets the flag after posting its answer; a worker that dies never does, so the
  // wait is bounded and looked at again (an hour is far beyond any backup this app makes).
  const deadline = Date.now() + 3_600_000;
  while (Atomics.load(flag, 0) === 0 && Date.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
  const o = receiveMessageOnPort(port)?.message as Outcome | undefined;
  port.close();
  void worker.terminate();
  if (!o) throw new StoreJobError(`the ${job.kind} worker stopped without an answer`, undefined);
  return settle(o);
}
