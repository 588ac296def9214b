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
  const itemId = ctx.store.sqlite.prepare("SELECT item_id FROM item_sections WHERE kind = 'legal'").pluck().get() as string;
  const rows = () => ctx.store.sqlite.prepare('SELECT id, position, kind, body FROM item_sections WHERE item_id = ? ORDER BY position').all(itemId) as { id: string; position: number; kind: string; body: string }[];
  const before = rows();
  expect(before.map((r) => r.kind)).toEqual(['economy', 'legal', 'procedure']);
  const item = await call(ctx, 'agenda.getItem', { itemId });
  const sections = item.sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body }));
  sections[1]!.body = 'Jf. § 21.';
  await call(ctx, 'agenda.updateItem', { itemId, sections });
  const after = rows();
  expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  expect(after.map((r) => r.body)).toEqual([before[0]!.body, 'Jf. § 21.', before[2]!.body]);
  await call(ctx, 'agenda.updateItem', { itemId, sections: [...sections, { kind: 'history', heading: null, body: 'Ny historik.' }] });
  expect(rows().slice(0, 3).map((r) => r.id)).toEqual(before.map((r) => r.id));
  await call(ctx, 'agenda.updateItem', { itemId, sections: sections.slice(0, 2) });
  expect(rows().map((r) => [r.id, r.body])).toEqual([[before[0]!.id, before[0]!.body], [before[1]!.id, 'Jf. § 21.']]);
  expect((await call(ctx, 'search.items', { query: '"Jf 21"' })).hits.map((h) => h.itemId)).toEqual([itemId]);
});
