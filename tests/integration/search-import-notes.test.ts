// An import notes its meetings' items for the search index a meeting at a time instead of a note
// per written row (SearchIndex.bulkInsert): what it writes is found, what it replaces is gone, and
// the database notes rows written afterwards as before, after a failed import too.
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { ReferentDocument } from '../../src-shared/exchange';
import { testContext, testDialect } from '../helpers/store';

type Ctx = ReturnType<typeof testContext>;
const titles = async (ctx: Ctx, query: string): Promise<string[]> => (await call(ctx, 'search.items', { query, limit: 50 })).hits.map((h) => h.title).sort();

const MEETING_ID = '0b6f8a52-6c3e-4d7e-9a51-2f0d8c1e7a10';

const doc = (items: { title: string; body: string; decision?: string; dissent?: string }[], more: Partial<ReferentDocument['committees'][number]> = {}): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Børne- og Skoleudvalget',
      numbering: 'per-meeting',
      members: [{ key: 'a', name: 'Anne Holm', role: 'chair' }],
      meetings: [
        {
          id: MEETING_ID,
          start: '2026-09-01T15:00',
          status: 'held',
          items: items.map((i) => ({
            title: i.title,
            sections: [{ kind: 'summary' as const, body: i.body }],
            attachments: [{ title: `Bilag til ${i.title}` }],
            ...(i.decision ? { decision: { outcome: 'approved' as const, text: i.decision, votes: { for: ['a'], against: [], abstained: [] }, ...(i.dissent ? { dissents: [{ member: 'a', text: i.dissent }] } : {}) } } : {}),
          })),
        },
      ],
      ...more,
    },
  ],
});

/** The insert triggers' SQL as the file stores it (the server keeps its own triggers). */
const insertTriggers = (ctx: Ctx): unknown[] =>
  testDialect === 'sqlite' ? ctx.store.sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search_ai' ORDER BY name").all() : [];

describe('an import notes its items a meeting at a time', () => {
  test('every part of its items is found, a replaced meeting leaves the index, and rows written afterwards are noted as before', async () => {
    const ctx = testContext();
    const before = insertTriggers(ctx);
    if (testDialect === 'sqlite') expect(before).toHaveLength(6);
    await call(ctx, 'exchange.import', { document: doc([{ title: 'Skolernes budget', body: 'Lærerne ønsker flere timer.', decision: 'Vedtaget med bemærkning om vikarer.', dissent: 'Imod nedskæringen.' }]) });
    // Section, attachment title, decision text, vote and dissent: each found through the meeting's one note.
    for (const word of ['lærerne', 'bilag', 'vikarer', 'holm', 'nedskæringen']) expect(await titles(ctx, word)).toEqual(['Skolernes budget']);
    expect(insertTriggers(ctx)).toEqual(before);

    // The same meeting again: its items replaced, the old ones gone from the index.
    await call(ctx, 'exchange.import', { document: doc([{ title: 'Idrætshallen', body: 'Taget skal udskiftes.' }]) });
    expect(await titles(ctx, 'lærerne')).toEqual([]);
    expect(await titles(ctx, 'taget')).toEqual(['Idrætshallen']);

    // A section written past the Api afterwards (as another program could): the database notes it.
    const item = (await call(ctx, 'search.items', { query: 'taget' })).hits[0]!;
    await sql`INSERT INTO item_sections (id, item_id, position, kind, body) VALUES (${'5e0c1b7a-2f3d-4c8e-9b6a-7d1e0f2a3b4c'}, ${item.itemId}, 1, 'economy', 'Prisen er anslået til tre millioner.')`.execute(ctx.store.db);
    expect(await titles(ctx, 'millioner')).toEqual(['Idrætshallen']);
  });

  test('a failed import leaves the notes of later rows in place', async () => {
    const ctx = testContext();
    const before = insertTriggers(ctx);
    // The second item votes by a member the committee does not have: the whole import is refused.
    const bad = doc([{ title: 'Legepladsen', body: 'Gyngerne er slidte.' }]);
    bad.committees[0]!.meetings[0]!.items.push({ title: 'Busruten', decision: { outcome: 'approved', votes: { for: ['z'], against: [], abstained: [] } } });
    await expect(call(ctx, 'exchange.import', { document: bad })).rejects.toThrow(/"z"/);
    expect(insertTriggers(ctx)).toEqual(before);
    expect(await titles(ctx, 'gyngerne')).toEqual([]);

    await call(ctx, 'exchange.import', { document: doc([{ title: 'Idrætshallen', body: 'Taget skal udskiftes.' }]) });
    const item = (await call(ctx, 'search.items', { query: 'taget' })).hits[0]!;
    await sql`INSERT INTO item_sections (id, item_id, position, kind, body) VALUES (${'5e0c1b7a-2f3d-4c8e-9b6a-7d1e0f2a3b4c'}, ${item.itemId}, 1, 'economy', 'Prisen er anslået til tre millioner.')`.execute(ctx.store.db);
    expect(await titles(ctx, 'millioner')).toEqual(['Idrætshallen']);
  });
});
