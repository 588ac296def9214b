// The lock's hash stays true when the year goes on: an approved meeting (imported or approved
// here) keeps its item numbers when an earlier meeting of the same year gains an item.
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { ReferentDocument } from '../../src-shared/exchange';
import { testContext } from '../helpers/store';

const JANUARY = '1b7e0a52-7c1d-4f0e-9a53-2f8d9e1c0a01';
const MARCH = '2c8f1b63-8d2e-4a1f-8b64-3a9eaf2d1b02';

const doc = (): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Børne- og Familieudvalget',
      numbering: 'per-year',
      members: [{ key: 'a', name: 'Anne Andersen', role: 'chair' }],
      meetings: [
        { id: JANUARY, start: '2026-01-13T15:00', status: 'planned', items: [{ title: 'Januar 1' }, { title: 'Januar 2' }] },
        {
          id: MARCH,
          start: '2026-03-10T15:00',
          status: 'minutes-approved',
          attendance: [{ member: 'a', status: 'present' }],
          items: [
            { title: 'Marts 1', decision: { outcome: 'approved' } },
            { title: 'Marts 2', decision: { outcome: 'noted' } },
          ],
        },
      ],
    },
  ],
});

describe('numbers of approved minutes', () => {
  test('an earlier meeting gaining an item renumbers neither an imported nor a verified lock', async () => {
    const ctx = testContext();
    await call(ctx, 'exchange.import', { document: doc() });
    const numbers = async (): Promise<(number | undefined)[]> =>
      (await call(ctx, 'exchange.export', {})).committees[0]!.meetings.find((m) => m.id === MARCH)!.items.map((i) => i.number);
    expect(await numbers()).toEqual([3, 4]);
    await call(ctx, 'agenda.addItem', { meetingId: JANUARY, title: 'Januar 3' });
    expect(await numbers()).toEqual([3, 4]);
    expect(await call(ctx, 'meetingday.verify', {})).toMatchObject({ ok: true, lockedMeetings: 1, fault: null });
  });
});
