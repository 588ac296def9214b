// A double submit (double click, a form sent twice, two windows) creates nothing twice. Decided per
// operation: an agenda item or a copy within the same second is refused (later, a twin may be meant);
// an identical addendum, a second meeting at the same start and a second committee of the same name
// are refused always; members are covered in members.test.ts.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { call } from '../dispatch';
import { testContext } from '../../../tests/helpers/store';

async function seed() {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' });
  const june = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-02T14:30' });
  const august = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-08-25T14:30' });
  return { ctx, committeeId: c.id, june: june.id, august: august.id };
}

afterEach(() => vi.useRealTimers());

describe('double submits', () => {
  test('the same agenda item twice within a second is refused in both languages; a different one, or the same a second later, is added', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-20T09:00:00.000Z'));
    const { ctx, june } = await seed();
    const first = await call(ctx, 'agenda.addItem', { meetingId: june, title: 'Specialklasser', caseNumber: '26/1234' });
    vi.setSystemTime(new Date('2026-05-20T09:00:00.300Z'));
    const twice = call(ctx, 'agenda.addItem', { meetingId: june, title: 'Specialklasser', caseNumber: '26/1234' });
    await expect(twice).rejects.toMatchObject({ code: 'Conflict', message: 'The item "Specialklasser" was added to this agenda a moment ago; it was not added twice.', da: 'Punktet »Specialklasser« blev tilføjet til dagsordenen for et øjeblik siden; det er ikke tilføjet to gange.' });
    await call(ctx, 'agenda.addItem', { meetingId: june, title: 'Specialklasser', caseNumber: '26/9999' });
    vi.setSystemTime(new Date('2026-05-20T09:00:02.000Z'));
    await call(ctx, 'agenda.addItem', { meetingId: june, title: 'Specialklasser', caseNumber: '26/1234' });
    const agenda = await call(ctx, 'agenda.get', { meetingId: june });
    expect(agenda.items.map((i) => `${i.title} ${i.caseNumber}`)).toEqual(['Specialklasser 26/1234', 'Specialklasser 26/9999', 'Specialklasser 26/1234']);
    expect(agenda.items[0]!.id).toBe(first.id);
  });

  test('the same item copied to the same agenda twice within a second is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-20T09:00:00.000Z'));
    const { ctx, june, august } = await seed();
    const item = await call(ctx, 'agenda.addItem', { meetingId: june, title: 'Skoleudbygning' });
    await call(ctx, 'agenda.copyItem', { itemId: item.id, meetingId: august });
    await expect(call(ctx, 'agenda.copyItem', { itemId: item.id, meetingId: august })).rejects.toThrow('was copied to this agenda a moment ago');
    vi.setSystemTime(new Date('2026-05-20T09:00:05.000Z'));
    await call(ctx, 'agenda.copyItem', { itemId: item.id, meetingId: august });
    expect((await call(ctx, 'agenda.get', { meetingId: august })).items.map((i) => i.title)).toEqual(['Skoleudbygning', 'Skoleudbygning']);
  });

  test('a second meeting at the same start and a second committee of the same name are refused at any time', async () => {
    const { ctx, committeeId } = await seed();
    await expect(call(ctx, 'meetings.create', { committeeId, start: '2026-06-02T14:30' })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(call(ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' })).rejects.toMatchObject({ code: 'Conflict' });
    expect(await call(ctx, 'meetings.list', { committeeId })).toHaveLength(2);
  });
});
