// Attendance on the meeting day: roll call, substitutes, arrival and departure at an item,
// per-item absence and disqualification, guests, and the refusals the law requires.
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, seedMeetingDay } from './meetingday-fixture';

let ctx: CoreContext;
beforeEach(async () => {
  ctx = testContext();
  await seedMeetingDay(ctx);
});

const logCount = async (): Promise<number> =>
  Number((await ctx.store.db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('roll call', () => {
  test('a substitute sits in for an absent member and takes part in every item', async () => {
    const view = await call(ctx, 'meetingday.setAttendance', {
      meetingId: MEETING,
      entries: [...everyonePresent.slice(0, 4), { member: 'mbi', status: 'apologies', substitute: 'sr' }],
    });
    expect(view.seats.find((s) => s.holder === 'mbi')).toMatchObject({ sitting: 'sr', status: 'apologies', substitute: 'sr' });
    expect(view.items[0]!.participants).toEqual(['hm', 'fl', 'cdh', 'js', 'sr']);
    expect(view.items[0]!.apologies).toEqual([]);
    const doc = await call(ctx, 'exchange.export', { committee: 'OBU' });
    expect(doc.committees[0]!.meetings[0]!.attendance).toContainEqual({ member: 'mbi', status: 'apologies', substitute: 'sr' });
  });

  test('apologies without a substitute are listed under every item', async () => {
    const view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [...everyonePresent.slice(0, 3), { member: 'js', status: 'apologies' }, { member: 'mbi', status: 'absent' }] });
    expect(view.items[3]).toMatchObject({ participants: ['hm', 'fl', 'cdh'], apologies: ['js'], absent: ['mbi'] });
  });

  test('a substitute already seated is refused, and nothing changes', async () => {
    await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'mbi', status: 'apologies', substitute: 'sr' }] });
    const before = await logCount();
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'js', status: 'absent', substitute: 'sr' }] })).rejects.toThrow(
      'Stine Rønnow is already seated at this meeting (in place of Mette Baltersen Isen).',
    );
    const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.seats.find((s) => s.holder === 'js')!.status).toBe('unrecorded');
    expect(await logCount()).toBe(before);
  });

  test('only a substitute of the committee can be called in', async () => {
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'js', status: 'absent', substitute: 'sek' }] })).rejects.toThrow(
      'Sekretær Sørensen is not a substitute (suppleant) of Organisations- og Beredskabsudvalget on 02-06-2026.',
    );
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'js', status: 'absent', substitute: 'hpg' }] })).rejects.toThrow(/H\.P\. Geil is not a substitute/);
  });

  test('a member cannot be both present and substituted', async () => {
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'mbi', status: 'present', substitute: 'sr' }] })).rejects.toThrow(
      'Mette Baltersen Isen cannot be both present and substituted.',
    );
  });

  test('someone without a seat is not in the roll call', async () => {
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'sr', status: 'present' }] })).rejects.toThrow(
      'Stine Rønnow has no seat on Organisations- og Beredskabsudvalget on 02-06-2026.',
    );
  });

  test('every change to attendance lands in the change log', async () => {
    const before = await logCount();
    await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    const last = await ctx.store.db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(await logCount()).toBe(before + 1);
    expect(last).toMatchObject({ meeting_id: MEETING, action: 'meetingday.setAttendance' });
    expect(JSON.parse(last.payload).entries).toHaveLength(5);
  });
});

describe('arrival and departure give per-item absence', () => {
  test('arrived at item 3, left after item 5', async () => {
    const view = await call(ctx, 'meetingday.setAttendance', {
      meetingId: MEETING,
      entries: [
        { member: 'hm', status: 'present' },
        { member: 'fl', status: 'present', untilItem: 5 },
        { member: 'cdh', status: 'present', fromItem: 3 },
        { member: 'js', status: 'present' },
        { member: 'mbi', status: 'absent', substitute: 'sr', untilItem: 6 },
      ],
    });
    const absent = Object.fromEntries(view.items.map((i) => [i.number, i.absent]));
    expect(absent).toEqual({ 1: ['cdh'], 2: ['cdh'], 3: [], 4: [], 5: [], 6: ['fl'], 7: ['fl', 'sr'], 8: ['fl', 'sr'] });
    expect(view.items[4]!.participants).toEqual(['hm', 'fl', 'cdh', 'js', 'sr']);
    const doc = await call(ctx, 'exchange.export', { committee: 'OBU' });
    expect(doc.committees[0]!.meetings[0]!.attendance).toContainEqual({ member: 'fl', status: 'present', untilItem: 5 });
    expect(doc.committees[0]!.meetings[0]!.attendance).toContainEqual({ member: 'cdh', status: 'present', fromItem: 3 });
  });

  test('an item the meeting does not have, or leaving before arriving, is refused', async () => {
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'fl', status: 'present', untilItem: 12 }] })).rejects.toThrow('untilItem: the meeting has no item 12.');
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'fl', status: 'present', fromItem: 5, untilItem: 3 }] })).rejects.toThrow(
      'Finn Lykkeskov cannot leave after item 3 before arriving at item 5.',
    );
  });

  test('absence and disqualification set by hand on one item', async () => {
    let view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    view = await call(ctx, 'meetingday.setItemAbsence', { itemId: itemId(view, 4), member: 'js', reason: 'disqualified' });
    view = await call(ctx, 'meetingday.setItemAbsence', { itemId: itemId(view, 5), member: 'hm', reason: 'absent' });
    expect(view.items[3]).toMatchObject({ disqualified: ['js'], absent: [], markedAbsences: [{ member: 'js', reason: 'disqualified' }] });
    expect(view.items[4]).toMatchObject({ absent: ['hm'], participants: ['fl', 'cdh', 'js', 'mbi'] });
    view = await call(ctx, 'meetingday.setItemAbsence', { itemId: itemId(view, 5), member: 'hm', reason: null });
    expect(view.items[4]!.absent).toEqual([]);
    const doc = await call(ctx, 'exchange.export', { committee: 'OBU' });
    expect(doc.committees[0]!.meetings[0]!.items[3]!.absences).toEqual([{ member: 'js', reason: 'disqualified' }]);
  });

  test('a departure that would leave a recorded vote behind is refused', async () => {
    let view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 6), outcome: 'approved' });
    await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 6), votes: { for: ['hm', 'fl', 'cdh'], against: ['js'], abstained: [] } });
    await expect(call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'js', status: 'present', untilItem: 5 }] })).rejects.toThrow(
      'Jørgen Smed was not present for item 6, so cannot vote on it. Change the vote first.',
    );
  });
});

describe('guests', () => {
  test('staff attending one item are listed with that item only', async () => {
    const view = await call(ctx, 'meetingday.setGuests', { meetingId: MEETING, guests: [{ name: 'Chefen for IT og Digitalisering', items: [3, 5] }] });
    expect(view.items[2]!.guests).toEqual([{ name: 'Chefen for IT og Digitalisering', title: null }]);
    expect(view.items[3]!.guests).toEqual([]);
    const doc = await call(ctx, 'exchange.export', { committee: 'OBU' });
    expect(doc.committees[0]!.meetings[0]!.guests).toEqual([{ name: 'Chefen for IT og Digitalisering', items: [3, 5] }]);
    await expect(call(ctx, 'meetingday.setGuests', { meetingId: MEETING, guests: [{ name: 'X', items: [99] }] })).rejects.toThrow('X is listed for item 99, which the meeting does not have.');
  });
});
