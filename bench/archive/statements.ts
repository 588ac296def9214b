// Where an import's SQLite time goes, statement by statement: the CPU time of each statement's
// runs (by its SQL text) and the write syscalls made while it ran (/proc/self/io, Linux), for the
// real import of a file into a fresh store. The per-run bookkeeping costs CPU of its own, so read
// the shares, and measure the whole import with the bundled bin (bench/README.md).
//   npx tsx bench/archive/statements.ts FILE.referent.json X.sqlite [ROWS]
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openSqliteStoreReady } from '../../src-main/core/store/sqlite/open';
import { importDocumentStream } from '../../src-main/core/exchange/import';
import { documentEvents } from '../../src-main/core/exchange/json-stream';

const [json, dbFile, shown = '40'] = process.argv.slice(2) as [string, string, string?];
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const writes = (): number => Number(/syscw: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
const spent = new Map<string, { runs: number; ms: number; writes: number }>();

type Run = (...args: unknown[]) => unknown;
const prototype = BetterSqlite3.prototype as unknown as { prepare: (sql: string) => Record<string, Run> };
const prepare = prototype.prepare;
prototype.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql);
  for (const method of ['run', 'all', 'get']) {
    const inner = statement[method]!;
    statement[method] = function (this: unknown, ...args: unknown[]) {
      const w = writes();
      const t = cpuMs();
      try {
        return inner.apply(this, args);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 120);
        const e = spent.get(key) ?? spent.set(key, { runs: 0, ms: 0, writes: 0 }).get(key)!;
        e.runs++;
        e.ms += cpuMs() - t;
        e.writes += writes() - w;
      }
    };
  }
  return statement;
};

fs.rmSync(dbFile, { force: true });
const store = await openSqliteStoreReady(dbFile);
const before = process.resourceUsage();
const report = await importDocumentStream(store, documentEvents(fs.createReadStream(json, { highWaterMark: 1 << 20 })));
await store.close();
const after = process.resourceUsage();
const sqlMs = [...spent.values()].reduce((s, e) => s + e.ms, 0);
process.stdout.write(
  `${JSON.stringify({ items: report.items, userMs: Math.round((after.userCPUTime - before.userCPUTime) / 1000), systemMs: Math.round((after.systemCPUTime - before.systemCPUTime) / 1000), sqlMs: Math.round(sqlMs) })}\n` +
    'cpu ms    runs   writes  statement\n',
);
for (const [sql, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(shown))) {
  process.stdout.write(`${e.ms.toFixed(0).padStart(6)} ${String(e.runs).padStart(7)} ${String(e.writes).padStart(8)}  ${sql}\n`);
}
