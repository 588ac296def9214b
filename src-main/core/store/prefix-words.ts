// The whole words a prefix being typed stands for, read from the index's word list (search_words),
// which both dialects keep alike: one place, so the file and the server expand a prefix the same way.
import { sql } from 'kysely';
import type { Db } from './database';
import type { Term } from '../search/query';

/** A prefix stands for at most this many whole words: the shortest that start with it. */
const PREFIX_WORDS = 40;
/** Words read from search_words per prefix, at most (a two- or three-letter prefix starts thousands). */
const PREFIX_SCAN = 2000;

/** The shortest words of the index that start with `prefix` (the prefix itself, if it is a word, among them). */
export async function wordsStartingWith(db: Db, prefix: string): Promise<string[]> {
  const rows = await sql<{ word: string }>`SELECT word FROM search_words WHERE word >= ${prefix} AND word < ${`${prefix}\u{10ffff}`} LIMIT ${PREFIX_SCAN}`.execute(db);
  return rows.rows
    .map((r) => r.word)
    .sort(byLengthThenWord)
    .slice(0, PREFIX_WORDS);
}

const byLengthThenWord = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : 1);

/**
 * The same words, chosen inside SQLite: the words of a short prefix are ordered and cut there, so
 * 40 rows reach JavaScript instead of up to 2,000 (at 250,000 items `kom` starts 1,700 words, a
 * third of a prefix search's time and most of what it allocated). SQLite's length() and binary
 * order count a character outside the BMP as one and JavaScript as two, so twice the words are
 * taken there and ordered here: the same choice for every word of the BMP (all Danish ones).
 */
export async function sqliteWordsStartingWith(db: Db, prefix: string): Promise<string[]> {
  const rows = await sql<{ word: string }>`
    SELECT word FROM (SELECT word FROM search_words WHERE word >= ${prefix} AND word < ${`${prefix}\u{10ffff}`} LIMIT ${PREFIX_SCAN})
    ORDER BY length(word), word LIMIT ${2 * PREFIX_WORDS}`.execute(db);
  return rows.rows
    .map((r) => r.word)
    .sort(byLengthThenWord)
    .slice(0, PREFIX_WORDS);
}

/** The whole words a term's prefix stands for (none when the term is not being typed). */
export type Expansions = ReadonlyMap<Term, string[]>;

/** `startingWith`: how the database lists a prefix's shortest words (the portable query unless it has a faster one). */
export async function prefixExpansions(db: Db, terms: readonly Term[], startingWith = wordsStartingWith): Promise<Expansions> {
  const out = new Map<Term, string[]>();
  for (const t of terms) {
    if (t.kind === 'word' && t.prefix) out.set(t, await startingWith(db, t.word));
    if (t.kind === 'phrase' && t.prefix) out.set(t, await startingWith(db, t.words.at(-1)!));
  }
  return out;
}
