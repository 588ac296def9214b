// Approval and the lock: member approvals (signature page), "Referat godkendt" locks the meeting
// with its content hash, nothing changes it afterwards but a dated addendum, and `referent verify`
// finds an edit made directly in the database file.
import BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { openSqliteStore } from '../../src-main/core/store/open';
import { runCli } from '../../src-main/cli/run';
import { readMeetings } from '../../src-main/core/meetings/meeting-content';
import { canonicalJson, sha256Hex } from '../../src-main/core/util/canonical';
import type { MeetingDayView } from '../../src-shared/api/meetingday';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, meetingDayDocument, MEETING, NEXT_MEETING, seedMeetingDay } from './meetingday-fixture';

let ctx: CoreContext;
let view: MeetingDayView;

async function recordEverything(): Promise<void> {
  view = await call(ctx, 'meetingday.setAttendance', {
    meetingId: MEETING,
    entries: [everyonePresent[0]!, { member: 'fl', status: 'present', untilItem: 5 }, everyonePresent[2]!, everyonePresent[3]!, { member: 'mbi', status: 'apologies', substitute: 'sr' }],
  });
  for (const item of view.items) {
    if (item.role === 'signature') continue;
    view = await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: item.number === 6 ? 'postponed' : 'approved' });
  }
  view = await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 5), votes: { for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] } });
  view = await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 5), member: 'js', text: 'Imod strategien.' });
}

async function verifyCli(): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['verify', '--db', ctx.store.file], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    open: (db) => ({ store: openSqliteStore(db!), shell: 'cli', version: 'test' }),
    cwd: process.cwd(),
  });
  return { code, out, err };
}

/** An attacker with the file: a raw statement, outside Referent. */
function rawSql(sql: string): void {
  const db = new BetterSqlite3(ctx.store.file);
  db.exec(sql);
  db.close();
}

beforeEach(async () => {
  ctx = testContext();
  await seedMeetingDay(ctx);
  await recordEverything();
});

describe('member approvals', () => {
  test('each member who took part approves, with the time; the others are listed as missing', async () => {
    expect(view.signatories).toEqual(['hm', 'fl', 'cdh', 'js', 'sr']);
    expect(view.missingApprovals).toEqual(['hm', 'fl', 'cdh', 'js', 'sr']);
    view = await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
    view = await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'sr' });
    expect(view.approvals.map((a) => a.member)).toEqual(['hm', 'sr']);
    expect(view.approvals[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(view.missingApprovals).toEqual(['fl', 'cdh', 'js']);
    view = await call(ctx, 'meetingday.withdrawApproval', { meetingId: MEETING, member: 'sr' });
    expect(view.missingApprovals).toEqual(['fl', 'cdh', 'js', 'sr']);
  });

  test('a member who did not take part has nothing to approve; nobody approves twice', async () => {
    await expect(call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'mbi' })).rejects.toThrow(
      'Mette Baltersen Isen did not take part in the meeting of Organisations- og Beredskabsudvalget on 02-06-2026, so has no minutes to approve.',
    );
    await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
    await expect(call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' })).rejects.toThrow(/Holger Mikkelsen already approved the minutes/);
  });
});

describe('"Referat godkendt" locks the meeting', () => {
  test('the lock stores the time and the hash of the sealed content (the whole meeting, and all its minutes print), and freezes the numbers', async () => {
    view = await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
    const row = await ctx.store.db.selectFrom('meetings').selectAll().where('id', '=', MEETING).executeTakeFirstOrThrow();
    expect(row.status).toBe('minutes-approved');
    expect(row.locked_at).not.toBeNull();
    const [content] = await readMeetings(ctx.store.db, { meetingIds: [MEETING] });
    const seal = await ctx.store.db.selectFrom('meeting_seals').selectAll().where('meeting_id', '=', MEETING).executeTakeFirstOrThrow();
    expect(row.content_hash).toBe(sha256Hex(seal.content!));
    const sealed = JSON.parse(seal.content!) as { input: { meeting: unknown; committee: { name: string; members: { name: string }[] } } };
    expect(sealed.input.meeting).toEqual(content!.meeting);
    expect(sealed.input.committee.name).toBe('Organisations- og Beredskabsudvalget');
    expect(sealed.input.committee.members.map((m) => m.name)).toContain('Holger Mikkelsen');
    expect(view.meeting).toMatchObject({ lockedAt: row.locked_at, contentHash: row.content_hash, status: 'minutes-approved' });
    const numbers = await ctx.store.db.selectFrom('items').select('number').where('meeting_id', '=', MEETING).orderBy('position').execute();
    expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const last = await ctx.store.db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.action).toBe('meetingday.approveMinutes');
    expect(JSON.parse(last.payload).contentHash).toBe(row.content_hash);
  });

  test('is refused while an item lacks a decision, or before the meeting is held', async () => {
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 4), outcome: null });
    await expect(call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING })).rejects.toThrow("Item 4 (KL's Baseline 2026) has no decision yet; record one before approving the minutes.");
    await expect(call(ctx, 'meetingday.approveMinutes', { meetingId: NEXT_MEETING })).rejects.toThrow(/must be marked as held before its minutes are approved \(its status is "planned"\)/);
  });

  test('after approval no operation or import changes the meeting', async () => {
    await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
    await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
    const before = await call(ctx, 'exchange.export', { committee: 'OBU' });
    const locked = /are approved and locked; add a dated addendum instead/;
    const id5 = itemId(view, 5);
    await expect(call(ctx, 'meetingday.setDecision', { itemId: id5, outcome: 'rejected' })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.setVotes', { itemId: id5, votes: null })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.addDissent', { itemId: id5, member: 'fl', text: 'x' })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.removeDissent', { itemId: id5, member: 'js' })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'js', status: 'absent' }] })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.setItemAbsence', { itemId: id5, member: 'hm', reason: 'disqualified' })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.setGuests', { meetingId: MEETING, guests: [] })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'cdh' })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.withdrawApproval', { meetingId: MEETING, member: 'hm' })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING })).rejects.toThrow(locked);
    await expect(call(ctx, 'meetings.setStatus', { id: MEETING, status: 'held' })).rejects.toThrow(locked);
    const changed = meetingDayDocument();
    changed.committees[0]!.meetings[0]!.items[1]!.title = 'Ændret titel';
    await expect(call(ctx, 'exchange.import', { document: changed })).rejects.toThrow(/is approved and locked/);
    expect(await call(ctx, 'exchange.export', { committee: 'OBU' })).toEqual(before);
    // Carrying its postponed item on changes only the next meeting.
    await call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 6) });
    expect((await call(ctx, 'meetingday.verify', {})).ok).toBe(true);
  });

  test('a correction after approval is a dated addendum, shown after the original, and the lock still verifies', async () => {
    await expect(call(ctx, 'meetingday.addAddendum', { meetingId: MEETING, text: 'Rettelse' })).rejects.toThrow(/are not approved yet/);
    await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
    view = await call(ctx, 'meetingday.addAddendum', { meetingId: MEETING, text: 'Rettelse: under punkt 4 skal der stå 3,64.' });
    expect(view.addenda).toEqual([{ at: expect.stringMatching(/^\d{4}-/) as unknown as string, text: 'Rettelse: under punkt 4 skal der stå 3,64.' }]);
    // The same correction twice (a double click on "Tilføj") is refused: an addendum can never be taken back.
    await expect(call(ctx, 'meetingday.addAddendum', { meetingId: MEETING, text: ' Rettelse: under punkt 4 skal der stå 3,64. ' })).rejects.toMatchObject({ code: 'Conflict', da: expect.stringContaining('har allerede denne tilføjelse') as unknown as string });
    const m = (await call(ctx, 'exchange.export', { committee: 'OBU' })).committees[0]!.meetings[0]!;
    expect(m.addenda![0]!.text).toBe('Rettelse: under punkt 4 skal der stå 3,64.');
    expect(m.items[4]!.decision).toEqual({ outcome: 'approved', votes: { for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] }, dissents: [{ member: 'js', text: 'Imod strategien.' }] });
    expect(await verifyCli()).toMatchObject({ code: 0 });
  });
});

describe('referent verify', () => {
  beforeEach(async () => {
    await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
  });

  test('exits 0 when the chain and every lock hold', async () => {
    const r = await verifyCli();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: the change log's \d+ entries link up, and 1 approved meeting\(s\) match their lock\./);
  });

  test('a change-log entry edited in the file (trigger dropped, raw UPDATE) fails, naming the entry', async () => {
    const target = await ctx.store.db.selectFrom('change_log').select(['seq', 'action']).where('action', '=', 'meetingday.addDissent').executeTakeFirstOrThrow();
    rawSql(`DROP TRIGGER change_log_no_update; UPDATE change_log SET payload = replace(payload, 'Imod strategien.', 'For strategien.') WHERE seq = ${target.seq};`);
    const r = await verifyCli();
    expect(r.code).toBe(1);
    expect(r.err).toBe(`referent verify: FAULT: change log entry ${target.seq} (meetingday.addDissent) was altered after it was written\n`);
  });

  test('a decision row of a locked meeting edited in the file fails, naming the meeting', async () => {
    rawSql(`UPDATE decisions SET text = 'Forkastet' WHERE item_id = '${itemId(view, 5)}';`);
    const r = await verifyCli();
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `referent verify: FAULT: the approved minutes of Organisations- og Beredskabsudvalget on 02-06-2026 (meeting ${MEETING}) were changed after approval: their rows no longer match the content sealed by the lock (first difference at items[4].decision.text)\n`,
    );
    await expect(call(ctx, 'meetingday.addAddendum', { meetingId: MEETING, text: 'x' })).rejects.toThrow(/no longer match their lock/);
  });

  test('a lock taken off in the file is still caught by the change log', async () => {
    rawSql(`UPDATE meetings SET locked_at = NULL, content_hash = NULL, status = 'held' WHERE id = '${MEETING}';`);
    const r = await verifyCli();
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `referent verify: FAULT: the minutes of Organisations- og Beredskabsudvalget on 02-06-2026 (meeting ${MEETING}) were approved and locked, but the lock has been removed\n`,
    );
  });

  test('--json reports the figures; stray arguments are bad input', async () => {
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => undefined, open: (db: string | undefined) => ({ store: openSqliteStore(db!), shell: 'cli' as const, version: 'test' }), cwd: process.cwd() };
    expect(await runCli(['verify', '--json', '--db', ctx.store.file], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, lockedMeetings: 1, fault: null });
    expect(await runCli(['verify', 'extra', '--db', ctx.store.file], io)).toBe(2);
  });

  test('rows and the stored hash edited together are still caught by the change log', async () => {
    rawSql(`UPDATE votes SET choice = 'abstained' WHERE person_id = (SELECT id FROM people WHERE key = 'js');`);
    const [content] = await readMeetings(ctx.store.db, { meetingIds: [MEETING] });
    rawSql(`UPDATE meetings SET content_hash = '${sha256Hex(canonicalJson(content!.meeting))}' WHERE id = '${MEETING}';`);
    const r = await verifyCli();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/carry a content hash that differs from the one the change log recorded when they were sealed/);
  });
});
