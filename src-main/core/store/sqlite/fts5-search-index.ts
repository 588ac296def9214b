// SQLite's SearchIndex: an FTS5 table without a copy of the text (contentless; snippets are cut
// from the items' own rows), one row per item, keyed so that ascending key is newest meeting
// first. Triggers (migration 0040) only note which items changed, in search_pending; refresh()
// re-indexes each noted item once, however many of its rows a save touched, and a bulk import
// is indexed in one pass at the end, in key order (FTS5 writes fastest in ascending rowid), a
// round of meetings at a time so that memory holds one round, not the archive.
// The words indexed are kept once each in search_words (migration 0060): a prefix being typed is
// expanded from there to a few whole words, since FTS5's own prefix query merges the postings of
// every word that starts so, which grows with the archive. Titles and case numbers are kept once
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
import { SEARCH_COUNT_CAP, type IndexAnswer, type IndexQuery, type SearchFilters, type SearchIndex } from '../../search/search-index';

// key = (EPOCH_END - minute of the meeting's start) * 2^20 + n: newer meetings get smaller keys,
// and up to 2^20 items may share a start minute. Minutes from 1970; EPOCH_END lies past year 2400.
const SEQ = 2 ** 20;
const EPOCH_END = 2 ** 28;

const minuteOf = (start: string): number => Math.floor(Date.parse(`${start.slice(0, 16)}:00Z`) / 60_000);
const blockOf = (start: string): number => EPOCH_END - minuteOf(start);

/** Keys of the meetings that start in a year: [from, to). */
function yearRange(year: number): [number, number] {
  const end = minuteOf(`${year + 1}-01-01T00:00`);
  const begin = minuteOf(`${year}-01-01T00:00`);
  return [(EPOCH_END - end + 1) * SEQ, (EPOCH_END - begin + 1) * SEQ];
}

type Doc = { key: number; title: string; caseNumber: string; body: string; stems: string; facets: string };

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

/** Words one refresh keeps stems of: up to twice this many (WordCache), so a long import cannot fill memory with them. */
const VOCABULARY_MAX = 50_000;

/**
 * The words one refresh meets, each with its stem: a word met for the first time is stemmed once
 * and noted for search_words; every later one costs a single lookup. A word met again after the
 * cache let it go is noted again (search_words ignores a word it has).
 */
class Vocabulary {
  private stems = new WordCache<string>(VOCABULARY_MAX);
  fresh: string[] = [];

  /** The stems of a text's words that differ from the word itself, each once. */
  stemsOf(text: string): string[] {
    const out = new Set<string>();
    for (const w of words(text, MIN_PREFIX)) {
      let s = this.stems.get(w);
      if (s === undefined) {
        const own = ownCopy(w);
        s = stemOf(own);
        this.stems.set(own, s);
        this.fresh.push(own);
      }
      if (s !== w) out.add(s);
    }
    return [...out];
  }
}

function document(key: number, t: ItemText, vocabulary: Vocabulary): Doc {
  const body = bodyText(t);
  return {
    key,
    ...titleColumns({ title: t.title, caseNumber: t.caseNumber, committeeId: t.committeeId, outcome: t.decision?.outcome ?? null, access: t.access }),
    body,
    stems: vocabulary.stemsOf(`${t.title}\n${body}`).join(' '),
  };
}

const q = (s: string): string => `"${s}"`;
const ALL = '{title case_number body stems}';
const WORDS = '{title case_number body}';

const anyOf = (alternatives: string[]): string => (alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);

/** One term as an FTS5 expression; `titleOnly` asks for a match in the title or case number. */
function termExpression(t: Term, titleOnly: boolean, expanded: Expansions): string {
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
  const cols = titleOnly ? '{title case_number}' : ALL;
  const alternatives = [`${cols} : ${q(t.word)}`];
  if (!titleOnly && t.stem !== t.word) alternatives.push(`${ALL} : ${q(t.stem)}`);
  const whole = (expanded.get(t) ?? []).filter((w) => w !== t.word);
  if (whole.length > 0) alternatives.push(`${titleOnly ? '{title case_number}' : WORDS} : ${anyOf(whole.map(q))}`);
  return anyOf(alternatives);
}

function matchExpression(terms: readonly Term[], filters: SearchFilters, titleOnly: boolean, expanded: Expansions): string {
  const parts = terms.map((t) => termExpression(t, titleOnly, expanded));
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

/** Items a refresh indexes per round at least (a meeting's items are never split): what it holds in memory at once. */
const ROUND_ITEMS = 500;

/**
 * Re-indexes the items noted in search_pending, newest meeting first (FTS5 writes fastest in
 * ascending key), a round of meetings at a time, so that a whole archive's import is indexed with
 * memory bounded by one round; then drops the index rows of noted items that are gone.
 */
async function refreshPending(db: Db): Promise<number> {
  // Nothing noted, the usual case before a query: one probe of the list instead of the grouped join.
  const noted = await sql<{ one: number }>`SELECT 1 AS one FROM search_pending LIMIT 1`.execute(db);
  if (noted.rows.length === 0) return 0;
  // CROSS JOIN keeps search_pending the outer loop: left to itself SQLite may walk all items (by
  // their meeting, for the GROUP BY) and look each up in the (usually empty) list of notes.
  const meetings = await sql<{ meeting_id: string; n: number }>`
    SELECT i.meeting_id, count(*) AS n FROM search_pending p
    CROSS JOIN items i ON i.id = p.item_id CROSS JOIN meetings m ON m.id = i.meeting_id
    GROUP BY i.meeting_id ORDER BY m.start DESC, i.meeting_id`.execute(db);
  const state: RefreshState = { next: new Map(), vocabulary: new Vocabulary() };
  let indexed = 0;
  let batch: string[] = [];
  let items = 0;
  const round = async (): Promise<void> => {
    const rows = await sql<Pending>`
      SELECT i.id AS item_id, m.start, k.key AS old_key
      FROM items i JOIN search_pending p ON p.item_id = i.id JOIN meetings m ON m.id = i.meeting_id
      LEFT JOIN search_keys k ON k.item_id = i.id
      WHERE i.meeting_id IN (${sql.join(batch)})
      ORDER BY m.start DESC, i.meeting_id, i.position`.execute(db);
    indexed += await indexRound(db, rows.rows, state);
    batch = [];
    items = 0;
  };
  for (const m of meetings.rows) {
    batch.push(m.meeting_id);
    items += m.n;
    if (items >= ROUND_ITEMS || batch.length >= IN_BATCH) await round();
  }
  if (batch.length > 0) await round();
  // What is still noted is gone (the item deleted, or its meeting): its index row goes.
  for (;;) {
    const gone = await sql<Pending>`SELECT p.item_id, NULL AS start, k.key AS old_key FROM search_pending p LEFT JOIN search_keys k ON k.item_id = p.item_id LIMIT ${IN_BATCH}`.execute(db);
    if (gone.rows.length === 0) break;
    await indexRound(db, gone.rows, state);
  }
  return indexed;
}

type RefreshState = { next: Map<number, number>; vocabulary: Vocabulary };

/** Indexes one round of noted items (in key order) and clears their notes; returns how many were indexed. */
async function indexRound(db: Db, rows: Pending[], { next, vocabulary }: RefreshState): Promise<number> {
  const allocate = async (block: number): Promise<number> => {
    let n = next.get(block);
    if (n === undefined) {
      const r = await sql<{ top: number | null }>`SELECT max(key) AS top FROM search_keys WHERE key >= ${block * SEQ} AND key < ${(block + 1) * SEQ}`.execute(db);
      n = r.rows[0]?.top != null ? r.rows[0].top + 1 : block * SEQ;
    }
    if (n >= (block + 1) * SEQ) throw new Error(`more than ${SEQ} items start in the same minute`);
    next.set(block, n + 1);
    return n;
  };
  const ids = rows.map((r) => r.item_id);
  const texts = await loadItemTexts(db, ids);
  const oldKeys = rows.filter((r) => r.old_key !== null).map((r) => r.old_key!);
  for (const batch of batches(oldKeys)) {
    await sql`DELETE FROM item_search WHERE rowid IN (${sql.join(batch)})`.execute(db);
    await sql`DELETE FROM item_titles WHERE rowid IN (${sql.join(batch)})`.execute(db);
  }
  const docs: Doc[] = [];
  const rekeyed: { item_id: string; key: number }[] = [];
  for (const r of rows) {
    const t = texts.get(r.item_id);
    if (!t || r.start === null) continue;
    const block = blockOf(r.start);
    const key = r.old_key !== null && Math.floor(r.old_key / SEQ) === block ? r.old_key : await allocate(block);
    if (key !== r.old_key) rekeyed.push({ item_id: r.item_id, key });
    docs.push(document(key, t, vocabulary));
  }
  const gone = rows.filter((r) => !texts.has(r.item_id) || r.start === null).map((r) => r.item_id);
  for (const batch of batches([...gone, ...rekeyed.map((r) => r.item_id)])) await db.deleteFrom('search_keys').where('item_id', 'in', batch).execute();
  for (const batch of batches(rekeyed, 200)) await sql`INSERT INTO search_keys (key, item_id) VALUES ${sql.join(batch.map((r) => sql`(${r.key}, ${r.item_id})`))}`.execute(db);
  for (const slice of batches(docs, 100)) {
    await sql`INSERT INTO item_search (rowid, title, case_number, body, stems, facets) VALUES ${sql.join(
      slice.map((d) => sql`(${d.key}, ${d.title}, ${d.caseNumber}, ${d.body}, ${d.stems}, ${d.facets})`),
    )}`.execute(db);
    await sql`INSERT INTO item_titles (rowid, title, case_number, facets) VALUES ${sql.join(slice.map((d) => sql`(${d.key}, ${d.title}, ${d.caseNumber}, ${d.facets})`))}`.execute(db);
  }
  for (const batch of batches(vocabulary.fresh)) await sql`INSERT OR IGNORE INTO search_words (word) VALUES ${sql.join(batch.map((w) => sql`(${w})`))}`.execute(db);
  vocabulary.fresh = [];
  for (const batch of batches(ids)) await db.deleteFrom('search_pending').where('item_id', 'in', batch).execute();
  return docs.length;
}

export const fts5SearchIndex: SearchIndex = {
  refresh: refreshPending,

  async query(db, { terms, filters, offset, limit }: IndexQuery): Promise<IndexAnswer> {
    if (terms.length === 0) return { itemIds: [], total: 0, more: false };
    const range = filters.year !== undefined ? yearRange(filters.year) : null;
    const expanded = await prefixExpansions(db, terms, sqliteWordsStartingWith);
    const all = await keysOf(db, 'item_search', matchExpression(terms, filters, false, expanded), range, SEARCH_COUNT_CAP + 1);
    const more = all.length > SEARCH_COUNT_CAP;
    const total = Math.min(all.length, SEARCH_COUNT_CAP);
    const first = all.length > 0 ? await keysOf(db, 'item_titles', matchExpression(terms, filters, true, expanded), range, offset + limit) : [];
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
  query: async () => ({ itemIds: [], total: 0, more: false }),
};
