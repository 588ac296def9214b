// One measured step in a process of its own, so that its time and peak memory (maxRSS) are its
// own: `node --import tsx bench/archive/child.ts STEP ARGS…` prints one JSON line.
import BetterSqlite3 from 'better-sqlite3';
import { runCli } from '../../src-main/cli/run';
import { openSqliteStore } from '../../src-main/core/store/open';
import { writeBareRows } from './bare-rows';

const [step, ...args] = process.argv.slice(2);

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`), open: (db) => ({ store: openSqliteStore(db!), shell: 'cli', version: 'bench' }), cwd: process.cwd() });
  return { code, out: out.slice(0, 400) };
}

/**
 * The baseline of import: the same rows, inserted with prepared statements in one transaction and
 * nothing else (no validation, no search index, no change log).
 */
async function bulk(json: string, dbFile: string): Promise<{ code: number; out: string }> {
  const store = openSqliteStore(dbFile);
  await store.close();
  const db = new BetterSqlite3(dbFile);
  const n = await writeBareRows(db, json, () => crypto.randomUUID());
  db.close();
  return { code: 0, out: `${n} items` };
}

const t0 = performance.now();
let result: { code: number; out: string };
try {
  if (step === 'import') result = await cli(['import', args[0]!, '--db', args[1]!]);
  else if (step === 'bulk') result = await bulk(args[0]!, args[1]!);
  else if (step === 'verify') result = await cli(['verify', '--db', args[0]!]);
  else if (step === 'export') result = await cli(['export-json', '--db', args[0]!, '--out', args[1]!]);
  else result = { code: 0, out: 'noop' };
} catch (e) {
  result = { code: 99, out: String((e as Error).stack ?? e).slice(0, 600) };
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ step, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...result })}\n`);
process.exit(0);
