// Decisions, votes and dissent on the meeting day, as the exported document keeps them.
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import type { MeetingDayView } from '../../src-shared/api/meetingday';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, seedMeetingDay } from './meetingday-fixture';

let ctx: CoreContext;
let view: MeetingDayView;
beforeEach(async () => {
  ctx = testContext();
  await seedMeetingDay(ctx);
  view = await call(ctx, 'meetingday.setAttendance', {
    meetingId: MEETING,
    entries: [everyonePresent[0]!, { member: 'fl', status: 'present', untilItem: 5 }, everyonePresent[2]!, everyonePresent[3]!, { member: 'mbi', status: 'apologies', substitute: 'sr' }],
  });
});

const exported = async () => (await call(ctx, 'exchange.export', { committee: 'OBU' })).committees[0]!.meetings[0]!;

describe('decisions', () => {
  test('outcome and text are kept; a phrase gives the outcome; null removes the decision', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: 'noted' });
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 6), outcome: 'discussed', text: 'Drøftet, idet udvalget ønsker at følge udviklingen.' });
    expect(view.items[1]!.decision).toEqual({ outcome: 'noted' });
    expect(view.phrases).toEqual(['Godkendt', 'Taget til efterretning', 'Drøftet', 'Udsat', 'Anbefales', 'Afvist']);
    const m = await exported();
    expect(m.items[5]!.decision).toEqual({ outcome: 'discussed', text: 'Drøftet, idet udvalget ønsker at følge udviklingen.' });
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: null });
    expect(view.items[1]!.decision).toBeNull();
  });
});

describe('votes', () => {
  test('by member, with counts', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 4), outcome: 'approved' });
    view = await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 4), votes: { for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] } });
    expect(view.items[3]!.voteCounts).toEqual({ for: 3, against: 2, abstained: 0 });
    expect((await exported()).items[3]!.decision!.votes).toEqual({ for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] });
  });

  test('by party with a count, when the split follows party lines', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
    view = await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 3), votes: { for: [{ party: 'A', count: 2 }, { party: 'V', count: 2 }], against: [{ party: 'O', count: 1 }], abstained: [] } });
    expect(view.items[2]!.voteCounts).toEqual({ for: 4, against: 1, abstained: 0 });
    expect((await exported()).items[2]!.decision!.votes!.for).toEqual([{ party: 'A', count: 2 }, { party: 'V', count: 2 }]);
  });

  test('a member absent for the item cannot vote, and nothing is written', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 6), outcome: 'approved' });
    await expect(call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 6), votes: { for: ['hm', 'fl'], against: [], abstained: [] } })).rejects.toThrow(
      'Finn Lykkeskov was not present for item 6, so cannot vote on it.',
    );
    await expect(call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 6), votes: { for: ['mbi'], against: [], abstained: [] } })).rejects.toThrow(/Mette Baltersen Isen was not present for item 6/);
    expect((await exported()).items[5]!.decision).toEqual({ outcome: 'approved' });
  });

  test('a vote needs a decision first', async () => {
    await expect(call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 5), votes: { for: ['hm'], against: [], abstained: [] } })).rejects.toThrow(
      'Item 5 has no decision yet; record its outcome before the vote.',
    );
  });
});

describe('dissent (protokoltilførsel)', () => {
  beforeEach(async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 5), outcome: 'approved' });
    view = await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 5), votes: { for: ['hm', 'cdh', 'sr'], against: ['js'], abstained: ['fl'] } });
  });

  test('a member who voted in the minority has it recorded with the decision', async () => {
    view = await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 5), member: 'js', text: 'Jørgen Smed ønsker strategien udsat til efter budgetforhandlingerne.' });
    expect(view.items[4]!.decision!.dissents).toEqual([{ member: 'js', text: 'Jørgen Smed ønsker strategien udsat til efter budgetforhandlingerne.' }]);
    expect((await exported()).items[4]!.decision!.dissents).toEqual([{ member: 'js', text: 'Jørgen Smed ønsker strategien udsat til efter budgetforhandlingerne.' }]);
  });

  test('a majority voter, an abstainer and a member not present are refused, saying why', async () => {
    const id = itemId(view, 5);
    await expect(call(ctx, 'meetingday.addDissent', { itemId: id, member: 'hm', text: 'Uenig.' })).rejects.toThrow(
      'Holger Mikkelsen voted for on item 5, with the majority; only a member who voted in the minority may have a dissent recorded.',
    );
    await expect(call(ctx, 'meetingday.addDissent', { itemId: id, member: 'fl', text: 'Uenig.' })).rejects.toThrow(/Finn Lykkeskov abstained on item 5/);
    await expect(call(ctx, 'meetingday.addDissent', { itemId: id, member: 'mbi', text: 'Uenig.' })).rejects.toThrow(/Mette Baltersen Isen did not take part in item 5/);
    expect((await exported()).items[4]!.decision!.dissents).toBeUndefined();
  });

  test('a vote that would turn the dissenter into the majority is refused until the dissent goes', async () => {
    view = await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 5), member: 'js', text: 'Imod.' });
    await expect(call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 5), votes: { for: ['js'], against: [], abstained: [] } })).rejects.toThrow(
      /Jørgen Smed has a dissent recorded on item 5/,
    );
    view = await call(ctx, 'meetingday.removeDissent', { itemId: itemId(view, 5), member: 'js' });
    expect(view.items[4]!.decision!.dissents).toBeUndefined();
  });
});
