// The server's search lists the hits of a meeting in agenda order from its own copy of each item's
// position (search_documents.position, read through the order index, migration 0140), which a
// trigger keeps in step when the agenda is reordered: moving an item does not change its text, so
// nothing else would re-index it.
import { expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { testContext } from '../helpers/store';

test('hits of one meeting come in agenda order, also after the agenda is reordered', async () => {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Teknik- og Klimaudvalget', numbering: 'per-year' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-05-05T15:00' });
  for (const [title, body] of [
    ['Grøn omstilling af flåden', 'Planen for grøn omstilling frem mod 2030.'],
    ['Omstilling af busser', 'En grøn plan; omstilling af busdriften.'],
    ['Besøg fra udlandet', 'Ambassadørerne fra Norden kommer på besøg.'],
  ]) {
    const item = await call(ctx, 'agenda.addItem', { meetingId: m.id, title });
    const full = await call(ctx, 'agenda.getItem', { itemId: item.id });
    await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [...full.sections.map((s) => ({ ...s })), { kind: 'presentation', body }] });
  }
  const titles = async (query: string) => (await call(ctx, 'search.items', { query })).hits.map((h) => h.title);
  expect(await titles('omstilling')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
  expect(await titles('plan ')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
  const agenda = await call(ctx, 'agenda.get', { meetingId: m.id });
  await call(ctx, 'agenda.reorder', { meetingId: m.id, itemIds: agenda.items.map((i) => i.id).reverse() });
  expect(await titles('omstilling')).toEqual(['Omstilling af busser', 'Grøn omstilling af flåden']);
  expect(await titles('plan ')).toEqual(['Omstilling af busser', 'Grøn omstilling af flåden']);
  // A title match still comes first, whatever the order.
  expect(await titles('grøn')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
});
