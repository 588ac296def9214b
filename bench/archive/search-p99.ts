// Search's tail as the secretary meets it: `search.items` sent to the core's worker thread (the
// app's arrangement, worker-host.ts), timed from the caller (wall, GC and all) after a few warm-up
// rounds, the query kinds taken in turn; beside it, in the same run, the naive FTS5 search
// (`ORDER BY bm25` + `snippet()`) over the same text, from a file made once (see below).
//   npx tsx bench/archive/search-p99.ts FILE.sqlite [NAIVE.sqlite] [ROUNDS] [LIMIT]
// NAIVE.sqlite (minutes to build at 250,000 items): attach FILE.sqlite as `a` to a new database and run
// naiveTableSql('a.') of search-queries.ts in it.
import fs from 'node:fs';
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { startWorkerHost } from '../../src-main/host/worker-host';
import { percentile } from '../lib';
import { middleCaseNumber, NAIVE_QUERY, searchQueries } from './search-queries';

const [file, naiveFile, roundsArg, limitArg] = process.argv.slice(2);
if (!file) throw new Error('usage: search-p99.ts FILE.sqlite [NAIVE.sqlite] [ROUNDS] [LIMIT]');
const rounds = Number(roundsArg ?? 100);
const limit = Number(limitArg ?? 50);
const WARMUP = 3;

const peek = new BetterSqlite3(file, { readonly: true });
const items = peek.prepare('SELECT count(*) FROM items').pluck().get() as number;
const caseNumber = middleCaseNumber(peek, items);
peek.close();
const queries = searchQueries(caseNumber);

const naive = naiveFile && fs.existsSync(naiveFile) ? new BetterSqlite3(naiveFile, { readonly: true }) : null;
const naiveQuery = naive?.prepare(NAIVE_QUERY);

const host = await startWorkerHost({ dbFile: file, shell: 'web', version: 'bench' });
const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
const naiveWall: Record<string, number[]> = {};
const totals: Record<string, number> = {};
const started = Date.now();
console.log(`${new Date().toISOString()}  ${items} items, limit ${limit}, ${rounds} rounds after ${WARMUP} warm-up, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let round = 0; round < WARMUP + rounds; round++) {
  for (const [kind, ours, theirs] of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await host.invoke('search.items', { query: ours, limit });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (!result.ok) throw new Error(`${ours}: ${result.error.message}`);
    totals[kind] = (result.value as { total: number }).total;
    // Only naive searches of modest cost are repeated every round: bm25 over a common word's
    // matches takes seconds, so those run in the first three counted rounds and every twentieth.
    let naiveMs: number | null = null;
    if (naiveQuery && round >= WARMUP - 1 && (round < WARMUP + 3 || round % 20 === 0 || (naiveWall[kind]?.[0] ?? 0) < 100)) {
      const n0 = performance.now();
      naiveQuery.all(theirs, limit);
      naiveMs = performance.now() - n0;
    }
    if (round < WARMUP) continue;
    (wall[kind] ??= []).push(ms);
    (cpu[kind] ??= []).push((c.user + c.system) / 1000);
    if (naiveMs !== null) (naiveWall[kind] ??= []).push(naiveMs);
  }
}
const fmt = (xs: number[] | undefined, p: number): string => (xs && xs.length > 0 ? percentile(xs, p).toFixed(1).padStart(6) : '     -');
console.log(`${'kind'.padEnd(16)} ${'query'.padEnd(18)} hits   wall p50    p99    max | CPU p50    p99 | naive p50    p99 (runs)`);
for (const [kind, ours] of queries) {
  const w = wall[kind]!;
  console.log(
    `${kind.padEnd(16)} ${ours.padEnd(18)} ${String(totals[kind]).padStart(4)}  ${fmt(w, 50)} ${fmt(w, 99)} ${Math.max(...w).toFixed(1).padStart(6)} | ${fmt(cpu[kind], 50)} ${fmt(cpu[kind], 99)} | ${fmt(naiveWall[kind], 50)} ${fmt(naiveWall[kind], 99)} (${naiveWall[kind]?.length ?? 0})`,
  );
}
const all = Object.values(wall).flat();
console.log(`all kinds: wall p99 ${percentile(all, 99).toFixed(1)} ms over ${all.length} searches, ${all.filter((m) => m > 30).length} over 30 ms; ${((Date.now() - started) / 1000).toFixed(0)} s, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
naive?.close();
await host.close();
