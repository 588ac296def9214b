// A decade of minutes: generated Danish archives (bench/archive/) of 320, 26,000 and 250,000
// items (BENCH_SIZES=320,26000 to choose), each step against a baseline of the same run:
// import vs a bulk insert of the same rows, open vs a bare SQLite open, autosave at each size vs
// the smallest, search per query kind vs naive FTS5 (ORDER BY bm25 + snippet()), verify and
// export-json with their time and peak memory (each in a process of its own).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { call } from '../src-main/core/dispatch';
import { openSqliteStore } from '../src-main/core/store/open';
import { resolveKeyFile } from '../src-main/core/paths';
import { archiveJson, benchDir } from './archive/files';
import { middleCaseNumber, NAIVE_QUERY, naiveTableSql, searchQueries } from './archive/search-queries';
import { percentile, timedRuns, timedRunsWithCpu, type Bench, type BenchLine } from './lib';
import { CLI_BUNDLE, ensureCliBundle } from '../scripts/lib/cli-bundle.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '320,26000,250000').split(',').map(Number);
const LARGEST = Math.max(...SIZES);

type ChildResult = { step: string; ms: number; maxRssMB: number; cpuMs?: number; code: number; out: string };
const root = path.resolve(import.meta.dirname, '..');

/** `referent ARGS…` as a user runs it (the bundled bin), with its wall time, CPU time and peak memory. */
function referent(...args: string[]): ChildResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', path.join(import.meta.dirname, 'archive/usage.mjs'), ...(args.length ? [path.join(root, CLI_BUNDLE), ...args] : ['-e', '0'])], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 3_600_000 });
  const ms = performance.now() - t0;
  const usage = JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '{}') as { maxRssMB?: number; cpuMs?: number };
  return { step: args[0]!, ms, maxRssMB: usage.maxRssMB ?? NaN, cpuMs: usage.cpuMs, code: r.status ?? 99, out: `${r.stdout}${r.stderr}`.slice(0, 600) };
}
const cpu = (r: ChildResult): string => (r.cpuMs !== undefined ? `${(r.cpuMs / 1000).toFixed(1)} s CPU` : '');

function child(step: string, ...args: string[]): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'archive/child.ts'), step, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 3_600_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

const fresh = (file: string): string => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return file;
};

const bench: Bench = async (report) => {
  await ensureCliBundle(root);
  const autosave = new Map<number, number>();
  for (const size of SIZES) {
    const big = size === LARGEST && size >= 250_000;
    const line = (l: BenchLine): void => report({ ...l, name: `[${size}] ${l.name}` });
    const json = await archiveJson({ items: size });
    const dir = path.join(benchDir(), 'run');
    fs.mkdirSync(dir, { recursive: true });
    const dbFile = fresh(path.join(dir, `ours-${size}.sqlite`));
    const baseFile = fresh(path.join(dir, `bulk-${size}.sqlite`));

    // Import: the CLI, as a user runs it, against the same rows bulk-inserted.
    const imp = referent('import', json, '--db', dbFile);
    const base = child('bulk', json, baseFile);
    const rate = (r: ChildResult): number => (size / r.ms) * 1000;
    line({ name: 'bulk insert of the same rows (baseline)', value: rate(base), unit: '/s', note: `${(base.ms / 1000).toFixed(1)} s, ${base.maxRssMB.toFixed(0)} MB` });
    if (imp.code !== 0) {
      line({ name: 'referent import', value: 0, unit: '/s', target: big ? '>= 10000 /s' : undefined, met: big ? false : undefined, note: `FAILED: ${imp.out.replace(/\s+/g, ' ').slice(0, 160)}` });
      continue;
    }
    line({ name: 'referent import, items per second', value: rate(imp), unit: '/s', target: big ? '>= 10000 /s' : undefined, met: big ? rate(imp) >= 10_000 : undefined, note: `${(imp.ms / 1000).toFixed(1)} s, ${cpu(imp)}; ${(rate(base) / rate(imp)).toFixed(1)}x slower than the bulk insert` });
    line({ name: 'referent import, peak memory', value: imp.maxRssMB, unit: 'MB', target: big ? '<= 300 MB' : undefined, met: big ? imp.maxRssMB <= 300 : undefined });
    line({ name: 'database file', value: fs.statSync(dbFile).size / 1e6, unit: 'MB', note: `bulk rows only: ${(fs.statSync(baseFile).size / 1e6).toFixed(0)} MB; JSON ${(fs.statSync(json).size / 1e6).toFixed(0)} MB` });

    // Open: what every command and start pays, against a bare SQLite open of the same file.
    const openMs = percentile(await timedRuns(async () => { await openSqliteStore(dbFile).close(); }, 5, 1), 50);
    const bareMs = percentile(await timedRuns(() => new BetterSqlite3(dbFile).close(), 5, 1), 50);
    line({ name: 'open the store (median)', value: openMs, unit: 'ms', target: big ? '<= 100 ms' : undefined, met: big ? openMs <= 100 : undefined, note: `bare SQLite open ${bareMs.toFixed(1)} ms` });

    // With the key the bundled CLI signs with, so that the saves below verify as the CLI's own.
    const store = openSqliteStore(dbFile, { keyFile: resolveKeyFile() });
    const ctx = { store, shell: 'cli' as const, version: 'bench' };
    try {
      // Autosave: one section of one item of a planned meeting, as the editor sends it.
      const target = store.sqlite.prepare("SELECT i.id FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE m.status = 'planned' AND i.role IS NULL ORDER BY m.start DESC LIMIT 1").pluck().get() as string;
      const item = await call(ctx, 'agenda.getItem', { itemId: target });
      let n = 0;
      const save = () => call(ctx, 'agenda.updateItem', { itemId: target, sections: item.sections.map((s, i) => (i === item.sections.length - 1 ? { ...s, body: `${s.body} ${++n}` } : s)) });
      const saves = await timedRunsWithCpu(save, 21, 3);
      const p50 = percentile(saves.wall, 50);
      const saveCpu = percentile(saves.cpu, 50);
      autosave.set(size, p50);
      const smallest = autosave.get(Math.min(...autosave.keys()))!;
      line({ name: 'autosave one section (p50)', value: p50, unit: 'ms', target: big ? '<= 20 ms, <= 2x smallest' : undefined, met: big ? p50 <= 20 && p50 <= 2 * smallest : undefined, note: `${(p50 / smallest).toFixed(1)}x the ${Math.min(...autosave.keys())}-item archive; CPU p50 ${saveCpu.toFixed(1)} ms` });

      // Search, per query kind, against naive FTS5 over the same text in the bulk database.
      // The shortest prefix is left out here: its naive bm25 takes seconds a run at 250,000 items (search-p99.ts has it).
      const queries = searchQueries(middleCaseNumber(store.sqlite, size)).filter(([kind]) => kind !== 'shortest prefix');
      await store.search.refresh(store.db);
      const naive = new BetterSqlite3(baseFile);
      naive.exec(naiveTableSql());
      const naiveQuery = naive.prepare(NAIVE_QUERY);
      for (const [kind, ours, theirs] of queries) {
        let total = 0;
        const ourRuns = await timedRunsWithCpu(async () => (total = (await call(ctx, 'search.items', { query: ours })).total), 25, 2);
        const naiveRuns = await timedRunsWithCpu(() => naiveQuery.all(theirs, 50), big ? 5 : 25, 1);
        const p99 = percentile(ourRuns.wall, 99);
        line({ name: `search ${kind} (${ours}): p50`, value: percentile(ourRuns.wall, 50), unit: 'ms', note: `${total} hits; CPU p50 ${percentile(ourRuns.cpu, 50).toFixed(1)} ms; naive p50 ${percentile(naiveRuns.wall, 50).toFixed(1)} ms (CPU ${percentile(naiveRuns.cpu, 50).toFixed(1)})` });
        line({ name: `search ${kind}: p99`, value: p99, unit: 'ms', target: big ? '<= 30 ms' : undefined, met: big ? p99 <= 30 : undefined, note: `CPU p99 ${percentile(ourRuns.cpu, 99).toFixed(1)} ms; naive p99 ${percentile(naiveRuns.wall, 99).toFixed(1)} ms` });
      }
      naive.close();
    } finally {
      await store.close();
    }

    // Whole-archive commands, each in its own process: time and peak memory.
    const verify = referent('verify', '--db', dbFile);
    line({ name: 'referent verify', value: verify.ms / 1000, unit: 's', target: big ? 'succeeds, <= 1 GB' : undefined, met: big ? verify.code === 0 && verify.maxRssMB <= 1024 : undefined, note: `${verify.code === 0 ? 'ok' : `FAILED ${verify.out.replace(/\s+/g, ' ').slice(0, 120)}`}, ${cpu(verify)}, ${verify.maxRssMB.toFixed(0)} MB` });
    const outFile = fresh(path.join(dir, `export-${size}.json`));
    const exp = referent('export-json', '--db', dbFile, '--out', outFile);
    line({ name: 'referent export-json --out', value: exp.ms / 1000, unit: 's', target: big ? 'succeeds, <= 1 GB' : undefined, met: big ? exp.code === 0 && exp.maxRssMB <= 1024 : undefined, note: `${exp.code === 0 ? 'ok' : `FAILED ${exp.out.replace(/\s+/g, ' ').slice(0, 120)}`}, ${cpu(exp)}, ${exp.maxRssMB.toFixed(0)} MB` });
    const zipFile = fresh(path.join(dir, `export-${size}.referent.zip`));
    const zip = referent('export-json', '--db', dbFile, '--out', zipFile);
    line({ name: 'referent export-json --out .referent.zip', value: zip.ms / 1000, unit: 's', target: big ? 'succeeds, <= 1 GB' : undefined, met: big ? zip.code === 0 && zip.maxRssMB <= 1024 : undefined, note: `${zip.code === 0 ? 'ok' : `FAILED ${zip.out.replace(/\s+/g, ' ').slice(0, 120)}`}, ${cpu(zip)}, ${zip.maxRssMB.toFixed(0)} MB` });
    fs.rmSync(zipFile, { force: true });
    const noop = referent();
    line({ name: 'a child process doing nothing (the floor of the above)', value: noop.maxRssMB, unit: 'MB' });
    fs.rmSync(outFile, { force: true });
  }
};

export default bench;
