// A meeting checked out of the server, edited offline on a laptop and checked in (issue 14 §4):
// held, it refuses every edit on the server with the holder's name; the laptop's copy refuses
// changes to its committee; a check-in round-trips exactly and the server's chain verifies; each
// refusal of a check-in (stale, broken chain, tampered content, someone else's) changes nothing.
// The server runs on SQLite and, in the matrix, PostgreSQL; the laptop is always a SQLite file.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CheckinPackage } from '../../src-shared/api/checkout';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { verifyChain } from '../../src-main/core/changelog/changelog';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir, testContext } from '../helpers/store';
import { refusal } from '../helpers/refusal';
import { copenhagenTime } from '../helpers/copenhagen-time';
import { everyonePresent, itemId, MEETING, NEXT_MEETING, seedMeetingDay } from './meetingday-fixture';

const PDF = Buffer.from('%PDF-1.7\nBudgetforslag 2027\n%%EOF\n');
const NOTAT = Buffer.from('%PDF-1.7\nNotat skrevet offline\n%%EOF\n');
const OBU = 'Organisations- og Beredskabsudvalget';

async function setup() {
  const server = testContext();
  const view = await seedMeetingDay(server);
  await call(server, 'agenda.addAttachment', { itemId: itemId(view, 2), fileName: 'Budgetforslag 2027.pdf', title: 'Budgetforslag', base64: PDF.toString('base64') });
  const laptop = testContext(openSqliteStore(path.join(tempDir(), 'laptop.sqlite')));
  return { server, laptop };
}

/** The meeting as export-json writes it. */
async function exported(ctx: CoreContext, meetingId = MEETING): Promise<unknown> {
  const doc = await call(ctx, 'exchange.export', { committee: OBU });
  return doc.committees[0]!.meetings.find((m) => m.id === meetingId);
}


/** Takes the meeting to the laptop as Anne Holm. */
async function checkOut(server: CoreContext, laptop: CoreContext) {
  const pkg = await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Anne Holm' });
  await call(laptop, 'checkout.receive', { package: pkg });
  return pkg;
}

/** A meeting day done offline: items added, edited, moved, attendance, decisions, votes, a dissent, an attachment. */
async function workOffline(laptop: CoreContext): Promise<void> {
  let view = await call(laptop, 'meetingday.get', { meetingId: MEETING });
  await call(laptop, 'meetingday.setAttendance', { meetingId: MEETING, entries: [...everyonePresent.slice(0, 4), { member: 'mbi', status: 'apologies', substitute: 'sr' }] });
  const added = await call(laptop, 'agenda.addItem', { meetingId: MEETING, title: 'Ekstra punkt: vinterberedskab', caseNumber: '00.01.00-A00-1-26' });
  await call(laptop, 'agenda.updateItem', { itemId: added.id, sections: [{ kind: 'summary', body: 'Skrevet på mødet uden net.' }] });
  await call(laptop, 'agenda.updateItem', { itemId: itemId(view, 3), title: 'Budget 2027, rettet offline' });
  const agenda = await call(laptop, 'agenda.get', { meetingId: MEETING });
  const ids = agenda.items.map((i) => i.id);
  await call(laptop, 'agenda.reorder', { meetingId: MEETING, itemIds: [ids[0]!, ids[2]!, ids[1]!, ...ids.slice(3)] });
  view = await call(laptop, 'meetingday.get', { meetingId: MEETING });
  await call(laptop, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: 'approved', text: 'Godkendt med de faldne bemærkninger.' });
  await call(laptop, 'meetingday.setVotes', { itemId: itemId(view, 2), votes: { for: ['hm', 'fl', 'cdh'], against: ['js'], abstained: ['sr'] } });
  await call(laptop, 'meetingday.addDissent', { itemId: itemId(view, 2), member: 'js', text: 'V kan ikke støtte forslaget.' });
  await call(laptop, 'agenda.addAttachment', { itemId: itemId(view, 2), fileName: 'Notat.pdf', title: 'Notat fra mødet', base64: NOTAT.toString('base64') });
}

describe('checking a meeting out', () => {
  test('holds it on the server: every edit is refused naming the holder and since when, reads still work, and a forced release is logged', async () => {
    const { server, laptop } = await setup();
    const pkg = await checkOut(server, laptop);
    const view = await call(server, 'meetingday.get', { meetingId: MEETING });
    expect(view.items.length).toBe(8);

    const status = await call(server, 'checkout.status', { meetingId: MEETING });
    expect(status).toMatchObject({ role: 'server', holder: 'Anne Holm', committee: OBU });
    const since = copenhagenTime(pkg.checkout.since);
    const sentence = `The meeting of ${OBU} on 02-06-2026 is checked out to Anne Holm for offline work (since ${since.time} on ${since.date}); it can be read, but not changed until it is checked in.`;
    const saetning = `Mødet i ${OBU} den 02-06-2026 er taget med offline af Anne Holm (siden kl. ${since.time} den ${since.date}); det kan læses, men ikke ændres, før det er afleveret igen.`;
    expect(status!.message).toBe(sentence);
    expect(status!.messageDa).toBe(saetning);
    // The committee's list of meetings says so too (its edit and cancel are off): held on the server, not on the laptop's copy.
    const heldIn = async (ctx: CoreContext) => {
      const obu = (await call(ctx, 'committees.list', {})).find((c) => c.name === OBU)!;
      return (await call(ctx, 'meetings.list', { committeeId: obu.id })).filter((m) => m.heldOffline).map((m) => m.id);
    };
    expect([await heldIn(server), await heldIn(laptop)]).toEqual([[MEETING], []]);

    const before = await exported(server);
    const edits: [string, unknown][] = [
      ['agenda.updateItem', { itemId: itemId(view, 1), title: 'Ændret på serveren' }],
      ['agenda.addItem', { meetingId: MEETING, title: 'Nyt punkt' }],
      ['agenda.removeItem', { itemId: itemId(view, 8) }],
      ['meetings.update', { id: MEETING, location: 'Byrådssalen' }],
      ['meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent }],
      ['meetingday.setDecision', { itemId: itemId(view, 1), outcome: 'approved' }],
      ['agenda.addAttachment', { itemId: itemId(view, 1), fileName: 'x.pdf', base64: PDF.toString('base64') }],
      // Moving an item into the held meeting from another one writes to it too.
      ['agenda.moveItem', { itemId: (await call(server, 'agenda.get', { meetingId: NEXT_MEETING })).items[0]!.id, meetingId: MEETING }],
      ['checkout.take', { meetingId: MEETING, holder: 'Bo Jensen' }],
    ];
    for (const [name, input] of edits) {
      const e = await refusal(call(server, name as 'agenda.updateItem', input));
      expect([name, e.code, e.message]).toEqual([name, 'Locked', sentence]);
      expect(e.da).toBe(saetning);
    }
    expect(await exported(server)).toEqual(before);

    // Only a forced release frees another's checkout; it is logged with who forced it.
    const e = await refusal(call(server, 'checkout.release', { meetingId: MEETING, holder: 'Bo Jensen' }));
    expect(e.code).toBe('Forbidden');
    expect(e.message).toContain('is checked out to Anne Holm, not to Bo Jensen');
    expect(await call(server, 'checkout.release', { meetingId: MEETING, holder: 'Bo Jensen', force: true })).toEqual({ meetingId: MEETING, holder: 'Anne Holm', forced: true });
    const last = await server.store.db.selectFrom('change_log').select(['action', 'payload']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.action).toBe('meeting.checkout-release');
    expect(JSON.parse(last.payload)).toMatchObject({ holder: 'Anne Holm', by: 'Bo Jensen', forced: true });
    expect(await heldIn(server)).toEqual([]);
    await call(server, 'agenda.updateItem', { itemId: itemId(view, 1), title: 'Ændret på serveren' });
    expect((await verifyChain(server.store.db)).fault).toBeNull();
  });

  test('gives the laptop the meeting whole, with its attachments, and the copy refuses changes to the committee', async () => {
    const { server, laptop } = await setup();
    await checkOut(server, laptop);
    expect(await exported(laptop)).toEqual(await exported(server));
    const view = await call(laptop, 'meetingday.get', { meetingId: MEETING });
    const agendaItem = await call(laptop, 'agenda.getItem', { itemId: itemId(view, 2) });
    const file = await call(laptop, 'agenda.readAttachment', { attachmentId: agendaItem.attachments[0]!.id });
    expect(Buffer.from(file.base64, 'base64').equals(PDF)).toBe(true);
    expect((await call(laptop, 'checkout.copies', {})).map((c) => [c.meetingId, c.holder, c.role])).toEqual([[MEETING, 'Anne Holm', 'copy']]);

    const [committee] = await call(laptop, 'committees.list', {});
    const e = await refusal(call(laptop, 'committees.addMember', { committeeId: committee!.id, name: 'Ny Person', role: 'member' }));
    expect(e.code).toBe('Locked');
    expect(e.message).toBe(`${OBU} came to this computer with a checked-out meeting, so its members and settings can only be changed on the server; check the meeting in first.`);
    expect((await call(laptop, 'committees.get', { id: committee!.id })).members.map((m) => m.name)).not.toContain('Ny Person');
    // Nor its other meetings (a new one here would never reach the server).
    const other = `Only the checked-out meeting of ${OBU} can be changed on this computer: its other meetings are kept on the server, and the check-in carries back that one meeting.`;
    expect((await refusal(call(laptop, 'meetings.create', { committeeId: committee!.id, start: '2026-09-01T14:30' }))).message).toBe(other);
    expect((await call(laptop, 'meetings.list', { committeeId: committee!.id })).map((m) => m.id)).toEqual([MEETING]);
  });
});

describe('checking a meeting in', () => {
  test('round-trips a day of offline work exactly, continues the chain, and frees the meeting', async () => {
    const { server, laptop } = await setup();
    await checkOut(server, laptop);
    await workOffline(laptop);
    const onLaptop = await exported(laptop);
    const pkg = await call(laptop, 'checkout.prepare', { meetingId: MEETING });
    const report = await call(server, 'checkout.checkin', { package: pkg });
    expect(report).toMatchObject({ meetingId: MEETING, items: 9, files: 2 });
    expect(report.entries).toBeGreaterThanOrEqual(9);
    await call(laptop, 'checkout.done', { meetingId: MEETING, checkoutId: pkg.checkoutId });

    expect(await exported(server)).toEqual(onLaptop);
    const chain = await verifyChain(server.store.db);
    expect(chain.fault).toBeNull();
    const verify = await call(server, 'meetingday.verify', {});
    expect(verify.ok).toBe(true);
    // The offline entries are on the server with their times, named after the holder, then the check-in.
    const entries = await server.store.db.selectFrom('change_log').select(['action', 'author']).where('meeting_id', '=', MEETING).orderBy('seq').execute();
    const actions = entries.map((e) => e.action);
    expect(actions.slice(actions.indexOf('meeting.checkout'))).toEqual([
      'meeting.checkout', 'meetingday.setAttendance', 'item.add', 'item.update', 'item.update', 'item.reorder', 'meetingday.setDecision', 'meetingday.setVotes', 'meetingday.addDissent', 'attachment.add', 'meeting.checkin',
    ]);
    expect(entries.at(-2)!.author).toBe('Anne Holm');
    // Free again, on both sides.
    expect(await call(server, 'checkout.status', { meetingId: MEETING })).toBeNull();
    expect(await call(laptop, 'checkout.copies', {})).toEqual([]);
    await call(server, 'agenda.updateItem', { itemId: itemId(await call(server, 'meetingday.get', { meetingId: MEETING }), 1), title: 'Igen redigeret på serveren' });
    const notat = (await call(server, 'agenda.getItem', { itemId: itemId(await call(server, 'meetingday.get', { meetingId: MEETING }), 2) })).attachments.find((a) => a.title === 'Notat fra mødet')!;
    expect(Buffer.from((await call(server, 'agenda.readAttachment', { attachmentId: notat.id })).base64, 'base64').equals(NOTAT)).toBe(true);

    // The next meeting day: the same laptop takes the meeting again, over its earlier copy, and brings it back.
    const again = await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Anne Holm' });
    await call(laptop, 'checkout.receive', { package: again });
    expect(await exported(laptop)).toEqual(await exported(server));
    await call(laptop, 'meetings.update', { id: MEETING, location: 'Byrådssalen' });
    await call(server, 'checkout.checkin', { package: await call(laptop, 'checkout.prepare', { meetingId: MEETING }) });
    expect(await exported(server)).toEqual(await exported(laptop));
    expect((await verifyChain(server.store.db)).fault).toBeNull();
  });

  test('a package the server took already (its answer lost on the way) is answered as taken, changing nothing; altered, or from another holder, it is refused', async () => {
    const { server, laptop } = await setup();
    await checkOut(server, laptop);
    await workOffline(laptop);
    const pkg = await call(laptop, 'checkout.prepare', { meetingId: MEETING });
    const first = await call(server, 'checkout.checkin', { package: pkg });
    expect(first.alreadyMerged).toBe(false);
    const after = await exported(server);
    const { entries } = await verifyChain(server.store.db);
    // The laptop never heard, so it sends the same package again: the server says it has it.
    expect(await call(server, 'checkout.checkin', { package: pkg })).toEqual({ ...first, alreadyMerged: true });
    // Even once the meeting was taken again since, by someone else.
    await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Bo Jensen' });
    expect((await call(server, 'checkout.checkin', { package: pkg })).alreadyMerged).toBe(true);
    await call(server, 'checkout.release', { meetingId: MEETING, holder: 'Bo Jensen' });
    const { entries: released } = await verifyChain(server.store.db);
    expect(released).toBe(entries + 2);
    // Not the content the server took, or not her package: judged as a new check-in, and refused.
    const meeting = structuredClone(pkg.meeting) as { items: { title: string }[] };
    meeting.items[0]!.title = 'Ændret efter aflevering';
    expect((await refusal(call(server, 'checkout.checkin', { package: { ...pkg, meeting } }))).code).toBe('Conflict');
    expect((await refusal(call(server, 'checkout.checkin', { package: { ...pkg, holder: 'Bo Jensen' } }))).code).toBe('Conflict');
    expect(await exported(server)).toEqual(after);
    expect((await verifyChain(server.store.db)).entries).toBe(released);
    // The laptop releases its copy on the answer.
    await call(laptop, 'checkout.done', { meetingId: MEETING, checkoutId: pkg.checkoutId });
    expect(await call(laptop, 'checkout.copies', {})).toEqual([]);
  });

  test('brings minutes approved offline back approved, locked and sealed on the server', async () => {
    const { server, laptop } = await setup();
    await checkOut(server, laptop);
    await call(laptop, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    const view = await call(laptop, 'meetingday.get', { meetingId: MEETING });
    for (const item of view.items) if (item.role !== 'signature') await call(laptop, 'meetingday.setDecision', { itemId: item.id, outcome: 'noted' });
    await call(laptop, 'meetingday.approveMinutes', { meetingId: MEETING });
    const onLaptop = await exported(laptop);
    await call(server, 'checkout.checkin', { package: await call(laptop, 'checkout.prepare', { meetingId: MEETING }) });
    expect(await exported(server)).toEqual(onLaptop);
    expect((await call(server, 'meetings.get', { id: MEETING })).status).toBe('minutes-approved');
    expect((await call(server, 'meetingday.verify', {})).ok).toBe(true);
    // Locked as approval leaves it: a later edit is refused for the approval, not for a checkout.
    const e = await refusal(call(server, 'agenda.updateItem', { itemId: itemId(await call(server, 'meetingday.get', { meetingId: MEETING }), 1), title: 'Efter godkendelsen' }));
    expect(e.code).toBe('Locked');
    expect(e.message).not.toContain('checked out');
  });

  const refusedCases: [string, (pkg: CheckinPackage, server: CoreContext) => Promise<CheckinPackage>, string, string][] = [
    ['a stale checkout (released and taken again since)', async (pkg, server) => {
      await call(server, 'checkout.release', { meetingId: MEETING, holder: 'Anne Holm' });
      await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Anne Holm' });
      return pkg;
    }, 'Conflict', `comes from a checkout that is no longer open (the meeting was checked out again at`],
    ['a stale checkout (released)', async (pkg, server) => {
      await call(server, 'checkout.release', { meetingId: MEETING, holder: 'Anne Holm' });
      return pkg;
    }, 'Conflict', 'comes from a checkout that is no longer open (the meeting was released since, or checked in)'],
    ['a broken chain (an offline entry altered)', async (pkg) => {
      const entries = pkg.entries.map((e) => ({ ...e }));
      entries[1]!.payload = entries[1]!.payload.replace('vinterberedskab', 'sommerberedskab');
      return { ...pkg, entries };
    }, 'Corrupt', 'is broken at its entry 2 (item.add): it does not continue from the entry before it, or was altered after it was written'],
    ['a broken chain (an offline entry left out)', async (pkg) => ({ ...pkg, entries: [pkg.entries[0]!, ...pkg.entries.slice(2)] }), 'Corrupt', 'is broken at its entry 2'],
    ['tampered content', async (pkg) => {
      const meeting = structuredClone(pkg.meeting) as { items: { title: string }[] };
      meeting.items[0]!.title = 'Ændret efter aflevering var klar';
      return { ...pkg, meeting };
    }, 'Corrupt', 'does not match the hash its offline change log ends with: it was altered after the copy was prepared for check-in, so nothing was changed.'],
    ["someone else's checkout", async (pkg) => ({ ...pkg, holder: 'Bo Jensen' }), 'Forbidden', `is checked out to Anne Holm, not to Bo Jensen; only Anne Holm can check it in, so nothing was changed.`],
  ];
  for (const [name, spoil, code, words] of refusedCases) {
    test(`refuses ${name} and changes nothing`, async () => {
      const { server, laptop } = await setup();
      await checkOut(server, laptop);
      await workOffline(laptop);
      const pkg = await spoil(await call(laptop, 'checkout.prepare', { meetingId: MEETING }), server);
      const before = await exported(server);
      const { entries } = await verifyChain(server.store.db);
      const e = await refusal(call(server, 'checkout.checkin', { package: pkg }));
      expect(e.code).toBe(code);
      expect(e.message).toContain(words);
      expect(e.da).toMatch(/^.+(intet blev ændret|ikke længere er åben).+$/);
      expect(await exported(server)).toEqual(before);
      expect((await verifyChain(server.store.db)).entries).toBe(entries);
    });
  }
});
