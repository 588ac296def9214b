// Search at archive scale keeps its promises: title and case-number matches come first however
// many items say the word in their text (read from a table of titles of their own, migration
// 0080, which a store indexed before it gets filled), and a snippet shows the first place where
// all the terms stand together, cut from the middle of a long text.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore, SCHEMA_VERSION } from '../../src-main/core/store/open';
import { searchTitles } from '../../src-main/core/store/migrations/0080-search-titles';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempDir, testContext } from '../helpers/store';

type Ctx = ReturnType<typeof testContext>;
const search = (ctx: Ctx, query: string, more: Record<string, unknown> = {}) => call(ctx, 'search.items', { query, ...more });
const titles = async (ctx: Ctx, query: string, more: Record<string, unknown> = {}) => (await search(ctx, query, more)).hits.map((h) => h.title);

/** Two committees; 40 meetings of the first say "vandløbet" in every item's text, one old item of each has it in its title. */
const archive = (): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Teknik- og Miljøudvalget',
      shortName: 'TMU',
      numbering: 'per-meeting',
      members: [],
      meetings: [
        { start: '2019-03-05T15:00', items: [{ title: 'Vandløbet ved Gram', caseNumber: '19/2244', sections: [{ kind: 'summary', body: 'Oprensning.' }], decision: { outcome: 'approved' } }] },
        ...Array.from({ length: 40 }, (_, m) => ({
          start: `${2021 + Math.floor(m / 11)}-${String((m % 11) + 1).padStart(2, '0')}-07T15:00`,
          items: Array.from({ length: 10 }, (_, i) => ({ title: `Punkt ${m}.${i}`, sections: [{ kind: 'summary' as const, body: `Vandløbet ved skolen er nævnt i sag ${m}.${i}.` }] })),
        })),
      ],
    },
    {
      name: 'Økonomiudvalget',
      shortName: 'ØU',
      numbering: 'per-meeting',
      members: [],
      meetings: [{ start: '2018-02-06T14:00', items: [{ title: 'Vandløbsloven og budgettet', caseNumber: '18/77', sections: [{ kind: 'summary', body: 'Udgifter.' }], decision: { outcome: 'rejected' } }] }],
    },
  ],
});

describe('title and case-number matches first, at any size', () => {
  test('an old title match leads 400 newer text matches; filters, prefixes and case numbers alike', async () => {
    const ctx = testContext();
    await call(ctx, 'exchange.import', { document: archive() });
    const all = await search(ctx, 'vandløbet');
    expect(all.total).toBe(401);
    expect(all.hits.slice(0, 3).map((h) => h.title)).toEqual(['Vandløbet ved Gram', 'Punkt 39.0', 'Punkt 39.1']);
    // The prefix being typed finds both titles first, newest first, then the text.
    expect((await titles(ctx, 'vandløb')).slice(0, 3)).toEqual(['Vandløbet ved Gram', 'Vandløbsloven og budgettet', 'Punkt 39.0']);
    const committees = await call(ctx, 'committees.list', {});
    const ou = committees.find((c) => c.shortName === 'ØU')!.id;
    expect(await titles(ctx, 'vandløb', { committeeId: ou })).toEqual(['Vandløbsloven og budgettet']);
    expect(await titles(ctx, 'vandløb', { outcome: 'rejected' })).toEqual(['Vandløbsloven og budgettet']);
    expect((await titles(ctx, 'vandløbet', { year: 2019 }))).toEqual(['Vandløbet ved Gram']);
    expect((await titles(ctx, 'vandløbet', { year: 2022 })).slice(0, 2)).toEqual(['Punkt 21.0', 'Punkt 21.1']);
    const byCase = (await search(ctx, '19/2244')).hits;
    expect(byCase.map((h) => [h.title, h.matchedIn])).toEqual([['Vandløbet ved Gram', 'caseNumber']]);
    // A renamed item leaves the titles' table with its old title.
    await call(ctx, 'agenda.updateItem', { itemId: all.hits[0]!.itemId, title: 'Oprensning ved Gram' });
    expect((await titles(ctx, 'vandløbet')).slice(0, 2)).toEqual(['Punkt 39.0', 'Punkt 39.1']);
    expect(await titles(ctx, 'oprensning')).toEqual(['Oprensning ved Gram']);
  });

  test('a store indexed before the titles had a table of their own gets one filled from its items', async () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const before = testContext(openSqliteStore(file));
    await call(before, 'exchange.import', { document: archive() });
    await before.store.close();
    const raw = new BetterSqlite3(file);
    // Back to version 7: without the titles' table, and without what later versions added (0090's versions and author, 0100's checkouts, 0110's proposals, 0120's accounts, 0160's notes of reordered meetings).
    raw.exec(`DROP TRIGGER items_search_position; DROP TABLE search_rekey; DROP TABLE sessions; DROP TABLE account_roles; DROP TABLE accounts; DROP TABLE proposals; DROP TABLE item_titles; DROP TABLE checkouts; ALTER TABLE items DROP COLUMN version; ALTER TABLE meetings DROP COLUMN version; ALTER TABLE change_log DROP COLUMN author; PRAGMA user_version = ${searchTitles.version - 1}`);
    raw.close();

    const ctx = testContext(openSqliteStore(file));
    expect(ctx.store.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ctx.store.sqlite.prepare('SELECT count(*) FROM item_titles').pluck().get()).toBe(402);
    expect((await titles(ctx, 'vandløb')).slice(0, 3)).toEqual(['Vandløbet ved Gram', 'Vandløbsloven og budgettet', 'Punkt 39.0']);
    expect(await titles(ctx, '18/77')).toEqual(['Vandløbsloven og budgettet']);
    expect(await titles(ctx, 'vandløb', { outcome: 'rejected' })).toEqual(['Vandløbsloven og budgettet']);
    await ctx.store.close();
  });
});

describe('a snippet from a long text', () => {
  const filler = (n: number): string => 'Udvalget drøftede sagen. '.repeat(n);
  const doc = (body: string): ReferentDocument => ({
    format: 'referent/v1',
    committees: [{ name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting', members: [], meetings: [{ start: '2026-03-03T15:00', items: [{ title: 'Vedligehold', sections: [{ kind: 'presentation', body }] }] }] }],
  });

  test('shows the first place where all the terms stand together, with the text around it cut off', async () => {
    const ctx = testContext();
    const body = `${filler(100)}Vandløbet er smalt.\n\n${filler(100)}Vandløbet ved **skolen** renses i foråret, og broen males. ${filler(100)}Skolen og vandløbet igen.`;
    await call(ctx, 'exchange.import', { document: doc(body) });
    const [hit] = (await search(ctx, 'vandløbet skolen ')).hits;
    expect(hit!.snippet).toBe('… Udvalget drøftede sagen. [[Vandløbet]] ved [[skolen]] renses i foråret, og broen males. Udvalget drøftede sagen. Udvalget …');
    expect(hit!.matchedIn).toBe('section');
    // One term: its first place.
    expect((await search(ctx, 'smalt ')).hits[0]!.snippet).toBe('… sagen. Vandløbet er [[smalt]]. Udvalget drøftede sagen. Udvalget drøftede sagen. Udvalget drøftede sagen. Udvalget drøftede sagen …');
    // Only the title matched: the start of the text.
    expect((await search(ctx, 'vedligehold ')).hits[0]!.snippet).toBe('Udvalget drøftede sagen. Udvalget drøftede sagen. Udvalget drøftede sagen. Udvalget drøftede sagen. Udvalget drøftede sagen. Udvalget …');
  });
});
