// SQLite chooses a prefix's shortest words inside the database (sqliteWordsStartingWith); it must
// choose what the portable query, ordered in JavaScript, chooses: the same words in the same order,
// past the 2,000 words read per prefix, among words of equal length, and with æ, ø, å and
// characters outside the BMP.
import { afterEach, describe, expect, test } from 'vitest';
import { tempStore } from '../../../tests/helpers/store';
import { sqliteWordsStartingWith, wordsStartingWith } from './prefix-words';

const stores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('a prefix chosen inside SQLite', () => {
  test('stands for the same words in the same order as the portable query', async () => {
    const store = tempStore();
    stores.push(store);
    let seed = 3;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letters = [...'abcdeklmnorstuvæøå', '𝔘', '中'];
    const words = new Set<string>(['kom', 'komme', 'kommune', 'kommunen', 'skole', 'skolen', 'ærø', 'ærøskøbing', 'øst', 'østerå', 'å', 'åen']);
    // 3,000 words under "kom" (past the 2,000 read per prefix), many of equal length.
    for (let i = 0; i < 3000; i++) words.add(`kom${Array.from({ length: 1 + Math.floor(next() * 8) }, () => letters[Math.floor(next() * letters.length)]).join('')}`);
    for (let i = 0; i < 3000; i++) words.add(`${letters[Math.floor(next() * letters.length)]}${Array.from({ length: 2 + Math.floor(next() * 6) }, () => letters[Math.floor(next() * letters.length)]).join('')}`);
    const insert = store.sqlite.prepare('INSERT OR IGNORE INTO search_words (word) VALUES (?)');
    for (const w of words) insert.run(w);
    const prefixes = ['kom', 'komm', 'komu', 'kom𝔘', 'skol', 'ærø', 'øst', 'åen', 'ab', 'æ', 'ø', 'å', '中', 'zzz', ...[...words].slice(0, 200).map((w) => w.slice(0, 3))];
    for (const p of prefixes) expect(await sqliteWordsStartingWith(store.db, p), p).toEqual(await wordsStartingWith(store.db, p));
    expect(await sqliteWordsStartingWith(store.db, 'ærøs')).toContain('ærøskøbing');
    expect((await sqliteWordsStartingWith(store.db, 'kom')).length).toBe(40);
  });
});
