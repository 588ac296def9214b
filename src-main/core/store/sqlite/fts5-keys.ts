// The keys of the file's FTS5 index, which are the order of its hits: ascending key is newest
// meeting first (by the minute it starts), then, of meetings starting in the same minute, by
// meeting id, then in agenda order: the order the server's index reads (search_documents_order,
// migration 0140). An item keeps its key while it stays in its minute and in order; when a minute's
// items are no longer in agenda order by their keys (a reorder, an item inserted in the middle or
// moved in from another meeting, a meeting moved to a minute another one holds) that minute's keys,
// and only those, are laid out again. Positions that change are noted per meeting in search_rekey
// by a trigger (migration 0160), so every path that moves items is covered, past the Api too.
import { sql } from 'kysely';
import type { Db } from '../database';
import { batches } from '../batches';

// key = (EPOCH_END - minute of the meeting's start) * 2^20 + n: newer meetings get smaller keys,
// and up to 2^20 items may share a start minute. Minutes from 1970; EPOCH_END lies past year 2400.
export const SEQ = 2 ** 20;
const EPOCH_END = 2 ** 28;

const minuteOf = (start: string): number => Math.floor(Date.parse(`${start.slice(0, 16)}:00Z`) / 60_000);
/** The block of keys of the meetings that start in this minute. */
export const blockOf = (start: string): number => EPOCH_END - minuteOf(start);
const blockOfKey = (key: number): number => Math.floor(key / SEQ);

/** Keys of the meetings that start in a year: [from, to). */
export function yearRange(year: number): [number, number] {
  const end = minuteOf(`${year + 1}-01-01T00:00`);
  const begin = minuteOf(`${year}-01-01T00:00`);
  return [(EPOCH_END - end + 1) * SEQ, (EPOCH_END - begin + 1) * SEQ];
}

/** An item to index: where it stands now, and the key it has (null: none yet). */
export type Placed = { item_id: string; meeting_id: string; position: number; start: string; old_key: number | null };

export type KeyPlan = {
  /** The key each item of the round is indexed under. */
  keys: Map<string, number>;
  /** Items not noted for the index whose key the plan changes: indexed again under it. */
  relaid: Placed[];
  /** Keys of items that left a minute whose keys were laid out again (moved or deleted): to be dropped first. */
  evicted: number[];
};

type Held = { key: number; item_id: string; meeting_id: string | null; position: number | null; start: string | null };

const inAgendaOrder = (a: Placed, b: Placed): number =>
  a.meeting_id < b.meeting_id ? -1 : a.meeting_id > b.meeting_id ? 1 : a.position - b.position || (a.item_id < b.item_id ? -1 : 1);

/**
 * The keys of one round's items (whole minutes: a round never splits one). An item that stays in
 * its minute keeps its key; one new to a minute takes the next free key there when that keeps the
 * minute in agenda order, else the minute is laid out again from its first key. `noted` holds the
 * minutes of meetings whose positions changed (search_rekey): their order is checked too.
 */
export async function planKeys(db: Db, rows: readonly Placed[], noted: ReadonlySet<number>): Promise<KeyPlan> {
  const plan: KeyPlan = { keys: new Map(), relaid: [], evicted: [] };
  const arriving = new Map<number, Placed[]>();
  for (const r of rows) {
    const block = blockOf(r.start);
    if (r.old_key !== null && blockOfKey(r.old_key) === block) plan.keys.set(r.item_id, r.old_key);
    else (arriving.get(block) ?? arriving.set(block, []).get(block)!).push(r);
  }
  const blocks = new Set([...noted, ...arriving.keys()]);
  if (blocks.size === 0) return plan;
  const held = new Map<number, Held[]>();
  for (const batch of batches(blocks, 250)) {
    const found = await sql<Held>`
      WITH b(lo, hi) AS (VALUES ${sql.join(batch.map((block) => sql`(${block * SEQ}, ${(block + 1) * SEQ})`))})
      SELECT k.key, k.item_id, i.meeting_id, i.position, m.start
      FROM b CROSS JOIN search_keys k ON k.key >= b.lo AND k.key < b.hi
      LEFT JOIN items i ON i.id = k.item_id LEFT JOIN meetings m ON m.id = i.meeting_id`.execute(db);
    for (const h of found.rows) (held.get(blockOfKey(h.key)) ?? held.set(blockOfKey(h.key), []).get(blockOfKey(h.key))!).push(h);
  }
  const noting = new Set(rows.map((r) => r.item_id));
  for (const block of blocks) {
    const here = held.get(block) ?? [];
    // Held here and still of this minute; the others (moved elsewhere, deleted) are leaving.
    const staying = here.filter((h): h is Held & { meeting_id: string; position: number; start: string } => h.start !== null && blockOf(h.start) === block);
    const leaving = here.filter((h) => h.start === null || blockOf(h.start) !== block);
    const newcomers = arriving.get(block) ?? [];
    const members = [...staying.map((h) => ({ item_id: h.item_id, meeting_id: h.meeting_id, position: h.position, start: h.start, old_key: h.key })), ...newcomers];
    members.sort(inAgendaOrder);
    const fresh = new Set(newcomers.map((r) => r.item_id));
    let last = -1;
    let inOrder = true;
    let newcomerSeen = false;
    for (const m of members) {
      if (fresh.has(m.item_id)) newcomerSeen = true;
      else if (newcomerSeen || m.old_key! <= last) inOrder = false;
      else last = m.old_key!;
    }
    if (inOrder) {
      let next = here.length > 0 ? Math.max(...here.map((h) => h.key)) + 1 : block * SEQ;
      for (const m of members) plan.keys.set(m.item_id, fresh.has(m.item_id) ? next++ : m.old_key!);
      if (next > (block + 1) * SEQ) throw new Error(`more than ${SEQ} items start in the same minute`);
      continue;
    }
    if (members.length > SEQ) throw new Error(`more than ${SEQ} items start in the same minute`);
    plan.evicted.push(...leaving.map((h) => h.key));
    members.forEach((m, i) => {
      const key = block * SEQ + i;
      plan.keys.set(m.item_id, key);
      if (key !== m.old_key && !noting.has(m.item_id)) plan.relaid.push(m);
    });
  }
  return plan;
}
