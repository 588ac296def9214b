// Carried items: "Udsat" goes to the committee's next meeting as a new item linked back with its
// history ("Sagens forløb"); "Anbefales" goes to the next body as a proposal (proposals.test.ts).
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import type { MeetingDayView } from '../../src-shared/api/meetingday';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, NEXT_MEETING, OU_MEETING, seedMeetingDay } from './meetingday-fixture';

let ctx: CoreContext;
let view: MeetingDayView;
beforeEach(async () => {
  ctx = testContext();
  await seedMeetingDay(ctx);
  view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
});

const meetingOf = async (id: string) => {
  const doc = await call(ctx, 'exchange.export', {});
  return doc.committees.flatMap((c) => c.meetings).find((m) => m.id === id)!;
};

describe('a postponed item', () => {
  test('goes to the next meeting, before its closing items, with its history', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 5), outcome: 'postponed', text: 'Udsat til næste møde.' });
    const r = await call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 5) });
    expect(r).toMatchObject({ meetingId: NEXT_MEETING, committeeName: 'Organisations- og Beredskabsudvalget', number: 2 });
    const next = await meetingOf(NEXT_MEETING);
    expect(next.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Digitaliseringsstrategi 2026 - 2028', 'Gensidig orientering', 'Underskriftsside']);
    const carried = next.items[1]!;
    expect(carried).toMatchObject({ caseNumber: '22/22880', postponedFrom: { meetingId: MEETING, number: 5 } });
    expect(carried.decision).toBeUndefined();
    expect(carried.sections![0]).toEqual({ kind: 'summary', body: 'Godkendelse af udkast til Digitaliseringsstrategi 2026-2028.' });
    expect(carried.sections![1]!.kind).toBe('history');
    expect(carried.sections![1]!.body).toBe(
      'Udvalget drøftede udkastet den 7. april 2026.\n\n**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 5**\n\nUdsat til næste møde.',
    );
    view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[4]!.carriedTo).toMatchObject({ meetingId: NEXT_MEETING, number: 2 });
  });

  test('is carried once only', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 5), outcome: 'postponed' });
    await call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 5) });
    await expect(call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 5) })).rejects.toThrow(
      'Item 5 was already carried on to Organisations- og Beredskabsudvalget on 18-08-2026.',
    );
  });

  test('an item decided otherwise is not carried', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 4), outcome: 'approved' });
    await expect(call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 4) })).rejects.toThrow('Item 4 was decided "Godkendt"; only an item decided "Udsat" or "Anbefales" is carried on.');
  });
});

describe('a recommended item', () => {
  test('is not carried straight onto the next body\'s agenda: it goes there as a proposal (proposals.test.ts)', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
    expect(view.items[2]!.nextBody).toBe('ØU');
    await expect(call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 3) })).rejects.toThrow(
      'Item 3 was decided "Anbefales": it goes to the next body as a proposal, which that committee\'s secretary accepts into an agenda; it is not carried there directly.',
    );
    expect((await meetingOf(OU_MEETING)).items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);
    expect(view.items[2]!.proposal).toMatchObject({ status: 'pending', to: { committeeName: 'Økonomiudvalget' } });
  });
});
