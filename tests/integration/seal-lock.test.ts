// Issue 10 §3: the lock covers everything approved minutes print. Table-driven: each attempt (an
// operation of the Api, an import, a raw SQL edit of any table) runs on a fresh copy of approved
// minutes; then every kind of the minutes (and the public version) is rendered again and compared
// with what was approved, and `verify` runs. An attempt may leave the minutes as they were, or
// change them only with verify naming the fault. The operations that are generated from the
// Api's schemas (every field of the committee, its template, a member, the organisation) cover
// fields added later without this file changing.
import { beforeAll, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src-main/core/store/open';
import { call } from '../../src-main/core/dispatch';
import { api } from '../../src-shared/api';
import { TemplateSchema, type ReferentDocument } from '../../src-shared/exchange';
import { resolveTemplate } from '../../src-shared/domain';
import { entryHash } from '../../src-main/core/changelog/changelog';
import { canonicalJson, sha256Hex } from '../../src-main/core/util/canonical';
import { differentValues, shapeOf } from '../helpers/mutate';
import { attempt, buildApproved, LABEL, LOGO_B, rendersOf, type Approved, type Attempt, type Outcome } from './seal-fixture';
import { MEETING } from './meetingday-fixture';

let approved: Approved;
let before: Record<string, string>;

beforeAll(async () => {
  approved = await buildApproved();
  before = await rendersOf(approved.file);
  for (const text of Object.values(before)) expect(text).not.toMatch(/^refused/);
}, 120_000);

/** Calls the operation with the first candidate value the Api accepts; fails when none is. */
async function callWithSome(ctx: Attempt['ctx'], op: Parameters<typeof call>[1], base: Record<string, unknown>, field: string, candidates: unknown[]): Promise<void> {
  const errors: string[] = [];
  for (const value of candidates) {
    try {
      await call(ctx, op, { ...base, [field]: value });
      return;
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  throw new Error(`no value of ${field} was accepted: ${errors.join(' | ')}`);
}

type Operation = [name: string, act: (a: Attempt) => Promise<unknown>];

const committeeFields = Object.keys(shapeOf(api['committees.update'].input)).filter((f) => f !== 'id');
const templateFields = Object.keys(shapeOf(TemplateSchema));
const memberFields = Object.keys(shapeOf(api['committees.updateMember'].input)).filter((f) => f !== 'committeeId' && f !== 'key');
const settingsFields = Object.keys(shapeOf(api['settings.update'].input));

const operations: Operation[] = [
  ...committeeFields.map((field): Operation => [`change the committee's ${field}`, async ({ ctx }) => {
    const c = await call(ctx, 'committees.get', { id: approved.committeeId });
    await callWithSome(ctx, 'committees.update', { id: approved.committeeId }, field, differentValues(shapeOf(api['committees.update'].input)[field]!, (c as Record<string, unknown>)[field]));
  }]),
  ...templateFields.map((field): Operation => [`change the template's ${field}`, async ({ ctx }) => {
    const c = await call(ctx, 'committees.get', { id: approved.committeeId });
    const current = resolveTemplate(c.template) as Record<string, unknown>;
    for (const value of differentValues(shapeOf(TemplateSchema)[field]!, current[field])) {
      await call(ctx, 'committees.update', { id: approved.committeeId, template: { ...c.template, [field]: value } });
      return;
    }
    throw new Error(`no other value for template.${field}`);
  }]),
  ...['hm', 'js', 'sr'].flatMap((key) =>
    memberFields.map((field): Operation => [`change member ${key}'s ${field}`, async ({ ctx }) => {
      const m = (await call(ctx, 'committees.get', { id: approved.committeeId })).members.find((x) => x.key === key)!;
      await callWithSome(ctx, 'committees.updateMember', { committeeId: approved.committeeId, key }, field, differentValues(shapeOf(api['committees.updateMember'].input)[field]!, (m as Record<string, unknown>)[field]));
    }]),
  ),
  ...settingsFields.map((field): Operation => [`change the organisation's ${field}`, async ({ ctx }) => {
    await call(ctx, 'settings.update', field === 'logo' ? { logo: LOGO_B } : { [field]: 'Tønder Kommune' });
  }]),
  ['remove the organisation logo', ({ ctx }) => call(ctx, 'settings.update', { logo: null, name: null })],
  ['end a membership', ({ ctx }) => call(ctx, 'committees.endMembership', { committeeId: approved.committeeId, key: 'js', until: '2026-06-01' })],
  ['add a member', ({ ctx }) => call(ctx, 'committees.addMember', { committeeId: approved.committeeId, name: 'Ny Person', role: 'member', party: 'A' })],
  ['delete an item of the approved meeting', ({ ctx }) => call(ctx, 'agenda.removeItem', { itemId: approved.items[3]! })],
  ['retitle an item of the approved meeting', ({ ctx }) => call(ctx, 'agenda.updateItem', { itemId: approved.items[3]!, title: 'Ny titel' })],
  ['move the approved meeting', ({ ctx }) => call(ctx, 'meetings.update', { id: MEETING, start: '2026-06-03T14:30', location: 'Et andet sted' })],
  ['cancel the approved meeting', ({ ctx }) => call(ctx, 'meetings.cancel', { id: MEETING })],
  ['withdraw an approval', ({ ctx }) => call(ctx, 'meetingday.withdrawApproval', { meetingId: MEETING, member: 'hm' })],
  ['carry the postponed item on', ({ ctx }) => call(ctx, 'meetingday.carryForward', { itemId: approved.items[6]! })],
  ['re-import the export with the committee, members and organisation renamed', async ({ ctx }) => {
    const doc = await call(ctx, 'exchange.export', {});
    const obu = doc.committees.find((c) => c.shortName === 'OBU')!;
    obu.shortName = 'OBU2';
    obu.template = { decisionFirst: true, headings: { summary: 'Resumé' }, signaturePage: true };
    obu.members = obu.members.map((m) => ({ ...m, name: `${m.name} Ændret`, title: 'Rådmand', party: 'Ø' }));
    await call(ctx, 'exchange.import', { document: { ...doc, organization: { name: 'Aabenraa Kommune' } } });
  }],
  ['re-import the approved meeting with a decision changed', async ({ ctx }) => {
    const doc: ReferentDocument = await call(ctx, 'exchange.export', {});
    const meeting = doc.committees.flatMap((c) => c.meetings).find((m) => m.id === MEETING)!;
    meeting.items[1]!.decision = { outcome: 'rejected' };
    await call(ctx, 'exchange.import', { document: doc });
  }],
];

/** Raw SQL by someone with the file: every table of the schema, and forgeries aimed at the seal. */
const tables = (() => {
  const store = openSqliteStore(':memory:');
  const names = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  store.sqlite.close();
  return names;
})();

/** A value changed in kind: text (and the text inside JSON) gains a letter, numbers grow. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' || typeof parsed === 'string') return JSON.stringify(changedJson(parsed));
  } catch {
    // plain text
  }
  return `${value} Æ`;
}
function changedJson(value: unknown): unknown {
  if (typeof value === 'string') return `${value} Æ`;
  if (typeof value === 'number') return value + 1;
  if (Array.isArray(value)) return value.map(changedJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, changedJson(v)]));
  return value;
}

const dropLogTriggers = 'DROP TRIGGER IF EXISTS change_log_no_update; DROP TRIGGER IF EXISTS change_log_no_delete;';

function editEveryValue(a: Attempt, table: string): void {
  a.raw((db) => {
    db.exec(dropLogTriggers);
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[];
    const rows = db.prepare(`SELECT rowid AS _rowid, * FROM "${table}"`).all() as Record<string, unknown>[];
    for (const row of rows) {
      for (const { name } of columns) {
        try {
          db.prepare(`UPDATE "${table}" SET "${name}" = ? WHERE rowid = ?`).run(changed(row[name]) as string | number | null, row._rowid as number);
        } catch {
          // refused by a constraint of the table: not an edit that can be made this way
        }
      }
    }
  });
}

const sealRow = (a: Attempt) => a.raw((db) => db.prepare('SELECT content FROM meeting_seals WHERE meeting_id = ?').get(MEETING) as { content: string });

/** The sealed content with the chair renamed, and the lock's hash made to match it. */
function forgeSeal(a: Attempt): string {
  const content = sealRow(a).content.replaceAll('Holger Mikkelsen', 'Hans Hansen');
  const hash = sha256Hex(content);
  a.raw((db) => {
    db.prepare('UPDATE meeting_seals SET content = ? WHERE meeting_id = ?').run(content, MEETING);
    db.prepare('UPDATE meetings SET content_hash = ? WHERE id = ?').run(hash, MEETING);
  });
  return hash;
}

/** Appends a change-log entry sealing `hash`, linked correctly, and points the seal's anchor at it. */
function appendForgedSeal(a: Attempt, hash: string, mac: { mac: string; key: string } | null): void {
  a.raw((db) => {
    const last = db.prepare('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hash: string };
    const row = { at: new Date().toISOString(), meeting_id: MEETING, committee_id: approved.committeeId, action: 'meetingday.addAddendum', payload: canonicalJson({ at: '2026-06-20T10:00:00.000Z', text: 'x', contentHash: hash }) };
    const h = entryHash(last.hash, row);
    db.prepare('INSERT INTO change_log (at, meeting_id, committee_id, action, payload, prev_hash, hash, mac, mac_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.at, row.meeting_id, row.committee_id, row.action, row.payload, last.hash, h, mac?.mac ?? null, mac?.key ?? null,
    );
    const n = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    db.prepare('UPDATE meeting_seals SET entry = ?, entry_hash = ? WHERE meeting_id = ?').run(n, h, MEETING);
  });
}

const edits: Operation[] = [
  ...tables.map((table): Operation => [`edit every value of ${table}`, async (a) => editEveryValue(a, table)]),
  ...tables.map((table): Operation => [`delete every row of ${table}`, async (a) => a.sql(`${dropLogTriggers} DELETE FROM "${table}";`)]),
  ['rename the chair in people', async (a) => a.sql(`UPDATE people SET name = 'Hans Hansen' WHERE key = 'hm';`)],
  ['rename the committee', async (a) => a.sql(`UPDATE committees SET name = 'Andet Udvalg', short_name = 'AU';`)],
  ['change a decision of the approved meeting', async (a) => a.sql(`UPDATE decisions SET text = 'Forkastet' WHERE item_id = '${approved.items[2]}';`)],
  ['unlock the meeting', async (a) => a.sql(`UPDATE meetings SET locked_at = NULL, status = 'held' WHERE id = '${MEETING}';`)],
  ['rewrite the sealed content and the lock hash together', async (a) => forgeSeal(a)],
  ['... and append a matching seal entry, without the key', async (a) => appendForgedSeal(a, forgeSeal(a), null)],
  ['... with a MAC made by another key', async (a) => appendForgedSeal(a, forgeSeal(a), { mac: 'ab'.repeat(32), key: '0123456789abcdef' })],
  ['... with the MAC of another entry copied over', async (a) => {
    const other = a.raw((db) => db.prepare('SELECT mac, mac_key FROM change_log ORDER BY seq DESC LIMIT 1').get() as { mac: string; mac_key: string });
    appendForgedSeal(a, forgeSeal(a), { mac: other.mac, key: other.mac_key });
  }],
];

/** Null when the minutes print as approved; else the first kind that differs, around where. */
function change(after: Record<string, string>): string | null {
  for (const [kind, text] of Object.entries(before)) {
    const now = after[kind] ?? '(missing)';
    if (now === text) continue;
    let i = 0;
    while (i < text.length && text[i] === now[i]) i++;
    return `${kind} at ${i}: «${text.slice(Math.max(0, i - 60), i + 60)}» became «${now.slice(Math.max(0, i - 60), i + 60)}»`;
  }
  return null;
}

function expectUnchangedOrNamed(o: Outcome): void {
  if (change(o.after) === null) return;
  expect(o.verify.ok, `the minutes changed, yet verify says OK (${JSON.stringify(o.verify)})`).toBe(false);
  expect(o.verify.fault).toMatch(new RegExp(`${LABEL}|approved minutes of meeting ${MEETING}|minutes of Organisations- og Beredskabsudvalget on 02-06-2026|change log`));
}

describe('no operation or import changes approved minutes', () => {
  test.each(operations)('%s', async (_name, act) => {
    const o = await attempt(approved, act);
    expect(change(o.after)).toBeNull();
    expect(o.verify).toMatchObject({ ok: true, fault: null, lockedMeetings: 1 });
  });

  test('the generated operations cover every field of the committee, its template, a member and the organisation', () => {
    expect(committeeFields).toEqual(expect.arrayContaining(['name', 'shortName', 'template']));
    expect(templateFields).toEqual(expect.arrayContaining(['headings', 'order', 'decisionFirst', 'decisionHeading', 'attendanceUnderItems', 'signaturePage']));
    expect(memberFields).toEqual(expect.arrayContaining(['name', 'title', 'party', 'role']));
    expect(settingsFields).toEqual(expect.arrayContaining(['name', 'logo']));
  });
});

describe('no direct edit of the file changes approved minutes without verify naming it', () => {
  test.each(edits)('%s', async (_name, act) => {
    expectUnchangedOrNamed(await attempt(approved, act));
  });

  test('the forgeries aimed at the seal are each caught, with the reason', async () => {
    const faults = [];
    for (const [, act] of edits.slice(-5)) faults.push((await attempt(approved, act)).verify.fault);
    expect(faults).toEqual([
      `${LABEL} (meeting ${MEETING}) were approved and locked, but the lock has been removed`.replace('the approved minutes of', 'the minutes of'),
      `${LABEL} (meeting ${MEETING}) carry a content hash that differs from the one the change log recorded when they were sealed`,
      expect.stringMatching(/^change log entry \d+ \(meetingday\.addAddendum\) carries no MAC: it was written or rewritten without the key$/),
      expect.stringMatching(/^change log entry \d+ \(meetingday\.addAddendum\) was signed with the key 0123456789abcdef, which verify was not given/),
      expect.stringMatching(/^change log entry \d+ \(meetingday\.addAddendum\) carries a MAC that does not match it/),
    ]);
  });

  test('a row edited behind the lock leaves the printed minutes as approved, and verify names where', async () => {
    const o = await attempt(approved, (a) => a.sql(`UPDATE decisions SET text = 'Forkastet' WHERE item_id = '${approved.items[2]}';`));
    expect(change(o.after)).toBeNull();
    expect(o.verify.fault).toBe(`${LABEL} (meeting ${MEETING}) were changed after approval: their rows no longer match the content sealed by the lock (first difference at items[1].decision.text)`);
  });

  test('sealed content that no longer matches its lock is refused for printing, with the way out', async () => {
    const o = await attempt(approved, (a) => a.sql(`UPDATE meeting_seals SET content = replace(content, 'Borgmester', 'Rådmand');`));
    expect(o.after.minutes).toBe(
      'refused: The approved minutes of Organisations- og Beredskabsudvalget on 02-06-2026 cannot be printed: their sealed content is missing or no longer matches their lock. Run "referent verify" and restore a backup.',
    );
    expect(o.verify.fault).toBe(`${LABEL} (meeting ${MEETING}) have had their sealed content altered: it no longer matches the hash stored by the lock`);
  });
});
