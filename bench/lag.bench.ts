// Main-thread lag (issue 12 §7): how long the shell's event loop (windows, menus, the browser
// shell's sockets) waits while the core works. Each task runs through the core's worker thread, as
// the desktop app and the browser shell run it, and, as the baseline of the same run, through the
// in-process host on this thread, as the app ran before. Tasks: importing a generated archive
// (BENCH_LAG_ITEMS, default 44,000 items), exporting it again to a file, a 60-item PDF export, and
// a common-word search.
import fs from 'node:fs';
import path from 'node:path';
import { closeSharedPrinter } from '../src-main/core/documents/pdf-playwright';
import { openSqliteStore } from '../src-main/core/store/open';
import type { ApiHost } from '../src-main/host/api-host';
import { inProcessHost } from '../src-main/host/in-process-host';
import { startWorkerHost } from '../src-main/host/worker-host';
import { ensureCliBundle, WORKER_BUNDLE } from '../scripts/lib/cli-bundle.mjs';
import { archiveJson, benchDir } from './archive/files';
import { GENERATED_MEETING_ID, generatedMeetingDocument } from './documents-data';
import type { Bench } from './lib';

const ITEMS = Number(process.env.BENCH_LAG_ITEMS ?? 44_000);
const TARGET_MS = 50;
const SEARCHES = 20;

type Lag = { maxMs: number; p99Ms: number; tookMs: number };

const TICK_MS = 5;

/**
 * The main thread's event-loop lag while `work` runs: a timer due every 5 ms records how late it
 * fires, and the stretch from its last firing to the end counts too, since work that never yields
 * (the core on this thread) keeps the timer from firing at all until it is done.
 */
async function lagDuring(work: () => Promise<unknown>): Promise<Lag> {
  const late: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    late.push(Math.max(0, now - last - TICK_MS));
    last = now;
  }, TICK_MS);
  const t = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  late.push(Math.max(0, performance.now() - last - TICK_MS));
  late.sort((x, y) => x - y);
  return { maxMs: late.at(-1)!, p99Ms: late[Math.min(late.length - 1, Math.ceil(late.length * 0.99) - 1)]!, tookMs: performance.now() - t };
}

const ok = async (r: Promise<{ ok: boolean }>): Promise<void> => {
  const result = await r;
  if (!result.ok) throw new Error(`the call failed: ${JSON.stringify(result)}`);
};

type Figures = { idle: Lag; import: Lag; export: Lag; pdf: Lag; search: Lag };

async function measure(host: ApiHost, archive: string, meeting: string, exported: string): Promise<Figures> {
  await host.run('exchange.importFile', { filePath: meeting });
  const exportPdf = (): Promise<void> => ok(host.invoke('documents.export', { meetingId: GENERATED_MEETING_ID, kind: 'minutes', format: 'pdf' }));
  // The first export starts Chromium; the measured one is the secretary's second.
  await exportPdf();
  const pdf = await lagDuring(exportPdf);
  // The file is read by the core, as the desktop's Filer > Importér… has it do (in the worker, off this thread).
  const imported = await lagDuring(() => host.run('exchange.importFile', { filePath: archive }));
  // Filer > Eksportér…: the core writes the whole archive where she chose (in the worker, off this thread).
  const exportedArchive = await lagDuring(() => host.run('exchange.exportFile', { filePath: exported }));
  const search = await lagDuring(async () => {
    for (let i = 0; i < SEARCHES; i++) await ok(host.invoke('search.items', { query: i % 2 ? 'udvalget' : 'kommunen' }));
  });
  // The floor: the same timer while this thread has nothing to do (on a loaded machine it is not zero).
  const idle = await lagDuring(() => new Promise((resolve) => setTimeout(resolve, 5_000)));
  return { idle, import: imported, export: exportedArchive, pdf, search };
}

const fresh = (file: string): string => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.rmSync(path.join(path.dirname(file), 'files'), { recursive: true, force: true });
  return file;
};

const bench: Bench = async (report) => {
  const archive = await archiveJson({ items: ITEMS });
  const dir = path.join(benchDir(), 'lag');
  const workerDb = fresh(path.join(dir, 'worker', 'referent.sqlite'));
  const mainDb = fresh(path.join(dir, 'main', 'referent.sqlite'));
  fs.mkdirSync(path.dirname(mainDb), { recursive: true });
  const meeting = path.join(dir, 'meeting.json');
  fs.writeFileSync(meeting, JSON.stringify(generatedMeetingDocument()));

  // The bundled worker, as `npm start`'s browser shell runs it.
  const root = path.resolve(import.meta.dirname, '..');
  await ensureCliBundle(root);
  const worker = await startWorkerHost({ dbFile: workerDb, shell: 'web', version: 'bench', workerFile: path.join(root, WORKER_BUNDLE) });
  let inWorker: Figures;
  try {
    inWorker = await measure(worker, archive, meeting, path.join(dir, 'worker', 'eksport.json'));
  } finally {
    await worker.close();
  }
  const main = inProcessHost({ store: openSqliteStore(mainDb), shell: 'web', version: 'bench' });
  let onMain: Figures;
  try {
    onMain = await measure(main, archive, meeting, path.join(dir, 'main', 'eksport.json'));
  } finally {
    await main.close();
    await closeSharedPrinter();
  }

  const floor = Math.max(inWorker.idle.maxMs, onMain.idle.maxMs);
  report({ name: 'main-thread lag, idle for 5 s (the machine\'s noise floor)', value: floor, unit: 'ms', note: `p99 ${Math.max(inWorker.idle.p99Ms, onMain.idle.p99Ms).toFixed(0)} ms` });
  const tasks: [Exclude<keyof Figures, 'idle'>, string][] = [
    ['import', `import of ${ITEMS} items`],
    ['export', `export of the same ${ITEMS} items to a file`],
    ['pdf', '60-item PDF export'],
    ['search', `${SEARCHES} common-word searches`],
  ];
  for (const [key, label] of tasks) {
    const w = inWorker[key];
    const m = onMain[key];
    report({ name: `main-thread lag, ${label}, core on the main thread (baseline)`, value: m.maxMs, unit: 'ms', note: `p99 ${m.p99Ms.toFixed(0)} ms; took ${(m.tookMs / 1000).toFixed(1)} s` });
    report({
      name: `main-thread lag, ${label}, core in its worker`,
      value: w.maxMs,
      unit: 'ms',
      target: `<= ${TARGET_MS} ms`,
      met: w.maxMs <= TARGET_MS,
      note: `p99 ${w.p99Ms.toFixed(0)} ms; ${(m.maxMs / Math.max(w.maxMs, 1)).toFixed(1)}x less than the baseline; took ${(w.tookMs / 1000).toFixed(1)} s`,
    });
  }
};

export default bench;
