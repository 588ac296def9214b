// Search's tail as the secretary meets it: `search.items` sent to the core's worker thread (the
// app's arrangement, worker-host.ts), timed from the caller (wall, GC and all) after a few warm-up
// rounds, the query kinds taken in turn; beside it, in the same run, the naive FTS5 search
// (`ORDER BY bm25` + `snippet()`) over the same text, from a file made once by naive.sql below.
//   npx tsx bench/archive/search-p99.ts FILE.sqlite [NAIVE.sqlite] [ROUNDS] [LIMIT]
// NAIVE.sqlite, if missing, is built (minutes at 250,000 items) with:
//   ATTACH 'FILE.sqlite' AS a;
//   CREATE VIRTUAL TABLE naive USING fts5(item_id UNINDEXED, title, case_number, body, tokenize = 'unicode61 remove_diacritics 0');
//   INSERT INTO naive SELECT i.id, i.title, coalesce(i.case_number, ''), coalesce((SELECT group_concat(body, char(10))
//     FROM a.item_sections s WHERE s.item_id = i.id), '') FROM a.items i;
import fs from 'node:fs';
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { startWorkerHost } from '../../src-main/host/worker-host';
import { percentile } from '../lib';
import { PLANTED } from './generate';

const [file, naiveFile, roundsArg, limitArg] = process.argv.slice(2);
if (!file) throw new Error('usage: search-p99.ts FILE.sqlite [NAIVE.sqlite] [ROUNDS] [LIMIT]');
const rounds = Number(roundsArg ?? 100);
const limit = Number(limitArg ?? 50);
const WARMUP = 3;

const peek = new BetterSqlite3(file, { readonly: true });
const items = peek.prepare('SELECT count(*) FROM items').pluck().get() as number;
const caseNumber = peek.prepare('SELECT case_number FROM items WHERE case_number IS NOT NULL AND role IS NULL LIMIT 1 OFFSET ?').pluck().get(Math.floor(items / 2)) as string;
peek.close();

/** [kind, our query, the naive FTS5 query] */
const queries: [string, string, string][] = [
  ['rare word', PLANTED.rare, `"${PLANTED.rare}"`],
  ['common word', 'kommunen', '"kommunen"'],
  ['prefix', 'digitalis', '"digitalis"*'],
  ['short prefix', 'kommu', '"kommu"*'],
  ['shortest prefix', 'kom', '"kom"*'],
  ['phrase', `"${PLANTED.phrase}"`, `"${PLANTED.phrase}"`],
  ['case number', caseNumber, `"${caseNumber.replace('/', ' ')}"`],
  ['stem', PLANTED.stemForms[0]!, `"${PLANTED.stemForms[0]}"`],
];

const naive = naiveFile && fs.existsSync(naiveFile) ? new BetterSqlite3(naiveFile, { readonly: true }) : null;
const naiveQuery = naive?.prepare("SELECT item_id, snippet(naive, -1, '[[', ']]', ' … ', 12) AS s FROM naive WHERE naive MATCH ? ORDER BY bm25(naive) LIMIT ?");

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
