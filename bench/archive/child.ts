// One measured step in a process of its own, so that its time and peak memory (maxRSS) are its
// own: `node --import tsx bench/archive/child.ts STEP ARGS…` prints one JSON line.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { runCli } from '../../src-main/cli/run';
import { openSqliteStore } from '../../src-main/core/store/open';
import { documentEvents } from '../../src-main/core/exchange/json-stream';
import type { ExCommittee, ExMeeting } from '../../src-shared/exchange';

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
  for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%'").all() as { name: string }[]) db.exec(`DROP TRIGGER ${name}`);
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
  let n = 0;
  const id = (): string => crypto.randomUUID();
  let committee: Partial<ExCommittee> & { id?: string } = {};
  db.exec('BEGIN');
  for await (const e of documentEvents(fs.createReadStream(json, { highWaterMark: 1 << 20 }))) {
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
        if (d) {
          ins.decision.run(itemId, d.outcome, d.text ?? null, d.votes ? 1 : 0);
          for (const choice of ['for', 'against', 'abstained'] as const) {
            for (const [i, v] of (d.votes?.[choice] ?? []).entries()) ins.vote.run(itemId, i, choice, typeof v === 'string' ? `p-${v}` : null, typeof v === 'string' ? null : v.party, typeof v === 'string' ? null : v.count);
          }
          for (const [i, x] of (d.dissents ?? []).entries()) ins.dissent.run(itemId, i, `p-${x.member}`, x.text);
        }
        n++;
      }
    }
  }
  db.exec('COMMIT');
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
