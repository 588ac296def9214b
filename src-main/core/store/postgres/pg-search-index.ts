// PostgreSQL's SearchIndex: one row per item in search_documents with two tsvectors, filled from
// the same ItemText and the same words as the file's FTS5 index (core/search/analysis.ts splits
// the text, so both dialects see the same words; PostgreSQL's parser only meets them one by one):
//   words  the words as written (configuration referent_words, no stemming), weighted by field:
//          A title, B case number, D body; phrases are matched here (<->), prefixes too (:*)
//   stems  PostgreSQL's Danish Snowball stems (configuration referent_danish, which keeps stop
//          words: the built-in danish drops og, for, i …, which the file's index keeps), A title, D body
// Case numbers are matched exactly on their own column. Triggers mark changed items in
// search_pending (postgres/baseline.ts) exactly as on the file; refresh() re-indexes them.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database';
import { batches } from '../batches';
import { caseToken, words } from '../../search/analysis';
import { bodyText, loadItemTexts } from '../../search/item-text';
import { MIN_PREFIX, type Term } from '../../search/query';
import { prefixExpansions, type Expansions } from '../prefix-words';
import { SEARCH_COUNT_CAP, type IndexAnswer, type IndexQuery, type SearchFilters, type SearchIndex } from '../../search/search-index';

/** A word as one tsquery lexeme: quoted, so that no letter of it is read as an operator. */
const lexeme = (w: string): string => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/** The words of a text joined by spaces: what PostgreSQL's configurations are given to index. */
const joined = (text: string): string => words(text).join(' ');

const anyOf = (alternatives: string[]): string => alternatives.map((a) => `(${a})`).join(' | ');

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
    return sql<boolean>`(${exact} OR d.words @@ ${anyOf([phrase('A'), phrase('D')])}::tsquery)`;
  }
  if (t.kind === 'phrase') {
    const weights = titleOnly ? ['A'] : ['A', 'D'];
    const lasts = [t.words.at(-1)!, ...(t.prefix ? (expanded.get(t) ?? []).filter((w) => w !== t.words.at(-1)) : [])];
    const phrases = weights.flatMap((weight) => lasts.map((last) => [...t.words.slice(0, -1), last].map((w) => `${lexeme(w)}:${weight}`).join(' <-> ')));
    return sql<boolean>`d.words @@ ${anyOf(phrases)}::tsquery`;
  }
  const whole = (expanded.get(t) ?? []).filter((w) => w !== t.word);
  if (titleOnly) return sql<boolean>`d.words @@ ${anyOf([t.word, ...whole].map((w) => `${lexeme(w)}:AB`))}::tsquery`;
  // As on the file: the word as written, its stem as written, a word whose stem it is, any word of
  // the same stem (PostgreSQL's Danish stemmer on both sides), or a whole word it is the prefix of.
  const asWritten = anyOf([t.word, t.stem, ...whole].map(lexeme));
  return sql<boolean>`(d.words @@ ${asWritten}::tsquery OR d.stems @@ ${lexeme(t.word)}::tsquery OR d.stems @@ to_tsquery('referent_danish', ${lexeme(t.word)}))`;
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

/** Items matching, newest meeting first (by the minute it starts), then in agenda order: the file's order. */
async function idsOf(db: Db, where: RawBuilder<boolean>, limit: number): Promise<string[]> {
  const rows = await sql<{ item_id: string }>`
    SELECT d.item_id FROM search_documents d JOIN items i ON i.id = d.item_id
    WHERE ${where}
    ORDER BY left(d.start, 16) DESC, i.meeting_id, i.position
    LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.item_id);
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
  await sql`SELECT gin_clean_pending_list('search_documents_words'::regclass), gin_clean_pending_list('search_documents_stems'::regclass)`.execute(db);
  await sql`ANALYZE search_documents`.execute(db);
}

export const pgSearchIndex: SearchIndex = {
  async refresh(db) {
    const pending = await sql<{ item_id: string }>`SELECT item_id FROM search_pending`.execute(db);
    if (pending.rows.length === 0) return 0;
    let indexed = 0;
    for (const batch of batches(pending.rows.map((r) => r.item_id))) {
      const texts = await loadItemTexts(db, batch);
      await sql`DELETE FROM search_documents WHERE item_id IN (${sql.join(batch)})`.execute(db);
      for (const slice of batches([...texts.values()], 100)) {
        await sql`INSERT INTO search_documents (item_id, start, committee_id, outcome, access, case_token, words, stems) VALUES ${sql.join(
          slice.map((t) => {
            const body = joined(bodyText(t));
            const title = joined(t.title);
            const caseWords = t.caseNumber ? joined(t.caseNumber) : '';
            return sql`(${t.itemId}, ${t.start}, ${t.committeeId}, ${t.decision?.outcome ?? null}, ${t.access}, ${t.caseNumber ? caseToken(t.caseNumber) : null},
              setweight(to_tsvector('referent_words', ${title}), 'A') || setweight(to_tsvector('referent_words', ${caseWords}), 'B') || to_tsvector('referent_words', ${body}),
              setweight(to_tsvector('referent_danish', ${title}), 'A') || to_tsvector('referent_danish', ${body}))`;
          }),
        )}`.execute(db);
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
    const all = await idsOf(db, whereOf(terms, filters, false, expanded), SEARCH_COUNT_CAP + 1);
    const more = all.length > SEARCH_COUNT_CAP;
    const total = Math.min(all.length, SEARCH_COUNT_CAP);
    const first = all.length > 0 ? await idsOf(db, whereOf(terms, filters, true, expanded), offset + limit) : [];
    const seen = new Set(first);
    const page = [...first, ...all.slice(0, SEARCH_COUNT_CAP).filter((id) => !seen.has(id))].slice(offset, offset + limit);
    return { itemIds: page, total, more };
  },
};
