// PostgreSQL's SearchIndex: one row per item in search_documents, filled from the same ItemText and
// the same words as the file's FTS5 index (core/search/analysis.ts splits the text, so both
// dialects see the same words; PostgreSQL's parser only meets them one by one). The row's vectors
// (migration 0140 says why each is stored where it is):
//   lex     the words as written (configuration referent_words, no stemming), without positions:
//           words and prefixes are matched here
//   stems   PostgreSQL's Danish Snowball stems (configuration referent_danish, which keeps stop
//           words: the built-in danish drops og, for, i …, which the file's index keeps), no positions
//   titles  the title (weight A) and case number (B), with positions: title matches, title phrases
//   words   the whole text with positions, A title, B case number, D body: a phrase is confirmed
//           here, only in rows where lex holds all of its words
// Case numbers are matched exactly on their own column. Triggers mark changed items in
// search_pending (postgres/baseline.ts) exactly as on the file; refresh() re-indexes them.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database';
import { batches } from '../batches';
import { caseToken, words } from '../../search/analysis';
import { bodyText, loadItemTexts } from '../../search/item-text';
import { MIN_PREFIX, type Term } from '../../search/query';
import { prefixExpansions, type Expansions } from '../prefix-words';
import { notedRowByRow, SEARCH_COUNT_CAP, type IndexAnswer, type IndexQuery, type SearchFilters, type SearchIndex } from '../../search/search-index';

/** A word as one tsquery lexeme: quoted, so that no letter of it is read as an operator. */
const lexeme = (w: string): string => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/** The words of a text joined by spaces: what PostgreSQL's configurations are given to index. */
const joined = (text: string): string => words(text).join(' ');

const anyOf = (alternatives: string[]): string => alternatives.map((a) => `(${a})`).join(' | ');
const allOf = (ws: string[]): string => ws.map(lexeme).join(' & ');

/**
 * One term as a tsquery over `words`/`stems`, or as an exact case number, meaning what the file's
 * FTS5 expression means (sqlite/fts5-search-index.ts). `titleOnly` asks for a match in the title or
 * case number (those items are listed first).
 */
function termCondition(t: Term, titleOnly: boolean, expanded: Expansions): RawBuilder<boolean> {
  if (t.kind === 'case') {
    const exact = sql<boolean>`d.case_token = ${t.parts.join('\u01c0')}`;
    if (titleOnly) return exact;
    const phrase = (weight: string) => t.parts.map((p) => `${lexeme(p)}:${weight}`).join(' <-> ');
    return sql<boolean>`(${exact} OR (d.lex @@ ${allOf(t.parts)}::tsquery AND d.words @@ ${anyOf([phrase('A'), phrase('D')])}::tsquery))`;
  }
  if (t.kind === 'phrase') {
    const lasts = [t.words.at(-1)!, ...(t.prefix ? (expanded.get(t) ?? []).filter((w) => w !== t.words.at(-1)) : [])];
    const phrases = (weights: string[]) => anyOf(weights.flatMap((weight) => lasts.map((last) => [...t.words.slice(0, -1), last].map((w) => `${lexeme(w)}:${weight}`).join(' <-> '))));
    if (titleOnly) return sql<boolean>`d.titles @@ ${phrases(['A'])}::tsquery`;
    // Every word of the phrase somewhere in the item (lex, in the row, through its index) before
    // their places are read from the whole text, out of line.
    const all = [...t.words.slice(0, -1).map(lexeme), `(${lasts.map(lexeme).join(' | ')})`].join(' & ');
    return sql<boolean>`(d.lex @@ ${all}::tsquery AND d.words @@ ${phrases(['A', 'D'])}::tsquery)`;
  }
  const whole = (expanded.get(t) ?? []).filter((w) => w !== t.word);
  if (titleOnly) return sql<boolean>`d.titles @@ ${anyOf([t.word, ...whole].map(lexeme))}::tsquery`;
  // As on the file: the word as written, its stem as written, a word whose stem it is, any word of
  // the same stem (PostgreSQL's Danish stemmer on both sides), or a whole word it is the prefix of.
  const asWritten = anyOf([t.word, t.stem, ...whole].map(lexeme));
  return sql<boolean>`(d.lex @@ ${asWritten}::tsquery OR d.stems @@ (${lexeme(t.word)}::tsquery || to_tsquery('referent_danish', ${lexeme(t.word)})))`;
}

function whereOf(terms: readonly Term[], filters: SearchFilters, titleOnly: boolean, expanded: Expansions): RawBuilder<boolean> {
  const parts = terms.map((t) => termCondition(t, titleOnly, expanded));
  if (filters.committeeId) parts.push(sql<boolean>`d.committee_id = ${filters.committeeId}`);
  // A signed-in account's committees: a handful, never the archive's whole list.
  if (filters.committeeIds) parts.push(sql<boolean>`d.committee_id IN (${sql.join(filters.committeeIds)})`);
  if (filters.outcome) parts.push(sql<boolean>`d.outcome = ${filters.outcome}`);
  if (filters.access) parts.push(sql<boolean>`d.access = ${filters.access}`);
  if (filters.year !== undefined) parts.push(sql<boolean>`d.start >= ${`${filters.year}-01-01`} AND d.start < ${`${filters.year + 1}-01-01`}`);
  return sql.join(parts, sql` AND `) as RawBuilder<boolean>;
}

/**
 * The items matching in the title or case number (up to `firstLimit`) and all items matching (up
 * to `allLimit`), each list newest meeting first (by the minute it starts), then in agenda order:
 * the file's order. search_documents_order holds that order, so that a common word reads its first
 * rows in that order and stops at the limit. One statement: one round trip to the server.
 */
async function idsOf(db: Db, first: RawBuilder<boolean>, firstLimit: number, all: RawBuilder<boolean>, allLimit: number): Promise<{ first: string[]; all: string[] }> {
  const ordered = (where: RawBuilder<boolean>, limit: number) => sql`
    SELECT d.item_id, left(d.start, 16) AS minute, d.meeting_id, d.position FROM search_documents d WHERE ${where}
    ORDER BY left(d.start, 16) DESC, d.meeting_id, d.position LIMIT ${limit}`;
  const rows = await sql<{ item_id: string; first: boolean }>`
    SELECT item_id, true AS first, minute, meeting_id, position FROM (${ordered(first, firstLimit)}) f
    UNION ALL SELECT item_id, false, minute, meeting_id, position FROM (${ordered(all, allLimit)}) a
    ORDER BY first DESC, minute DESC, meeting_id, position`.execute(db);
  const out = { first: [] as string[], all: [] as string[] };
  for (const r of rows.rows) (r.first ? out.first : out.all).push(r.item_id);
  return out;
}

/** Items indexed in one refresh (an import, a migration) after which the index is tidied at once. */
const MAINTAIN_AFTER = 500;

/**
 * After many rows at once: a GIN index first writes new entries to its pending list, which every
 * query then reads through whole (4 MB of it after an import: a search for one absent word read
 * 500 pages) until autovacuum merges it, and the planner knows nothing of the new rows until
 * autovacuum analyses them. Both done now, so the first search after an import uses the index.
 */
async function maintain(db: Db): Promise<void> {
  await sql`SELECT gin_clean_pending_list('search_documents_lex'::regclass), gin_clean_pending_list('search_documents_stems'::regclass), gin_clean_pending_list('search_documents_titles'::regclass)`.execute(db);
  await sql`ANALYZE search_documents`.execute(db);
}

export const pgSearchIndex: SearchIndex = {
  // The server's triggers note rows in the server's own time; an import's notes stay row by row.
  bulkInsert: notedRowByRow,

  async refresh(db) {
    const pending = await sql<{ item_id: string }>`SELECT item_id FROM search_pending`.execute(db);
    if (pending.rows.length === 0) return 0;
    let indexed = 0;
    for (const batch of batches(pending.rows.map((r) => r.item_id))) {
      const texts = await loadItemTexts(db, batch);
      await sql`DELETE FROM search_documents WHERE item_id IN (${sql.join(batch)})`.execute(db);
      for (const slice of batches([...texts.values()], 100)) {
        // The meeting and position from the item's row; each text's vectors made once, in the server.
        await sql`INSERT INTO search_documents (item_id, start, committee_id, meeting_id, position, outcome, access, case_token, titles, lex, words, stems)
          SELECT v.item_id, v.start, v.committee_id, i.meeting_id, i.position, v.outcome, v.access, v.case_token, t.titles, strip(t.titles || t.body), t.titles || t.body,
            strip(to_tsvector('referent_danish', v.title) || to_tsvector('referent_danish', v.body))
          FROM (VALUES ${sql.join(
            slice.map((t) => sql`(${t.itemId}, ${t.start}, ${t.committeeId}, ${t.decision?.outcome ?? null}, ${t.access}, ${t.caseNumber ? caseToken(t.caseNumber) : null}, ${joined(t.title)}, ${t.caseNumber ? joined(t.caseNumber) : ''}, ${joined(bodyText(t))})`),
          )}) AS v(item_id, start, committee_id, outcome, access, case_token, title, case_words, body)
          JOIN items i ON i.id = v.item_id
          CROSS JOIN LATERAL (SELECT setweight(to_tsvector('referent_words', v.title), 'A') || setweight(to_tsvector('referent_words', v.case_words), 'B') AS titles,
            to_tsvector('referent_words', v.body) AS body) t`.execute(db);
        indexed += slice.length;
      }
      // The words met, each once, for prefixes (as the file's search_words).
      const met = new Set<string>();
      for (const t of texts.values()) for (const w of words(`${t.title}\n${bodyText(t)}`)) if (w.length >= MIN_PREFIX) met.add(w);
      for (const slice of batches(met)) await sql`INSERT INTO search_words (word) VALUES ${sql.join(slice.map((w) => sql`(${w})`))} ON CONFLICT DO NOTHING`.execute(db);
      await db.deleteFrom('search_pending').where('item_id', 'in', batch).execute();
    }
    if (indexed >= MAINTAIN_AFTER) await maintain(db);
    return indexed;
  },

  async query(db, { terms, filters, offset, limit }: IndexQuery): Promise<IndexAnswer> {
    if (terms.length === 0) return { itemIds: [], total: 0, more: false };
    const expanded = await prefixExpansions(db, terms);
    const { first, all } = await idsOf(db, whereOf(terms, filters, true, expanded), offset + limit, whereOf(terms, filters, false, expanded), SEARCH_COUNT_CAP + 1);
    const more = all.length > SEARCH_COUNT_CAP;
    const total = Math.min(all.length, SEARCH_COUNT_CAP);
    const seen = new Set(first);
    const page = [...first, ...all.slice(0, SEARCH_COUNT_CAP).filter((id) => !seen.has(id))].slice(offset, offset + limit);
    return { itemIds: page, total, more };
  },
};
