// insertRows writes rows a few fixed counts per statement and reuses each statement's compiled
// text: every row must land with its own values, in order, whatever the mix of counts, columns
// left out, or values (on SQLite and, in the matrix, PostgreSQL).
import { afterEach, describe, expect, test } from 'vitest';
import { insertRows, writingWhole } from '../../src-main/core/store/batches';
import { tempStore } from '../helpers/store';

const stores: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const people = (from: number, n: number, name = (i: number) => `Person ${i}`) =>
  Array.from({ length: n }, (_, k) => ({ id: `p${String(from + k).padStart(4, '0')}`, key: `k${from + k}`, name: name(from + k) }));

describe('insertRows', () => {
  test('writes 1 to 150 rows at a time, each with its own values, again and again through the same statements', async () => {
    const store = tempStore();
    stores.push(store);
    let from = 0;
    for (const n of [150, 1, 63, 64, 65, 17, 3]) {
      // Same shapes each round, other values: a reused statement must bind this round's values.
      await insertRows(store.db, 'people', people(from, n, (i) => `Navn ${i} æøå ${'x'.repeat(i % 7)}`));
      from += n;
    }
    const rows = await store.db.selectFrom('people').select(['id', 'key', 'name']).orderBy('id').execute();
    expect(rows).toEqual(people(0, from, (i) => `Navn ${i} æøå ${'x'.repeat(i % 7)}`));
  });

  test('rows that leave out different columns, or in another order, land as written', async () => {
    const store = tempStore();
    stores.push(store);
    const now = '2026-12-02T05:00:00.000Z';
    await insertRows(store.db, 'committees', [
      { id: 'c1', name: 'Økonomiudvalget', numbering: 'per-year', short_name: 'ØU', created_at: now, updated_at: now },
      { id: 'c2', name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting', short_name: undefined, created_at: now, updated_at: now },
      { numbering: 'per-meeting', id: 'c3', name: 'Børne- og Skoleudvalget', created_at: now, updated_at: now, default_location: 'Rådhuset' },
      { id: 'c4', name: 'Kultur- og Fritidsudvalget', numbering: 'per-year', short_name: null, created_at: now, updated_at: now },
    ]);
    const rows = await store.db.selectFrom('committees').select(['id', 'name', 'numbering', 'short_name', 'default_location', 'template']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'c1', name: 'Økonomiudvalget', numbering: 'per-year', short_name: 'ØU', default_location: null, template: '{}' },
      { id: 'c2', name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting', short_name: null, default_location: null, template: '{}' },
      { id: 'c3', name: 'Børne- og Skoleudvalget', numbering: 'per-meeting', short_name: null, default_location: 'Rådhuset', template: '{}' },
      { id: 'c4', name: 'Kultur- og Fritidsudvalget', numbering: 'per-year', short_name: null, default_location: null, template: '{}' },
    ]);
  });

  test('a row the database refuses fails the insert with nothing of its statement written', async () => {
    const store = tempStore();
    stores.push(store);
    await insertRows(store.db, 'people', people(0, 4));
    await expect(insertRows(store.db, 'people', [...people(10, 3), { id: 'p0000', key: 'dup', name: 'Twice' }])).rejects.toThrow();
    const rows = await store.db.selectFrom('people').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['p0000', 'p0001', 'p0002', 'p0003']);
  });

  test('in a transaction that fails whole (an import), rows land with their own values, booleans among them, and a refused row leaves nothing', async () => {
    const store = tempStore();
    stores.push(store);
    const now = '2026-12-02T05:00:00.000Z';
    await store.write((trx) =>
      writingWhole(trx, async () => {
        await insertRows(trx, 'committees', [{ id: 'c1', name: 'Økonomiudvalget', numbering: 'per-year', created_at: now, updated_at: now }]);
        await insertRows(trx, 'meetings', [{ id: 'm1', committee_id: 'c1', start: '2026-06-02T14:30', status: 'held', created_at: now, updated_at: now }]);
        await insertRows(trx, 'items', [0, 1, 2].map((i) => ({ id: `i${i}`, meeting_id: 'm1', position: i, title: `Punkt ${i} æøå`, supplementary: i === 1 })));
        await insertRows(trx, 'decisions', [0, 1, 2].map((i) => ({ item_id: `i${i}`, outcome: 'approved' as const, text: i === 2 ? null : `Godkendt ${i}`, has_votes: i !== 0 })));
      }),
    );
    expect(await store.db.selectFrom('items').select(['id', 'title', 'supplementary']).orderBy('position').execute()).toEqual([
      { id: 'i0', title: 'Punkt 0 æøå', supplementary: false },
      { id: 'i1', title: 'Punkt 1 æøå', supplementary: true },
      { id: 'i2', title: 'Punkt 2 æøå', supplementary: false },
    ]);
    expect(await store.db.selectFrom('decisions').select(['item_id', 'text', 'has_votes']).orderBy('item_id').execute()).toEqual([
      { item_id: 'i0', text: 'Godkendt 0', has_votes: false },
      { item_id: 'i1', text: 'Godkendt 1', has_votes: true },
      { item_id: 'i2', text: null, has_votes: true },
    ]);
    const failing = store.write((trx) => writingWhole(trx, () => insertRows(trx, 'people', [...people(10, 3), { id: 'p0010', key: 'dup', name: 'Twice' }])));
    await expect(failing).rejects.toThrow();
    expect(await store.db.selectFrom('people').select('id').execute()).toEqual([]);
  });
});
