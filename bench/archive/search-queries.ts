// The search benches' query kinds, each as Referent's search takes it and as naive FTS5 does, and
// the naive baseline itself: one FTS5 table over the same text, ranked by bm25 with snippet().
import type BetterSqlite3 from 'better-sqlite3';
import { PLANTED } from './generate';

/** [kind, our query, the naive FTS5 query] */
export type SearchQuery = [kind: string, ours: string, naive: string];

/** A case number from the middle of the archive, so that it is neither the oldest nor the newest. */
export function middleCaseNumber(db: BetterSqlite3.Database, items: number): string {
  return db.prepare('SELECT case_number FROM items WHERE case_number IS NOT NULL AND role IS NULL LIMIT 1 OFFSET ?').pluck().get(Math.floor(items / 2)) as string;
}

/** Every kind; `shortest prefix` is the costliest for naive FTS5 (bm25 over most of the archive). */
export function searchQueries(caseNumber: string): SearchQuery[] {
  return [
    ['rare word', PLANTED.rare, `"${PLANTED.rare}"`],
    ['common word', 'kommunen', '"kommunen"'],
    ['prefix', 'digitalis', '"digitalis"*'],
    ['short prefix', 'kommu', '"kommu"*'],
    ['shortest prefix', 'kom', '"kom"*'],
    ['phrase', `"${PLANTED.phrase}"`, `"${PLANTED.phrase}"`],
    ['case number', caseNumber, `"${caseNumber.replace('/', ' ')}"`],
    ['stem', PLANTED.stemForms[0]!, `"${PLANTED.stemForms[0]}"`],
  ];
}

/** Builds the naive table in a database holding the items and their sections (`prefix`: an attached schema, e.g. 'a.'). */
export const naiveTableSql = (prefix = ''): string => `CREATE VIRTUAL TABLE naive USING fts5(item_id UNINDEXED, title, case_number, body, tokenize = 'unicode61 remove_diacritics 0');
  INSERT INTO naive SELECT i.id, i.title, coalesce(i.case_number, ''), coalesce((SELECT group_concat(body, char(10)) FROM ${prefix}item_sections s WHERE s.item_id = i.id), '') FROM ${prefix}items i;`;

/** The naive search: `?` the FTS5 query, `?` the page size. */
export const NAIVE_QUERY = "SELECT item_id, snippet(naive, -1, '[[', ']]', ' … ', 12) AS s FROM naive WHERE naive MATCH ? ORDER BY bm25(naive) LIMIT ?";
