// Carried items: "Udsat" goes to the committee's next meeting, "Anbefales" to the next body on
// the route, each as a new item linked back with its history ("Sagens forløb").
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import type { MeetingDayView } from '../../src-shared/api/meetingday';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, KB_MEETING, MEETING, NEXT_MEETING, OU_MEETING, seedMeetingDay } from './meetingday-fixture';

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
  test('goes to the next body on its route (ØU by short name), then on to Kommunalbestyrelsen', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
    await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 3), votes: { for: ['hm', 'cdh', 'mbi', 'fl'], against: ['js'], abstained: [] } });
    view = await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 3), member: 'js', text: 'Politikken bør vente på NIS2-loven.' });
    expect(view.items[2]!.nextBody).toBe('ØU');
    const r = await call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 3) });
    expect(r).toMatchObject({ meetingId: OU_MEETING, committeeName: 'Økonomiudvalget', number: 2 });
    const ou = await meetingOf(OU_MEETING);
    const draft = ou.items[1]!;
    expect(draft).toMatchObject({ title: 'Informationssikkerhedspolitik 2026', caseNumber: '26/9889', postponedFrom: { meetingId: MEETING, number: 3 } });
    expect(draft.attachments).toEqual([{ title: 'Informationssikkerhedspolitik 2026.pdf', access: 'open' }]);
    expect(draft.sections!.map((s) => s.kind)).toEqual(['summary', 'history', 'procedure']);
    expect(draft.sections![1]!.body).toContain('**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3**\n\nAnbefales');
    expect(draft.sections![1]!.body).toContain('Protokoltilførsel fra Jørgen Smed: Politikken bør vente på NIS2-loven.');

    // ØU recommends it in turn: it goes on to Kommunalbestyrelsen.
    const ouView = await call(ctx, 'meetingday.setDecision', { itemId: r.itemId, outcome: 'recommended' });
    expect(ouView.items[1]!.nextBody).toBe('Kommunalbestyrelsen');
    const r2 = await call(ctx, 'meetingday.carryForward', { itemId: r.itemId });
    expect(r2).toMatchObject({ meetingId: KB_MEETING, committeeName: 'Kommunalbestyrelsen', number: 1 });
    const kb = await meetingOf(KB_MEETING);
    expect(kb.items[0]!.sections!.find((s) => s.kind === 'history')!.body).toMatch(/punkt 3\*\*[\s\S]*Økonomiudvalget den 10-06-2026, punkt 2\*\*\n\nAnbefales$/);
  });

  test('with no body after this committee on its route, it is refused', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: 'recommended' });
    await expect(call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 2) })).rejects.toThrow(
      "Item 2's route names no body after Organisations- og Beredskabsudvalget to recommend it to.",
    );
  });
});
