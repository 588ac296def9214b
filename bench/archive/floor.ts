// What the least an import can do costs, in CPU, on this machine: the floor that the real import's
// items/s is read against (bench/README.md, "Import: the floor"). Three steps, each timed alone:
// reading the document's events (json-stream.ts, JSON.parse of each meeting), writing the same
// rows with prepared statements in one transaction (no validation, index, seal or log; settings
// from the environment), and FTS5 indexing the same text inside SQLite (no JavaScript).
//   npx tsx bench/archive/floor.ts FILE.referent.json DB.sqlite
//   env: JOURNAL=OFF SYNC=OFF (pragmas), FK=OFF, SEQID=1 (ids in insertion order), HASHSIZE=N (FTS5)
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openSqliteStore } from '../../src-main/core/store/open';
import { documentEvents } from '../../src-main/core/exchange/json-stream';
import type { ExCommittee, ExMeeting } from '../../src-shared/exchange';

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
for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%'").all() as { name: string }[]) db.exec(`DROP TRIGGER ${name}`);
let seq = 0;
const id = env('SEQID') === '1' ? () => `00000000-0000-7000-8000-${(seq++).toString(16).padStart(12, '0')}` : () => crypto.randomUUID();
const ins = {
  committee: db.prepare("INSERT INTO committees (id, name, short_name, numbering, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')"),
  person: db.prepare('INSERT OR IGNORE INTO people (id, key, name) VALUES (?, ?, ?)'),
  membership: db.prepare('INSERT INTO memberships (id, committee_id, person_id, position, role, party) VALUES (?, ?, ?, ?, ?, ?)'),
  meeting: db.prepare("INSERT INTO meetings (id, committee_id, start, location, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '')"),
  attendance: db.prepare('INSERT INTO attendance (meeting_id, person_id, position, status, substitute_id) VALUES (?, ?, ?, ?, ?)'),
  item: db.prepare('INSERT INTO items (id, meeting_id, position, number, title, case_number, access, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  section: db.prepare('INSERT INTO item_sections (id, item_id, position, kind, body) VALUES (?, ?, ?, ?, ?)'),
  attachment: db.prepare('INSERT INTO attachments (id, item_id, position, title, access) VALUES (?, ?, ?, ?, ?)'),
  decision: db.prepare('INSERT INTO decisions (item_id, outcome, text, has_votes) VALUES (?, ?, ?, ?)'),
  vote: db.prepare('INSERT INTO votes (item_id, position, choice, person_id, party, count) VALUES (?, ?, ?, ?, ?, ?)'),
  dissent: db.prepare('INSERT INTO dissents (item_id, position, person_id, text) VALUES (?, ?, ?, ?)'),
};
t = cpu();
let committee: Partial<ExCommittee> & { id?: string } = {};
db.exec('BEGIN');
for await (const e of events()) {
  if (e.kind === 'committee-start') committee = {};
  else if (e.kind === 'committee-field') (committee as Record<string, unknown>)[e.key] = e.value;
  else if (e.kind === 'meeting') {
    if (!committee.id) {
      committee.id = id();
      ins.committee.run(committee.id, committee.name, committee.shortName ?? null, committee.numbering);
      for (const [i, m] of (committee.members ?? []).entries()) {
        ins.person.run(`p-${m.key}`, m.key, m.name);
        ins.membership.run(id(), committee.id, `p-${m.key}`, i, m.role, m.party ?? null);
      }
    }
    const m = e.value as ExMeeting;
    ins.meeting.run(m.id, committee.id, m.start, m.location ?? null, m.status ?? 'planned');
    for (const [i, a] of (m.attendance ?? []).entries()) ins.attendance.run(m.id, `p-${a.member}`, i, a.status, a.substitute ? `p-${a.substitute}` : null);
    for (const [p, it] of m.items.entries()) {
      const itemId = id();
      ins.item.run(itemId, m.id, p, it.number ?? null, it.title, it.caseNumber ?? null, it.access ?? 'open', it.role ?? null);
      for (const [i, s] of (it.sections ?? []).entries()) ins.section.run(id(), itemId, i, s.kind, s.body);
      for (const [i, a] of (it.attachments ?? []).entries()) ins.attachment.run(id(), itemId, i, a.title, a.access ?? 'open');
      const d = it.decision;
      if (!d) continue;
      ins.decision.run(itemId, d.outcome, d.text ?? null, d.votes ? 1 : 0);
      for (const choice of ['for', 'against', 'abstained'] as const) {
        for (const [i, v] of (d.votes?.[choice] ?? []).entries()) ins.vote.run(itemId, i, choice, typeof v === 'string' ? `p-${v}` : null, typeof v === 'string' ? null : v.party, typeof v === 'string' ? null : v.count);
      }
      for (const [i, x] of (d.dissents ?? []).entries()) ins.dissent.run(itemId, i, `p-${x.member}`, x.text);
    }
  }
}
db.exec('COMMIT');
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
const settings = Object.fromEntries(['JOURNAL', 'SYNC', 'FK', 'SEQID', 'HASHSIZE'].filter((k) => env(k)).map((k) => [k, env(k)]));
process.stdout.write(
  `${JSON.stringify({ items, settings, parseMs: Math.round(parseMs), rowsMs: Math.round(rowsMs), ftsMs: Math.round(ftsMs), floorItemsPerS: perS(parseMs + rowsMs + ftsMs), parsePerS: perS(parseMs), rowsPerS: perS(rowsMs), ftsPerS: perS(ftsMs) })}\n`,
);
