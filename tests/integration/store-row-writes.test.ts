// An import writes its rows a statement per row on the SQLite store's own connection (store/batches.ts,
// RowWriter): a multi-row INSERT makes SQLite copy every page it touches into a statement journal,
// so that it can undo the rows before a refused one, and with random UUID keys that is most of an
// index's pages (1.5 GB of copies for a 26,000-item import). What lands must be what the
// multi-row statements wrote. SQLite-only: it watches the statements prepared on the raw handle.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { importDocument } from '../../src-main/core/exchange/import';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempStore } from '../helpers/store';

const fixturePath = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');
const rich = (): ReferentDocument => JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as ReferentDocument;

const stores: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of stores.splice(0)) await s.close();
});

/** The tables a meeting's content goes to (meeting-write.ts). */
const CONTENT = /^insert into "(items|item_sections|attachments|item_route_steps|decisions|votes|dissents|attendance|guests|item_absences|approvals|addenda)"/i;

describe('an import on SQLite', () => {
  test('writes a meeting\'s rows a statement per row (no multi-row INSERT, no statement journal), and they read back as the document', async () => {
    const store = tempStore();
    stores.push(store);
    const prepared: string[] = [];
    const prepare = store.sqlite.prepare.bind(store.sqlite);
    vi.spyOn(store.sqlite, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
    const report = await importDocument(store, rich());
    expect(report.items).toBeGreaterThan(3);
    const content = prepared.filter((s) => CONTENT.test(s));
    expect(content.length).toBeGreaterThan(3);
    expect(content.filter((s) => /\)\s*,\s*\(/.test(s))).toEqual([]);

    // Every row of the document, with its values: counts per table, and the booleans bound as 0/1 read back as such.
    const doc = rich();
    const items = doc.committees.flatMap((c) => c.meetings.flatMap((m) => m.items));
    const count = async (table: 'items' | 'item_sections' | 'attachments' | 'decisions' | 'votes') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('items')).toBe(items.length);
    expect(await count('item_sections')).toBe(items.reduce((n, i) => n + (i.sections?.length ?? 0), 0));
    expect(await count('attachments')).toBe(items.reduce((n, i) => n + (i.attachments?.length ?? 0), 0));
    expect(await count('decisions')).toBe(items.filter((i) => i.decision).length);
    const votes = items.reduce((n, i) => n + ['for', 'against', 'abstained'].reduce((k, c) => k + (i.decision?.votes?.[c as 'for'].length ?? 0), 0), 0);
    expect(await count('votes')).toBe(votes);
    const stored = await store.db.selectFrom('items').select(['title', 'supplementary']).execute();
    expect(stored.filter((i) => i.supplementary).map((i) => i.title).sort()).toEqual(items.filter((i) => i.supplementary).map((i) => i.title).sort());
    const decided = await store.db.selectFrom('decisions').select('has_votes').execute();
    expect(decided.filter((d) => d.has_votes).length).toBe(items.filter((i) => i.decision?.votes).length);
  });
});
