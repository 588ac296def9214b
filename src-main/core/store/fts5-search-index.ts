// SQLite's SearchIndex: an FTS5 table without a copy of the text (contentless; snippets are cut
// from the items' own rows), one row per item, keyed so that ascending key is newest meeting
// first. Triggers (migration 0040) only note which items changed, in search_pending; refresh()
// re-indexes each noted item once, however many of its rows a save touched, and a bulk import
// is indexed in one pass at the end, in key order (FTS5 writes fastest in ascending rowid).
import { sql } from 'kysely';
import type { Db } from './database';
import { batches } from './batches';
import { caseToken, distinctStems, words } from '../search/analysis';
import { bodyText, loadItemTexts, type ItemText } from '../search/item-text';
import type { Term } from '../search/query';
import { SEARCH_COUNT_CAP, type IndexAnswer, type IndexQuery, type SearchFilters, type SearchIndex } from '../search/search-index';

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

function document(key: number, t: ItemText): Doc {
  const body = bodyText(t);
  const token = t.caseNumber ? caseToken(t.caseNumber) : null;
  return {
    key,
    title: t.title,
    caseNumber: token ? `${token} ${words(t.caseNumber!).join(' ')}` : '',
    body,
    stems: distinctStems(`${t.title}\n${body}`).join(' '),
    facets: `${facetOfCommittee(t.committeeId)} o${t.decision?.outcome ?? 'none'} a${t.access}`,
  };
}

const q = (s: string): string => `"${s}"`;
const ALL = '{title case_number body stems}';
const WORDS = '{title case_number body}';

/** One term as an FTS5 expression; `titleOnly` asks for a match in the title or case number. */
function termExpression(t: Term, titleOnly: boolean): string {
  if (t.kind === 'case') {
    const exact = `case_number : ${q(t.parts.join('\u01c0'))}`;
    return titleOnly ? exact : `(${exact} OR {title body} : ${q(t.parts.join(' '))})`;
  }
  if (t.kind === 'phrase') return `${titleOnly ? 'title' : '{title body}'} : ${q(t.words.join(' '))}${t.prefix ? '*' : ''}`;
  const cols = titleOnly ? '{title case_number}' : ALL;
  const alternatives = [`${cols} : ${q(t.word)}`];
  if (!titleOnly && t.stem !== t.word) alternatives.push(`${ALL} : ${q(t.stem)}`);
  if (t.prefix) alternatives.push(`${titleOnly ? '{title case_number}' : WORDS} : ${q(t.word)}*`);
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
}

function matchExpression(terms: readonly Term[], filters: SearchFilters, titleOnly: boolean): string {
  const parts = terms.map((t) => termExpression(t, titleOnly));
  if (filters.committeeId) parts.push(`facets : ${q(facetOfCommittee(filters.committeeId))}`);
  if (filters.outcome) parts.push(`facets : ${q(`o${filters.outcome}`)}`);
  if (filters.access) parts.push(`facets : ${q(`a${filters.access}`)}`);
  return parts.join(' AND ');
}

async function keysOf(db: Db, match: string, range: [number, number] | null, limit: number): Promise<number[]> {
  const rows = await sql<{ rowid: number }>`
    SELECT rowid FROM item_search WHERE item_search MATCH ${match}
    ${range ? sql`AND rowid >= ${range[0]} AND rowid < ${range[1]}` : sql``}
    ORDER BY rowid LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.rowid);
}

export const fts5SearchIndex: SearchIndex = {
  async refresh(db) {
    const pending = await sql<{ item_id: string; start: string | null; old_key: number | null }>`
      SELECT p.item_id, m.start, k.key AS old_key
      FROM search_pending p
      LEFT JOIN items i ON i.id = p.item_id
      LEFT JOIN meetings m ON m.id = i.meeting_id
      LEFT JOIN search_keys k ON k.item_id = p.item_id
      ORDER BY m.start DESC, i.meeting_id, i.position`.execute(db);
    if (pending.rows.length === 0) return 0;
    const next = new Map<number, number>();
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
    let indexed = 0;
    for (const batch of batches(pending.rows)) {
      const ids = batch.map((r) => r.item_id);
      const texts = await loadItemTexts(db, ids);
      const oldKeys = batch.filter((r) => r.old_key !== null).map((r) => r.old_key!);
      for (const batch of batches(oldKeys)) await sql`DELETE FROM item_search WHERE rowid IN (${sql.join(batch)})`.execute(db);
      const docs: Doc[] = [];
      const rekeyed: { item_id: string; key: number }[] = [];
      for (const r of batch) {
        const t = texts.get(r.item_id);
        if (!t || r.start === null) continue;
        const block = blockOf(r.start);
        const key = r.old_key !== null && Math.floor(r.old_key / SEQ) === block ? r.old_key : await allocate(block);
        if (key !== r.old_key) rekeyed.push({ item_id: r.item_id, key });
        docs.push(document(key, t));
      }
      const gone = batch.filter((r) => !texts.has(r.item_id) || r.start === null).map((r) => r.item_id);
      for (const batch of batches([...gone, ...rekeyed.map((r) => r.item_id)])) await db.deleteFrom('search_keys').where('item_id', 'in', batch).execute();
      for (const batch of batches(rekeyed, 200)) await sql`INSERT INTO search_keys (key, item_id) VALUES ${sql.join(batch.map((r) => sql`(${r.key}, ${r.item_id})`))}`.execute(db);
      for (const slice of batches(docs, 100)) {
        await sql`INSERT INTO item_search (rowid, title, case_number, body, stems, facets) VALUES ${sql.join(
          slice.map((d) => sql`(${d.key}, ${d.title}, ${d.caseNumber}, ${d.body}, ${d.stems}, ${d.facets})`),
        )}`.execute(db);
      }
      for (const batch of batches(ids)) await db.deleteFrom('search_pending').where('item_id', 'in', batch).execute();
      indexed += docs.length;
    }
    return indexed;
  },

  async query(db, { terms, filters, offset, limit }: IndexQuery): Promise<IndexAnswer> {
    if (terms.length === 0) return { itemIds: [], total: 0, more: false };
    const range = filters.year !== undefined ? yearRange(filters.year) : null;
    const all = await keysOf(db, matchExpression(terms, filters, false), range, SEARCH_COUNT_CAP + 1);
    const more = all.length > SEARCH_COUNT_CAP;
    const total = Math.min(all.length, SEARCH_COUNT_CAP);
    const first = all.length > 0 ? await keysOf(db, matchExpression(terms, filters, true), range, offset + limit) : [];
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
