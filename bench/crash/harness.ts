// The crash harness: starts a writer process (writer.ts) on one database, kills it with SIGKILL
// at a seeded random moment, checks what must hold (check.ts), and does it again on the same
// file. Seeded, so a run is repeatable; the checks hold wherever the kill lands, so it never flakes
// on a slow machine. Used by `npm run bench -- crash` (100 kills) and the test suite (10).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { call } from '../../src-main/core/dispatch';
import { importDocument } from '../../src-main/core/exchange/import';
import { closeSharedPrinter } from '../../src-main/core/documents/pdf-playwright';
import { openSqliteStore } from '../../src-main/core/store/open';
import { rng } from '../archive/prng';
import { checkAfterKill, emptyLedger, record } from './check';
import type { WriterConfig, WriterEvent } from './writer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/exchange/rich.referent.json');
/** In the fixture: a planned meeting the writers add items to, and an approved one they export. */
const EDIT_MEETING = '0d7e8a52-2b6c-4a8e-9a2e-5f1f6d2c1a02';
const EXPORT_MEETING = '0d7e8a52-2b6c-4a8e-9a2e-5f1f6d2c1a01';
const FIXTURE_COMMITTEE = 'OBU';

export type HarnessOptions = {
  rounds: number;
  seed?: number;
  /** The kill comes this long after the writer's first acknowledged write: uniform in [min, max] ms. */
  killAfterMs?: [number, number];
  attachmentBytes?: [number, number];
  log?: (line: string) => void;
};

export type HarnessReport = {
  rounds: number;
  /** Which operation each kill interrupted ('between' when none was under way). */
  killedDuring: Record<string, number>;
  acks: number;
  faults: string[];
  ms: number;
};

/**
 * The writer bundled into one file beside node_modules (so its packages resolve): a plain `node`
 * starts it in a fraction of what compiling TypeScript at every start would cost.
 */
async function bundleWriter(): Promise<string> {
  // One per run: two runs at once (the bench and the test suite) must not rebuild each other's.
  const outfile = path.join(ROOT, `node_modules/.cache/referent-crash/writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

/** A database with the fixture's committees, and the page numbers of the exported meeting cached (one print, here). */
async function prepare(dir: string): Promise<string> {
  const db = path.join(dir, 'referent.sqlite');
  const store = openSqliteStore(db);
  try {
    await importDocument(store, JSON.parse(fs.readFileSync(FIXTURE, 'utf8')));
    await call({ store, shell: 'cli', version: 'crash' }, 'documents.export', { meetingId: EXPORT_MEETING, kind: 'minutes', format: 'docx', public: false });
  } finally {
    await closeSharedPrinter();
    await store.close();
  }
  return db;
}

type Round = { events: WriterEvent[]; stderr: string; exited: number | null };

/** One writer, killed `afterMs` after its first acknowledged write. */
function runWriter(script: string, cfg: WriterConfig, afterMs: number): Promise<Round> {
  // Its own process group, so the kill takes anything it started with it.
  const child = spawn(process.execPath, [script, JSON.stringify(cfg)], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  let killed = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    // Counted from its first acknowledged write, so every round has written something to check.
    if (!timer && out.includes('{"ack"')) {
      timer = setTimeout(() => {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }, afterMs);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // A writer that never writes (it could not start) is stopped, not waited for forever.
  const stuck = setTimeout(() => {
    if (!timer) process.kill(-child.pid!, 'SIGKILL');
  }, 120_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(stuck);
      const events = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as WriterEvent);
      resolve({ events, stderr: timer ? stderr : `it never acknowledged a write: ${stderr}`, exited: killed ? null : code });
    }),
  );
}

export async function runCrashHarness(options: HarnessOptions): Promise<HarnessReport> {
  const t0 = performance.now();
  const seed = options.seed ?? 1;
  const [min, max] = options.killAfterMs ?? [30, 1500];
  const r = rng(seed);
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-crash-'));
  const script = await bundleWriter();
  const db = await prepare(dir);
  const ledger = emptyLedger();
  let lastImported: string | null = null;
  const report: HarnessReport = { rounds: 0, killedDuring: {}, acks: 0, faults: [], ms: 0 };
  for (let round = 0; round < options.rounds; round++) {
    // Inputs a killed writer left behind are no one's concern (the harness made them).
    for (const f of fs.readdirSync(dir)) if (/^import-.+\.referent\.zip$/.test(f)) fs.rmSync(path.join(dir, f));
    const cfg: WriterConfig = {
      db,
      work: dir,
      seed: seed * 1000 + round,
      editMeetingId: EDIT_MEETING,
      exportMeetingId: EXPORT_MEETING,
      exportCommittee: lastImported ?? FIXTURE_COMMITTEE,
      attachmentBytes: options.attachmentBytes ?? [256 * 1024, 2 * 1024 * 1024],
    };
    const afterMs = r.int(min, max);
    const { events, stderr, exited } = await runWriter(script, cfg, afterMs);
    if (exited !== null) report.faults.push(`round ${round}: the writer stopped by itself (exit ${exited}) before the kill: ${stderr.trim()}`);
    for (const e of events) if ('failed' in e) report.faults.push(`round ${round}: an operation failed: ${e.error}`);
    const during = record(ledger, events) ?? 'between';
    for (const e of events) if ('ack' in e && e.ack === 'import') lastImported = e.committee;
    report.killedDuring[during] = (report.killedDuring[during] ?? 0) + 1;
    const faults = await checkAfterKill(db, ledger);
    for (const f of faults) report.faults.push(`round ${round} (killed after ${afterMs} ms, during ${during}): ${f}`);
    report.rounds++;
    const acks = events.flatMap((e) => ('ack' in e ? [e.ack === 'export' ? `export ${e.kind}` : e.ack] : []));
    const tally = [...new Set(acks)].map((a) => `${acks.filter((x) => x === a).length} ${a}`).join(', ');
    log(`round ${round}: killed after ${afterMs} ms during ${during}; acks: ${tally || 'none'}; ${faults.length ? faults.join('; ') : 'all holds'}`);
  }
  report.acks = ledger.acks;
  report.ms = performance.now() - t0;
  fs.rmSync(script, { force: true });
  if (report.faults.length === 0) fs.rmSync(dir, { recursive: true, force: true });
  else log(`kept for inspection: ${dir}`);
  return report;
}
