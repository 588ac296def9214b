// Booleans behind the store: the schema (database.ts) says boolean, PostgreSQL stores boolean, and
// the SQLite file keeps 0/1, which its driver binds and reads back (store/sqlite/booleans.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { BOOLEAN_COLUMNS } from '../../src-main/core/store/sqlite/booleans';
import { testContext } from '../helpers/store';

describe('booleans', () => {
  test('the SQLite driver maps exactly the boolean columns of the schema', () => {
    const types = fs.readFileSync(path.resolve(import.meta.dirname, '../../src-main/core/store/database.ts'), 'utf8');
    const declared = [...types.matchAll(/^\s+(\w+): (?:Generated<boolean>|boolean)(?: \| null)?;/gm)].map((m) => m[1]);
    expect([...new Set(declared)].sort()).toEqual([...BOOLEAN_COLUMNS].sort());
  });

  test('a supplementary item is read as true and kept in the file as 1', async () => {
    const ctx = testContext();
    const c = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2027-05-04T16:00' });
    await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Før offentliggørelsen' });
    await call(ctx, 'meetings.setStatus', { id: m.id, status: 'agenda-published' });
    const late = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Tillægspunkt' });
    const rows = await ctx.store.db.selectFrom('items').select(['title', 'supplementary']).where('meeting_id', '=', m.id).orderBy('position').execute();
    expect(rows).toEqual([
      { title: 'Før offentliggørelsen', supplementary: false },
      { title: 'Tillægspunkt', supplementary: true },
    ]);
    expect(ctx.store.sqlite.prepare('SELECT supplementary FROM items WHERE id = ?').pluck().get(late.id)).toBe(1);
    expect(late.supplementary).toBe(true);
  });
});
