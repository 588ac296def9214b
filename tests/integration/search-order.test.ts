// A meeting's hits come in agenda order, on both dialects, whatever moved the items: a reorder, an
// item inserted in the middle or moved in from another meeting, a removal (the rest renumbered), a
// meeting moved to the minute another committee's meeting starts in, an import that replaces a
// meeting, and positions written past the Api. The server keeps each item's position in its search
// row by a trigger (migration 0140); the file lays the keys of a meeting's items out again in
// agenda order when their positions change (migration 0160, sqlite/fts5-keys.ts), and only then:
// an autosave re-indexes one item, a removal none.
import { expect, test } from 'vitest';
import { sql } from 'kysely';
import { call } from '../../src-main/core/dispatch';
import type { SearchIndex } from '../../src-main/core/search/search-index';
import { testContext } from '../helpers/store';

type Ctx = ReturnType<typeof testContext>;

/** Items the index re-indexed in each write since the last call (refresh's own count). */
function indexedPerWrite(ctx: Ctx): () => number[] {
  const index = ctx.store.search;
  let counts: number[] = [];
  const counting: SearchIndex = { ...index, refresh: async (db) => { const n = await index.refresh(db); if (n > 0) counts.push(n); return n; } };
  ctx.store.search = counting;
  return () => { const out = counts; counts = []; return out; };
}

async function meetingWith(ctx: Ctx, committeeId: string, start: string, items: [string, string][]): Promise<string> {
  const m = await call(ctx, 'meetings.create', { committeeId, start });
  for (const [title, body] of items) {
    const item = await call(ctx, 'agenda.addItem', { meetingId: m.id, title });
    await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [{ kind: 'presentation', body }] });
  }
  return m.id;
}

const titles = async (ctx: Ctx, query: string) => (await call(ctx, 'search.items', { query })).hits.map((h) => h.title);
const agendaIds = async (ctx: Ctx, meetingId: string) => (await call(ctx, 'agenda.get', { meetingId })).items.map((i) => i.id);

test('hits of one meeting come in agenda order, also after the agenda is reordered', async () => {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Teknik- og Klimaudvalget', numbering: 'per-year' });
  const m = await meetingWith(ctx, c.id, '2026-05-05T15:00', [
    ['Grøn omstilling af flåden', 'Planen for grøn omstilling frem mod 2030.'],
    ['Omstilling af busser', 'En grøn plan; omstilling af busdriften.'],
    ['Besøg fra udlandet', 'Ambassadørerne fra Norden kommer på besøg.'],
  ]);
  expect(await titles(ctx, 'omstilling')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
  expect(await titles(ctx, 'plan ')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
  await call(ctx, 'agenda.reorder', { meetingId: m, itemIds: (await agendaIds(ctx, m)).reverse() });
  expect(await titles(ctx, 'omstilling')).toEqual(['Omstilling af busser', 'Grøn omstilling af flåden']);
  expect(await titles(ctx, 'plan ')).toEqual(['Omstilling af busser', 'Grøn omstilling af flåden']);
  // A title match still comes first, whatever the order.
  expect(await titles(ctx, 'grøn')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
});

test('an item inserted in the middle, one moved in from another meeting, a removal and positions written past the Api keep agenda order; only the moved meeting is re-indexed', async () => {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Børne- og Familieudvalget', numbering: 'per-meeting' });
  const may = await meetingWith(ctx, c.id, '2026-05-12T15:00', [
    ['Skolestruktur', 'Skolen i Vojens og skolen i Gram.'],
    ['Dagtilbud', 'Vuggestuer i Gram.'],
    ['Budget for skolen', 'Skolen får flere penge.'],
  ]);
  await call(ctx, 'agenda.addItem', { meetingId: may, title: 'Underskriftsside', role: 'signature' });
  const april = await meetingWith(ctx, c.id, '2026-04-14T15:00', [['Skolevej i Gram', 'En ny skolevej.']]);
  const indexed = indexedPerWrite(ctx);

  const middle = await call(ctx, 'agenda.addItem', { meetingId: may, title: 'Skolebus til Gram', position: 1 });
  expect(await titles(ctx, 'skole')).toEqual(['Skolestruktur', 'Skolebus til Gram', 'Budget for skolen', 'Skolevej i Gram']);
  // An autosave of one section is one item's refresh.
  indexed();
  await call(ctx, 'agenda.updateItem', { itemId: middle.id, sections: [{ kind: 'summary', body: 'Bussen kører til skolen.' }] });
  expect(indexed()).toEqual([1]);

  // Moved in from April: placed before the signature page, after the items already there.
  const [fromApril] = await agendaIds(ctx, april);
  await call(ctx, 'agenda.moveItem', { itemId: fromApril!, meetingId: may });
  expect(await titles(ctx, 'skole')).toEqual(['Skolestruktur', 'Skolebus til Gram', 'Budget for skolen', 'Skolevej i Gram']);
  // Moved to the front: May's items (five), and nothing of any other meeting, are indexed again.
  indexed();
  const ids = await agendaIds(ctx, may);
  await call(ctx, 'agenda.reorder', { meetingId: may, itemIds: [ids[4]!, ...ids.slice(0, 4), ...ids.slice(5)] });
  expect(await titles(ctx, 'skole')).toEqual(['Skolevej i Gram', 'Skolestruktur', 'Skolebus til Gram', 'Budget for skolen']);
  expect(indexed().reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ids.length);

  // A removal renumbers the rest, in the same order: nothing is indexed again.
  await call(ctx, 'agenda.removeItem', { itemId: middle.id });
  expect(indexed()).toEqual([]);
  expect(await titles(ctx, 'skole')).toEqual(['Skolevej i Gram', 'Skolestruktur', 'Budget for skolen']);

  // Positions swapped by another program, past the Api: the database notes it all the same.
  const now = await agendaIds(ctx, may);
  await sql`UPDATE items SET position = -1 - position WHERE meeting_id = ${may}`.execute(ctx.store.db);
  await sql`UPDATE items SET position = CASE id WHEN ${now[0]!} THEN 3 WHEN ${now[3]!} THEN 0 ELSE -1 - position END WHERE meeting_id = ${may}`.execute(ctx.store.db);
  expect(await titles(ctx, 'skole')).toEqual(['Budget for skolen', 'Skolestruktur', 'Skolevej i Gram']);
});

test("two committees meeting in the same minute: each meeting's hits together and in agenda order, the meetings by their id", async () => {
  const ctx = testContext();
  const a = await call(ctx, 'committees.create', { name: 'Teknik- og Klimaudvalget', numbering: 'per-year' });
  const b = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
  const ma = await meetingWith(ctx, a.id, '2026-06-02T14:30', [['Havnen A1', 'Havn.'], ['Havnen A2', 'Havn.']]);
  const mb = await meetingWith(ctx, b.id, '2026-06-09T14:30', [['Havnen B1', 'Havn.'], ['Havnen B2', 'Havn.']]);
  await call(ctx, 'agenda.reorder', { meetingId: ma, itemIds: (await agendaIds(ctx, ma)).reverse() });
  // Økonomiudvalget's meeting moves to the minute Teknik- og Klimaudvalget's starts in.
  await call(ctx, 'meetings.update', { id: mb, start: '2026-06-02T14:30' });
  const byId = ma < mb ? [['Havnen A2', 'Havnen A1'], ['Havnen B1', 'Havnen B2']] : [['Havnen B1', 'Havnen B2'], ['Havnen A2', 'Havnen A1']];
  expect(await titles(ctx, 'havn')).toEqual(byId.flat());
  await call(ctx, 'agenda.reorder', { meetingId: mb, itemIds: (await agendaIds(ctx, mb)).reverse() });
  const after = ma < mb ? [['Havnen A2', 'Havnen A1'], ['Havnen B2', 'Havnen B1']] : [['Havnen B2', 'Havnen B1'], ['Havnen A2', 'Havnen A1']];
  expect(await titles(ctx, 'havn')).toEqual(after.flat());
});

test('an import that replaces a meeting lists its items in the order of the document', async () => {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Kultur- og Fritidsudvalget', numbering: 'per-meeting' });
  await meetingWith(ctx, c.id, '2026-03-03T16:00', [['Hal i Vojens', 'Idræt.'], ['Bibliotek', 'Idræt for børn.'], ['Musikskolen', 'Idræt og musik.']]);
  const doc = await call(ctx, 'exchange.export', {});
  const meeting = doc.committees[0]!.meetings[0]!;
  meeting.items.reverse();
  await call(ctx, 'exchange.import', { document: doc });
  expect(await titles(ctx, 'idræt')).toEqual(['Musikskolen', 'Bibliotek', 'Hal i Vojens']);
});
