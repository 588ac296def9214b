// The rows of a referent/v1 document written with prepared statements in one transaction and
// nothing else (no validation, search index, change log or seal): the import's baseline in the
// archive bench (child.ts bulk) and its floor (floor.ts). The search triggers are dropped first
// (kept with TRIGGERS=1 in the environment, to measure what their notes cost).
import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { documentEvents } from '../../src-main/core/exchange/json-stream';
import type { ExCommittee, ExMeeting } from '../../src-shared/exchange';

/** Writes the document's rows into `db` (a store's schema), ids from `id`. Returns the items written. */
export async function writeBareRows(db: BetterSqlite3.Database, json: string, id: () => string): Promise<number> {
  const triggers = process.env.TRIGGERS === '1' ? [] : (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%'").all() as { name: string }[]);
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
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
  return n;
}
