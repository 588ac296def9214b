// What the least an import can do costs, in CPU, on this machine: the floor that the real import's
// items/s is read against (bench/README.md, "Import: the floor"). Three steps, each timed alone:
// reading the document's events (json-stream.ts, JSON.parse of each meeting), writing the same
// rows with prepared statements in one transaction (no validation, index, seal or log; settings
// from the environment), and FTS5 indexing the same text inside SQLite (no JavaScript).
//   npx tsx bench/archive/floor.ts FILE.referent.json DB.sqlite
//   env: JOURNAL=OFF SYNC=OFF (pragmas), FK=OFF, SEQID=1 (ids in insertion order), HASHSIZE=N (FTS5),
//        TRIGGERS=1 (the search triggers kept: their notes in search_pending counted in the rows)
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openSqliteStore } from '../../src-main/core/store/open';
import { documentEvents } from '../../src-main/core/exchange/json-stream';
import type { ExMeeting } from '../../src-shared/exchange';
import { writeBareRows } from './bare-rows';

const [json, dbFile] = process.argv.slice(2) as [string, string];
const env = (k: string): string => process.env[k] ?? '';
const cpu = (): number => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
};
const events = () => documentEvents(fs.createReadStream(json, { highWaterMark: 1 << 20 }));

let t = cpu();
let items = 0;
for await (const e of events()) if (e.kind === 'meeting') items += (e.value as ExMeeting).items.length;
const parseMs = cpu() - t;

fs.rmSync(dbFile, { force: true });
await openSqliteStore(dbFile).close();
const db = new BetterSqlite3(dbFile);
if (env('JOURNAL')) db.pragma(`journal_mode = ${env('JOURNAL')}`);
if (env('SYNC')) db.pragma(`synchronous = ${env('SYNC')}`);
db.pragma(`foreign_keys = ${env('FK') || 'ON'}`);
let seq = 0;
const id = env('SEQID') === '1' ? () => `00000000-0000-7000-8000-${(seq++).toString(16).padStart(12, '0')}` : () => crypto.randomUUID();
t = cpu();
await writeBareRows(db, json, id);
const rowsMs = cpu() - t - parseMs;

// The same text FTS5 indexes in the real import (titles, case numbers, sections, decisions), in SQL only.
db.exec(`CREATE TEMP TABLE txt AS SELECT i.rowid AS k, i.title AS title, coalesce(i.case_number, '') AS cn,
  coalesce((SELECT group_concat(body, char(10)) FROM item_sections s WHERE s.item_id = i.id), '') || coalesce((SELECT char(10) || coalesce(text, '') FROM decisions d WHERE d.item_id = i.id), '') AS body FROM items i`);
db.exec("CREATE VIRTUAL TABLE floor_fts USING fts5(title, case_number, body, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1)");
if (env('HASHSIZE')) db.exec(`INSERT INTO floor_fts(floor_fts, rank) VALUES ('hashsize', ${Number(env('HASHSIZE'))})`);
t = cpu();
db.exec('BEGIN');
db.exec('INSERT INTO floor_fts (rowid, title, case_number, body) SELECT k, title, cn, body FROM txt');
db.exec('COMMIT');
const ftsMs = cpu() - t;
db.close();
const perS = (ms: number): number => Math.round((items / ms) * 1000);
const settings = Object.fromEntries(['JOURNAL', 'SYNC', 'FK', 'SEQID', 'HASHSIZE', 'TRIGGERS'].filter((k) => env(k)).map((k) => [k, env(k)]));
process.stdout.write(
  `${JSON.stringify({ items, settings, parseMs: Math.round(parseMs), rowsMs: Math.round(rowsMs), ftsMs: Math.round(ftsMs), floorItemsPerS: perS(parseMs + rowsMs + ftsMs), parsePerS: perS(parseMs), rowsPerS: perS(rowsMs), ftsPerS: perS(ftsMs) })}\n`,
);
