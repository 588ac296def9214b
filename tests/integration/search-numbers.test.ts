// A page of search hits is numbered from the hits themselves: a stored number as it is, and a
// per-year meeting's count from a sum over its year's earlier meetings instead of their items.
// The numbers must be the ones the whole year's count gives (what the meeting view prints).
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { numbersOfItems, numbersOfMeetingIds } from '../../src-main/core/meetings/meeting-numbers';
import type { ReferentDocument } from '../../src-shared/exchange';
import { testContext } from '../helpers/store';

const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${i + 1}`, sections: [{ kind: 'summary' as const, body: `Sag om vejene, punkt ${i + 1}.` }] }));

/** One per-year committee: an earlier year, a cancelled meeting, meetings on following days, later meetings. */
const year = (numbering: 'per-year' | 'per-meeting'): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Teknik- og Klimaudvalget',
      numbering,
      members: [],
      meetings: [
        { start: '2025-11-04T15:00', status: 'planned', items: items('Sidste år', 4) },
        { start: '2026-01-06T15:00', status: 'planned', items: items('Januar', 3) },
        { start: '2026-02-03T15:00', status: 'cancelled', items: items('Aflyst', 2) },
        { start: '2026-03-03T15:00', status: 'planned', items: items('Marts', 4) },
        { start: '2026-04-07T15:00', status: 'planned', items: items('April A', 2) },
        { start: '2026-04-08T15:00', status: 'planned', items: items('April B', 2) },
        { start: '2026-05-05T15:00', status: 'planned', items: items('Maj', 3) },
      ],
    },
  ],
});

describe('numbers of a page of hits', () => {
  for (const numbering of ['per-year', 'per-meeting'] as const) {
    test(`are the whole ${numbering} count's, with stored numbers among unnumbered items and a cancelled meeting`, async () => {
      const ctx = testContext();
      await call(ctx, 'exchange.import', { document: year(numbering) });
      const db = ctx.store.db;
      // March: its 2nd item keeps a stored 20 (the count goes on after it: 21, 22), its 1st none;
      // January's last item a stored 2 (below the count, which must not go back).
      const march = await db.selectFrom('items').select(['id', 'title']).where('title', 'like', 'Marts %').orderBy('position').execute();
      await db.updateTable('items').set({ number: 20 }).where('id', '=', march[1]!.id).execute();
      await db.updateTable('items').set({ number: 2 }).where('title', '=', 'Januar 3').execute();
      const all = await db.selectFrom('items').select(['id', 'meeting_id', 'title']).execute();
      const whole = await numbersOfMeetingIds(db, [...new Set(all.map((i) => i.meeting_id))]);
      const page = await numbersOfItems(db, all.map((i) => i.id));
      const printed = (m: Map<string, number>) => Object.fromEntries(all.map((i) => [i.title, m.get(i.id)]).sort());
      expect(printed(page)).toEqual(printed(whole));
      if (numbering === 'per-year') {
        expect(['Januar 3', 'Marts 1', 'Marts 2', 'Marts 4', 'Maj 1'].map((t) => printed(page)[t])).toEqual([2, 3, 20, 22, 27]);
      }
      // What search shows is the same.
      const hits = (await call(ctx, 'search.items', { query: 'vejene', limit: 100 })).hits;
      expect(Object.fromEntries(hits.map((h) => [h.title, h.number]).sort())).toEqual(printed(whole));
    });
  }
});
