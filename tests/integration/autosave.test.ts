// An autosave writes what changed: one section edited is one row updated, the others untouched.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { testContext } from '../helpers/store';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8')) as unknown;

test('editing one section rewrites that section only; adding and dropping sections touch only their own rows', async () => {
  const ctx = testContext();
  await call(ctx, 'exchange.import', { document: fixture });
  const { item_id: itemId } = await ctx.store.db.selectFrom('item_sections').select('item_id').where('kind', '=', 'legal').executeTakeFirstOrThrow();
  const rows = () => ctx.store.db.selectFrom('item_sections').select(['id', 'position', 'kind', 'body']).where('item_id', '=', itemId).orderBy('position').execute();
  const before = await rows();
  expect(before.map((r) => r.kind)).toEqual(['economy', 'legal', 'procedure']);
  const item = await call(ctx, 'agenda.getItem', { itemId });
  const sections = item.sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body }));
  sections[1]!.body = 'Jf. § 21.';
  await call(ctx, 'agenda.updateItem', { itemId, sections });
  const after = await rows();
  expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  expect(after.map((r) => r.body)).toEqual([before[0]!.body, 'Jf. § 21.', before[2]!.body]);
  await call(ctx, 'agenda.updateItem', { itemId, sections: [...sections, { kind: 'history', heading: null, body: 'Ny historik.' }] });
  expect((await rows()).slice(0, 3).map((r) => r.id)).toEqual(before.map((r) => r.id));
  await call(ctx, 'agenda.updateItem', { itemId, sections: sections.slice(0, 2) });
  expect((await rows()).map((r) => [r.id, r.body])).toEqual([[before[0]!.id, before[0]!.body], [before[1]!.id, 'Jf. § 21.']]);
  expect((await call(ctx, 'search.items', { query: '"Jf 21"' })).hits.map((h) => h.itemId)).toEqual([itemId]);
});
