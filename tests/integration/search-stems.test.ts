// A word finds its inflections (`ambassadør` finds "ambassadørerne") however the words reached the
// index: cut in JavaScript by a save, or read from FTS5's own term list after a bulk import; and a
// file indexed when the index kept a column of stems finds them after migration 0150 as before.
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore, openStore, type SqliteStore } from '../../src-main/core/store/open';
import { serverSearchFiles } from '../../src-main/core/store/migrations/0140-server-search-files';
import { stemOf, words } from '../../src-main/core/search/analysis';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempDir, testContext, testDialect } from '../helpers/store';

type Ctx = ReturnType<typeof testContext>;
const titles = async (ctx: Ctx, query: string): Promise<string[]> => (await call(ctx, 'search.items', { query, limit: 50 })).hits.map((h) => h.title).sort();

const BODIES = ['Ambassadørerne fra Norden kommer på besøg.', 'Vi skal høre kommunernes svar.', 'Budgettet for vejene lægges frem.', 'Skolerne får nye lokaler.'];

/** `meetings` meetings of 100 items each; each item titled by its meeting and place. */
function archive(meetings: number): ReferentDocument {
  return {
    format: 'referent/v1',
    committees: [
      {
        name: 'Teknik- og Miljøudvalget',
        numbering: 'per-meeting',
        members: [],
        meetings: Array.from({ length: meetings }, (_, m) => ({
          start: `${2010 + Math.floor(m / 11)}-${String((m % 11) + 1).padStart(2, '0')}-07T15:00`,
          items: Array.from({ length: 100 }, (_, i) => ({ title: `Punkt ${m}.${i}`, sections: [{ kind: 'summary' as const, body: BODIES[(m + i) % BODIES.length]! }] })),
        })),
      },
    ],
  };
}

/** What search_words should hold after indexing these texts: each word of three letters or more, with its stem where that differs. */
function expectedWords(texts: string[]): [string, string | null][] {
  const all = new Set(texts.flatMap((t) => words(t, 3)));
  return [...all].sort().map((w) => [w, stemOf(w) === w ? null : stemOf(w)]);
}

const wordList = (ctx: Ctx): [string, string | null][] =>
  (ctx.store.sqlite.prepare('SELECT word, stem FROM search_words ORDER BY word').raw().all() as [string, string | null][]);

describe('a word finds its inflections through the word list', () => {
  test('after a bulk import (words from the index) and after a save (words cut by the refresh)', async () => {
    const ctx = testContext();
    // 2,100 items: past the size at which a refresh reads the new words from the index.
    await call(ctx, 'exchange.import', { document: archive(21) });
    const ambassadors = await titles(ctx, 'ambassadør');
    expect(ambassadors).toHaveLength(50);
    expect((await call(ctx, 'search.items', { query: 'ambassadør' })).total).toBe(525);
    expect((await call(ctx, 'search.items', { query: 'kommune' })).total).toBe(525);
    // æ/ø/å stay letters of their own: "ambassador" is another word.
    expect(await titles(ctx, 'ambassador')).toEqual([]);
    if (testDialect === 'sqlite') {
      expect(wordList(ctx)).toEqual(expectedWords([...BODIES, ...Array.from({ length: 21 }, (_, m) => Array.from({ length: 100 }, (_, i) => `Punkt ${m}.${i}`).join(' '))]));
    }

    // A save indexes one item: its new words and their stems are noted by the refresh itself.
    const hit = (await call(ctx, 'search.items', { query: '"Punkt 20.1"' })).hits[0]!;
    await call(ctx, 'agenda.updateItem', { itemId: hit.itemId, title: 'Ambassadørens bolig' });
    expect(await titles(ctx, 'bolig')).toEqual(['Ambassadørens bolig']);
    expect((await call(ctx, 'search.items', { query: 'ambassadør' })).total).toBe(526);
    expect((await call(ctx, 'search.items', { query: 'ambassadørerne' })).total).toBe(526);
    if (testDialect === 'sqlite') {
      expect(ctx.store.sqlite.prepare("SELECT stem FROM search_words WHERE word = 'ambassadørens'").pluck().get()).toBe(stemOf('ambassadørens'));
    }
  });

  test('a file indexed with a column of stems (schema 14) finds the same after migration 0150, with no such column left', async () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const old = testContext(openSqliteStore(file, { targetVersion: serverSearchFiles.version }));
    await call(old, 'exchange.import', { document: archive(2) });
    // The index as schema 14 kept it: an item's words, and their stems in a column of their own.
    old.store.sqlite.prepare("INSERT INTO item_search (rowid, title, case_number, body, stems, facets) VALUES (7, 'Besøg', '', 'Ambassadørerne fra Norden', 'ambassadør', '')").run();
    old.store.sqlite.prepare("INSERT INTO search_words (word) VALUES ('ambassadørerne'), ('norden')").run();
    await old.store.close();

    const ctx = testContext(openSqliteStore(file));
    const columns = ctx.store.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('item_search');
    expect(columns).toEqual(['title', 'case_number', 'body', 'facets']);
    expect(ctx.store.sqlite.prepare("SELECT word, stem FROM search_words WHERE word IN ('ambassadørerne', 'norden') ORDER BY word").raw().all()).toEqual([
      ['ambassadørerne', stemOf('ambassadørerne')],
      ['norden', stemOf('norden') === 'norden' ? null : stemOf('norden')],
    ]);
    expect((await call(ctx, 'search.items', { query: 'ambassadør' })).total).toBe(50);
    expect((await call(ctx, 'search.items', { query: 'skolerne' })).total).toBe(50);
    expect((await call(ctx, 'search.items', { query: 'skole' })).total).toBe(50);
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM search_keys`.execute(ctx.store.db)).rows[0]!.n)).toBe(200);
    await ctx.store.close();
  });

  test('the archive is indexed again when the file opens, and a command that only reads (referent search) finds the hits, not a refusal to write', async () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const old = testContext(openSqliteStore(file, { targetVersion: serverSearchFiles.version }));
    await call(old, 'exchange.import', { document: archive(2) });
    await old.store.close();

    // Opened only to read, as `referent search` opens it: brought up to date by a writing open first.
    const reader = testContext((await openStore(file, { readOnly: true })) as SqliteStore);
    expect(reader.store.readOnly).toBe(true);
    expect((await call(reader, 'search.items', { query: 'ambassadør' })).total).toBe(50);
    expect(reader.store.sqlite.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    await reader.store.close();

    // Notes left by a write whose refresh did not run (a crash between them) are indexed at the next open.
    const raw = openSqliteStore(file);
    raw.sqlite.prepare("UPDATE items SET title = 'Ambassadørens bolig' WHERE id = (SELECT id FROM items ORDER BY id LIMIT 1)").run();
    expect(raw.sqlite.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(1);
    await raw.close();
    const next = testContext((await openStore(file)) as SqliteStore);
    expect(next.store.sqlite.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    expect(await titles(next, 'bolig')).toEqual(['Ambassadørens bolig']);
    await next.store.close();
  });
});
