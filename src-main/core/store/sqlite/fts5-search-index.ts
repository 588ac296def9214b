// SQLite's SearchIndex: an FTS5 table without a copy of the text (contentless; snippets are cut
// from the items' own rows), one row per item, keyed so that ascending key is newest meeting
// first, then agenda order (fts5-keys.ts). Triggers (migration 0040) only note which items
// changed, in search_pending, and (0160) which meetings' positions changed; refresh() re-indexes each noted item once, however many of its rows a save touched, and a bulk import
// is indexed in one pass at the end, in key order (FTS5 writes fastest in ascending rowid), a
// round of meetings at a time so that memory holds one round, not the archive.
// The words indexed are kept once each in search_words (migration 0060): a prefix being typed is
// expanded from there to a few whole words, since FTS5's own prefix query merges the postings of
// every word that starts so, which grows with the archive. Each word's Danish stem is kept beside
// it (migration 0150), and a word searched for is expanded to the words of its stem there: the
// index itself holds the words as written only, so indexing runs no stemmer over the text. Titles and case numbers are kept once
// more in item_titles (migration 0080), keyed alike, so that "title matches first" reads their
// short lists and not every place a word has in the whole text.
import { sql } from 'kysely';
import type { Access, Outcome } from '../../../../src-shared/domain';
import type { Db } from '../database';
import { batches, IN_BATCH } from '../batches';
import { caseToken, ownCopy, stemOf, WordCache, words } from '../../search/analysis';
import { bodyText, loadItemTexts, type ItemText } from '../../search/item-text';
import { MIN_PREFIX, type Term } from '../../search/query';
import { prefixExpansions, sqliteWordsStartingWith, type Expansions } from '../prefix-words';
import { notedRowByRow, SEARCH_COUNT_CAP, type IndexAnswer, type IndexQuery, type NoteMeeting, type SearchFilters, type SearchIndex } from '../../search/search-index';
import { blockOf, planKeys, yearRange, type Placed } from './fts5-keys';

type Doc = { key: number; title: string; caseNumber: string; body: string; facets: string };

const facetOfCommittee = (id: string): string => `c${id.replace(/[^0-9a-zA-Z]/g, '').toLowerCase()}`;

type TitleFields = { title: string; caseNumber: string | null; committeeId: string; outcome: Outcome | null; access: Access };

/** The columns both tables hold alike: the title, the case number (as one token, then its parts) and the filters' facets. */
export function titleColumns(f: TitleFields): { title: string; caseNumber: string; facets: string } {
  const token = f.caseNumber ? caseToken(f.caseNumber) : null;
  return {
    title: f.title,
    caseNumber: token ? `${token} ${words(f.caseNumber!).join(' ')}` : '',
    facets: `${facetOfCommittee(f.committeeId)} o${f.outcome ?? 'none'} a${f.access}`,
  };
}

/** Words one refresh remembers having noted: up to twice this many (WordCache), so a long import cannot fill memory with them. */
const VOCABULARY_MAX = 50_000;

/** A word of search_words: the word and its stem, null where the stem is the word itself. */
type Word = { word: string; stem: string | null };

const wordOf = (own: string): Word => {
  const s = stemOf(own);
  return { word: own, stem: s === own ? null : s };
};

/**
 * The words one refresh meets in the texts it indexes: a word met for the first time is noted for
 * search_words with its stem; every later one costs a single lookup. A word met again after the
 * cache let it go is noted again (search_words ignores a word it has).
 */
class Vocabulary {
  private seen = new WordCache<true>(VOCABULARY_MAX);
  fresh: Word[] = [];

  note(text: string): void {
    for (const w of words(text, MIN_PREFIX)) {
      if (this.seen.get(w)) continue;
      const own = ownCopy(w);
      this.seen.set(own, true);
      this.fresh.push(wordOf(own));
    }
  }
}

/** The index's rows of a text; `vocabulary` notes its words (a bulk refresh takes them from the index at the end instead). */
function document(key: number, t: ItemText, vocabulary: Vocabulary | null): Doc {
  const body = bodyText(t);
  vocabulary?.note(`${t.title}\n${body}`);
  return {
    key,
    ...titleColumns({ title: t.title, caseNumber: t.caseNumber, committeeId: t.committeeId, outcome: t.decision?.outcome ?? null, access: t.access }),
    body,
  };
}

async function insertWords(db: Db, fresh: readonly Word[]): Promise<void> {
  for (const batch of batches(fresh, 400)) {
    await sql`INSERT OR IGNORE INTO search_words (word, stem) VALUES ${sql.join(batch.map((w) => sql`(${w.word}, ${w.stem})`))}`.execute(db);
  }
}

/** Words a bulk refresh stems and writes per statement: what it holds in memory at once. */
const WORDS_PER_ROUND = 5000;

/**
 * After a bulk refresh: the title and body words of the whole index that search_words lacks, read
 * from FTS5's own list of its terms (fts5vocab), which SQLite made while indexing: the texts are
 * not cut into words a second time in JavaScript. Case-number tokens (U+01C0) are left out, as
 * words shorter than a prefix. Gathered in SQLite, then stemmed a round at a time (an archive of
 * 250,000 items has 180,000 words).
 */
async function wordsFromIndex(db: Db): Promise<void> {
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.item_search_terms USING fts5vocab(main, item_search, 'col')`.execute(db);
  await sql`DROP TABLE IF EXISTS temp.new_words`.execute(db);
  await sql`
    CREATE TEMP TABLE new_words AS SELECT DISTINCT term FROM temp.item_search_terms v
    WHERE col IN ('title', 'body') AND length(term) >= ${MIN_PREFIX} AND instr(term, char(448)) = 0
      AND NOT EXISTS (SELECT 1 FROM search_words w WHERE w.word = v.term)`.execute(db);
  for (let after = 0; ; ) {
    const rows = await sql<{ n: number; term: string }>`SELECT rowid AS n, term FROM temp.new_words WHERE rowid > ${after} ORDER BY rowid LIMIT ${WORDS_PER_ROUND}`.execute(db);
    if (rows.rows.length === 0) break;
    await insertWords(db, rows.rows.map((r) => wordOf(r.term)));
    after = rows.rows.at(-1)!.n;
  }
  await sql`DROP TABLE temp.new_words`.execute(db);
}

/** The words that share a word's stem, for each word term: the other words its search finds. */
type Inflections = ReadonlyMap<Term, string[]>;

/** At most this many words per stem (a Danish noun or verb has a dozen forms). */
const STEM_WORDS = 200;

async function inflections(db: Db, terms: readonly Term[]): Promise<Inflections> {
  const out = new Map<Term, string[]>();
  for (const t of terms) {
    if (t.kind !== 'word') continue;
    const rows = await sql<{ word: string }>`SELECT word FROM search_words WHERE stem IN (${t.word}, ${t.stem}) LIMIT ${STEM_WORDS}`.execute(db);
    out.set(t, rows.rows.map((r) => r.word));
  }
  return out;
}

const q = (s: string): string => `"${s}"`;
const WORDS = '{title case_number body}';

const anyOf = (alternatives: string[]): string => (alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);

/** One term as an FTS5 expression; `titleOnly` asks for a match in the title or case number. */
function termExpression(t: Term, titleOnly: boolean, expanded: Expansions, inflected: Inflections): string {
  if (t.kind === 'case') {
    const exact = `case_number : ${q(t.parts.join('\u01c0'))}`;
    return titleOnly ? exact : `(${exact} OR {title body} : ${q(t.parts.join(' '))})`;
  }
  if (t.kind === 'phrase') {
    const cols = titleOnly ? 'title' : '{title body}';
    const head = t.words.slice(0, -1).join(' ');
    const lasts = t.prefix ? (expanded.get(t) ?? []) : [];
    return `${cols} : ${anyOf([q(t.words.join(' ')), ...lasts.filter((w) => w !== t.words.at(-1)).map((w) => q(`${head} ${w}`.trim()))])}`;
  }
  const cols = titleOnly ? '{title case_number}' : WORDS;
  const alternatives = [`${cols} : ${q(t.word)}`];
  if (!titleOnly) {
    // The word's stem as written, and every word whose stem is the word or its stem.
    const same = [...new Set([t.stem, ...(inflected.get(t) ?? [])])].filter((w) => w !== t.word);
    if (same.length > 0) alternatives.push(`${WORDS} : ${anyOf(same.map(q))}`);
  }
  const whole = (expanded.get(t) ?? []).filter((w) => w !== t.word);
  if (whole.length > 0) alternatives.push(`${titleOnly ? '{title case_number}' : WORDS} : ${anyOf(whole.map(q))}`);
  return anyOf(alternatives);
}

function matchExpression(terms: readonly Term[], filters: SearchFilters, titleOnly: boolean, expanded: Expansions, inflected: Inflections): string {
  const parts = terms.map((t) => termExpression(t, titleOnly, expanded, inflected));
  if (filters.committeeId) parts.push(`facets : ${q(facetOfCommittee(filters.committeeId))}`);
  if (filters.committeeIds) parts.push(`facets : ${anyOf(filters.committeeIds.map((id) => q(facetOfCommittee(id))))}`);
  if (filters.outcome) parts.push(`facets : ${q(`o${filters.outcome}`)}`);
  if (filters.access) parts.push(`facets : ${q(`a${filters.access}`)}`);
  return parts.join(' AND ');
}

/** item_search holds everything; item_titles the titles, case numbers and facets only, keyed alike. */
type Table = 'item_search' | 'item_titles';

async function keysOf(db: Db, table: Table, match: string, range: [number, number] | null, limit: number): Promise<number[]> {
  const rows = await sql<{ rowid: number }>`
    SELECT rowid FROM ${sql.raw(table)} WHERE ${sql.raw(table)} MATCH ${match}
    ${range ? sql`AND rowid >= ${range[0]} AND rowid < ${range[1]}` : sql``}
    ORDER BY rowid LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.rowid);
}

type Pending = { item_id: string; start: string | null; old_key: number | null };

/** Items a refresh indexes per round at least (a meeting's items, and a minute's, are never split): what it holds in memory at once. */
const ROUND_ITEMS = 500;

/**
/**
 * A refresh of at least this many items, and of at least a quarter of the index, takes its new
 * words from the index's list of terms at the end (a pass over the whole index in SQLite) instead
 * of cutting every text into words in JavaScript (a pass over the refreshed texts, four times the
 * CPU per item at 26,000 items): an import, a migration; never a save.
 */
const BULK_ITEMS = 2000;

/**
 * Re-indexes the items noted in search_pending, and lays out again the keys of the meetings noted
 * in search_rekey where they left agenda order, newest meeting first (FTS5 writes fastest in
 * ascending key), a round of meetings at a time, so that a whole archive's import is indexed with
 * memory bounded by one round; then drops the index rows of noted items that are gone.
 */
async function refreshPending(db: Db): Promise<number> {
  // Nothing noted, the usual case before a query: one probe of each list instead of the grouped join.
  const noted = await sql<{ one: number }>`SELECT 1 AS one FROM search_pending UNION ALL SELECT 1 FROM search_rekey LIMIT 1`.execute(db);
  if (noted.rows.length === 0) return 0;
  // CROSS JOIN keeps search_pending the outer loop: left to itself SQLite may walk all items (by
  // their meeting, for the GROUP BY) and look each up in the (usually empty) list of notes.
  const meetings = await sql<{ meeting_id: string; start: string; n: number }>`
    SELECT meeting_id, start, sum(n) AS n FROM (
      SELECT i.meeting_id, m.start, count(*) AS n FROM search_pending p
      CROSS JOIN items i ON i.id = p.item_id CROSS JOIN meetings m ON m.id = i.meeting_id GROUP BY i.meeting_id
      UNION ALL SELECT r.meeting_id, m.start, 0 FROM search_rekey r CROSS JOIN meetings m ON m.id = r.meeting_id)
    GROUP BY meeting_id ORDER BY start DESC, meeting_id`.execute(db);
  const rekey = new Set((await sql<{ meeting_id: string }>`SELECT meeting_id FROM search_rekey`.execute(db)).rows.map((r) => r.meeting_id));
  // Items noted and still there, counted by the query above: no second pass over the notes.
  const pending = meetings.rows.reduce((sum, m) => sum + Number(m.n), 0);
  const bulk = pending >= BULK_ITEMS && pending * 4 >= pending + Number((await sql<{ n: number }>`SELECT count(*) AS n FROM search_keys`.execute(db)).rows[0]!.n);
  const vocabulary = bulk ? null : new Vocabulary();
  let indexed = 0;
  let batch: { meeting_id: string; start: string }[] = [];
  let items = 0;
  const round = async (): Promise<void> => {
    const ids = batch.map((m) => m.meeting_id);
    const rows = await sql<Placed>`
      SELECT i.id AS item_id, i.meeting_id, i.position, m.start, k.key AS old_key
      FROM items i JOIN search_pending p ON p.item_id = i.id JOIN meetings m ON m.id = i.meeting_id
      LEFT JOIN search_keys k ON k.item_id = i.id
      WHERE i.meeting_id IN (${sql.join(ids)})
      ORDER BY m.start DESC, i.meeting_id, i.position`.execute(db);
    const plan = await planKeys(db, rows.rows, new Set(batch.filter((m) => rekey.has(m.meeting_id)).map((m) => blockOf(m.start))));
    const evicted = new Set(plan.evicted);
    const placed = [...rows.rows, ...plan.relaid].map((r) => ({ ...r, old_key: r.old_key !== null && evicted.has(r.old_key) ? null : r.old_key }));
    indexed += await indexRound(db, placed, plan.keys, plan.evicted, vocabulary);
    const noted = ids.filter((id) => rekey.has(id));
    if (noted.length > 0) await sql`DELETE FROM search_rekey WHERE meeting_id IN (${sql.join(noted)})`.execute(db);
    batch = [];
    items = 0;
  };
  for (const m of meetings.rows) {
    // A round ends between minutes only: a minute's keys are laid out in one plan.
    if (batch.length > 0 && (items >= ROUND_ITEMS || batch.length >= IN_BATCH) && blockOf(batch.at(-1)!.start) !== blockOf(m.start)) await round();
    batch.push(m);
    items += m.n;
  }
  if (batch.length > 0) await round();
  // Meetings noted and since deleted: their items are noted as gone, below.
  await sql`DELETE FROM search_rekey WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = search_rekey.meeting_id)`.execute(db);
  // What is still noted is gone (the item deleted, or its meeting): its index row goes.
  for (;;) {
    const gone = await sql<Pending>`SELECT p.item_id, NULL AS start, k.key AS old_key FROM search_pending p LEFT JOIN search_keys k ON k.item_id = p.item_id LIMIT ${IN_BATCH}`.execute(db);
    if (gone.rows.length === 0) break;
    await indexRound(db, gone.rows, new Map(), [], vocabulary);
  }
  if (bulk) await wordsFromIndex(db);
  return indexed;
}

/**
 * Indexes one round of items under the keys planned for them (in key order), after dropping their
 * old rows and the `evicted` keys, and clears their notes; returns how many were indexed.
 */
async function indexRound(db: Db, rows: Pending[], keys: ReadonlyMap<string, number>, evicted: readonly number[], vocabulary: Vocabulary | null): Promise<number> {
  const ids = rows.map((r) => r.item_id);
  const texts = await loadItemTexts(db, ids);
  const oldKeys = [...evicted, ...rows.filter((r) => r.old_key !== null).map((r) => r.old_key!)];
  for (const batch of batches(oldKeys)) {
    await sql`DELETE FROM item_search WHERE rowid IN (${sql.join(batch)})`.execute(db);
    await sql`DELETE FROM item_titles WHERE rowid IN (${sql.join(batch)})`.execute(db);
  }
  for (const batch of batches(evicted)) await sql`DELETE FROM search_keys WHERE key IN (${sql.join(batch)})`.execute(db);
  const docs: Doc[] = [];
  const rekeyed: { item_id: string; key: number }[] = [];
  for (const r of rows) {
    const t = texts.get(r.item_id);
    const key = keys.get(r.item_id);
    if (!t || r.start === null || key === undefined) continue;
    if (key !== r.old_key) rekeyed.push({ item_id: r.item_id, key });
    docs.push(document(key, t, vocabulary));
  }
  docs.sort((a, b) => a.key - b.key);
  const gone = rows.filter((r) => !texts.has(r.item_id) || r.start === null).map((r) => r.item_id);
  for (const batch of batches([...gone, ...rekeyed.map((r) => r.item_id)])) await db.deleteFrom('search_keys').where('item_id', 'in', batch).execute();
  for (const batch of batches(rekeyed, 200)) await sql`INSERT INTO search_keys (key, item_id) VALUES ${sql.join(batch.map((r) => sql`(${r.key}, ${r.item_id})`))}`.execute(db);
  for (const slice of batches(docs, 100)) {
    await sql`INSERT INTO item_search (rowid, title, case_number, body, facets) VALUES ${sql.join(
      slice.map((d) => sql`(${d.key}, ${d.title}, ${d.caseNumber}, ${d.body}, ${d.facets})`),
    )}`.execute(db);
    await sql`INSERT INTO item_titles (rowid, title, case_number, facets) VALUES ${sql.join(slice.map((d) => sql`(${d.key}, ${d.title}, ${d.caseNumber}, ${d.facets})`))}`.execute(db);
  }
  if (vocabulary) {
    await insertWords(db, vocabulary.fresh);
    vocabulary.fresh = [];
  }
  for (const batch of batches(ids)) await db.deleteFrom('search_pending').where('item_id', 'in', batch).execute();
  return docs.length;
}

/** The insert triggers of migration 0040 that note a new row's item in search_pending, one firing per row. */
const INSERT_TRIGGERS = ['items', 'item_sections', 'attachments', 'decisions', 'votes', 'dissents'].map((t) => `${t}_search_ai`);

/**
 * An import's writes without the insert triggers: each new item, section, decision, vote, dissent
 * and attachment fired one (2-3 s of SQLite's time per 26,000 items, as much again as writing the
 * rows, bench/README.md); instead each meeting's items are noted in one statement. The triggers are
 * dropped and made again from their own stored SQL inside the caller's transaction, so no other
 * connection ever sees them gone, and a failed import's rollback brings them back with the rest.
 */
async function bulkInsert<T>(db: Db, write: (noteMeeting: NoteMeeting) => Promise<T>): Promise<T> {
  const triggers = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (${sql.join(INSERT_TRIGGERS)}) ORDER BY name`.execute(db);
  for (const t of triggers.rows) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(db);
  const result = await write(async (meetingId) => {
    await sql`INSERT OR IGNORE INTO search_pending SELECT id FROM items WHERE meeting_id = ${meetingId}`.execute(db);
  });
  for (const t of triggers.rows) await sql.raw(t.sql).execute(db);
  return result;
}

export const fts5SearchIndex: SearchIndex = {
  refresh: refreshPending,
  bulkInsert,

  async query(db, { terms, filters, offset, limit }: IndexQuery): Promise<IndexAnswer> {
    if (terms.length === 0) return { itemIds: [], total: 0, more: false };
    const range = filters.year !== undefined ? yearRange(filters.year) : null;
    const expanded = await prefixExpansions(db, terms, sqliteWordsStartingWith);
    const inflected = await inflections(db, terms);
    const all = await keysOf(db, 'item_search', matchExpression(terms, filters, false, expanded, inflected), range, SEARCH_COUNT_CAP + 1);
    const more = all.length > SEARCH_COUNT_CAP;
    const total = Math.min(all.length, SEARCH_COUNT_CAP);
    const first = all.length > 0 ? await keysOf(db, 'item_titles', matchExpression(terms, filters, true, expanded, inflected), range, offset + limit) : [];
    const seen = new Set(first);
    const page = [...first, ...all.slice(0, SEARCH_COUNT_CAP).filter((k) => !seen.has(k))].slice(offset, offset + limit);
    if (page.length === 0) return { itemIds: [], total, more };
    const rows = await sql<{ key: number; item_id: string }>`SELECT key, item_id FROM search_keys WHERE key IN (${sql.join(page)})`.execute(db);
    const byKey = new Map(rows.rows.map((r) => [r.key, r.item_id]));
    return { itemIds: page.map((k) => byKey.get(k)).filter((id): id is string => id !== undefined), total, more };
  },
};

/** For a store held at a schema version before the index's tables exist (tests of a migration). */
export const indexBeforeItsMigration: SearchIndex = {
  refresh: async () => 0,
  bulkInsert: notedRowByRow,
  query: async () => ({ itemIds: [], total: 0, more: false }),
};
