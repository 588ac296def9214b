// The effective item numbers of some meetings, reading no more than each one needs: a meeting
// whose items all carry a stored number (published, approved, or numbered on import) uses those;
// otherwise its own items count (per-meeting) or its committee's year does (per-year). Never a
// committee's whole history, so the cost does not grow with the archive.
import type { NumberingRule } from '../../../src-shared/domain';
import { sql } from 'kysely';
import { assignNumbers, type NumberingMeeting } from '../agenda/numbering';
import type { Db, MeetingRow } from '../store/database';
import { batches, selectInBatches } from '../store/batches';

type Meeting = Pick<MeetingRow, 'id' | 'committee_id' | 'start' | 'status'>;
type NumberedItem = { id: string; meeting_id: string; number: number | null };

/**
 * A committee's meetings with their items in agenda order, as numbering counts them: under a
 * per-year rule the meetings of the given years, under per-meeting only the meetings asked for.
 */
export async function numberingMeetings(db: Db, committeeId: string, rule: NumberingRule, years: ReadonlySet<string>, meetingIds: readonly string[] = []): Promise<NumberingMeeting[]> {
  let meetings: Meeting[];
  if (rule === 'per-year') {
    let q = db.selectFrom('meetings').select(['id', 'committee_id', 'start', 'status']).where('committee_id', '=', committeeId);
    if (years.size > 0) q = q.where((eb) => eb.or([...years].map((y) => eb('start', 'like', `${y}-%`))));
    meetings = await q.execute();
  } else {
    meetings = await selectInBatches(meetingIds, (batch) => db.selectFrom('meetings').select(['id', 'committee_id', 'start', 'status']).where('id', 'in', batch).execute());
  }
  const items = await itemsOf(db, meetings.map((m) => m.id));
  return meetings.map((m) => ({ ...m, items: items.get(m.id) ?? [] }));
}

async function itemsOf(db: Db, meetingIds: readonly string[]): Promise<Map<string, NumberedItem[]>> {
  const out = new Map<string, NumberedItem[]>();
  for (const batch of batches(meetingIds)) {
    const rows = await db.selectFrom('items').select(['id', 'meeting_id', 'number']).where('meeting_id', 'in', batch).orderBy('meeting_id').orderBy('position').execute();
    for (const r of rows) (out.get(r.meeting_id) ?? out.set(r.meeting_id, []).get(r.meeting_id)!).push(r);
  }
  return out;
}

/**
 * Effective number of every item of the given meetings. `known` may hold their items already
 * read (in agenda order), which saves reading them again.
 */
export async function numbersOfMeetings(db: Db, meetings: readonly Meeting[], known?: ReadonlyMap<string, readonly NumberedItem[]>): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  if (meetings.length === 0) return numbers;
  const items = known ?? (await itemsOf(db, meetings.map((m) => m.id)));
  const counted: Meeting[] = [];
  for (const m of meetings) {
    const own = items.get(m.id) ?? [];
    if (own.every((i) => i.number !== null)) for (const i of own) numbers.set(i.id, i.number!);
    else counted.push(m);
  }
  if (counted.length === 0) return numbers;
  const rules = new Map<string, NumberingRule>();
  for (const batch of batches(new Set(counted.map((m) => m.committee_id)))) {
    for (const c of await db.selectFrom('committees').select(['id', 'numbering']).where('id', 'in', batch).execute()) rules.set(c.id, c.numbering);
  }
  const perMeeting = counted.filter((m) => rules.get(m.committee_id) === 'per-meeting');
  for (const m of perMeeting) for (const [k, v] of assignNumbers('per-meeting', [{ ...m, items: items.get(m.id) ?? [] }])) numbers.set(k, v);
  // Per year: the numbers go on from the year's earlier meetings, so the year counts, once per committee and year.
  const years = new Map<string, { committeeId: string; year: string }>();
  for (const m of counted) if (rules.get(m.committee_id) === 'per-year') years.set(`${m.committee_id}|${m.start.slice(0, 4)}`, { committeeId: m.committee_id, year: m.start.slice(0, 4) });
  for (const { committeeId, year } of years.values()) {
    for (const [k, v] of assignNumbers('per-year', await numberingMeetings(db, committeeId, 'per-year', new Set([year])))) numbers.set(k, v);
  }
  return numbers;
}

/** The same for meetings named by id. */
export async function numbersOfMeetingIds(db: Db, meetingIds: readonly string[]): Promise<Map<string, number>> {
  const meetings = await selectInBatches(meetingIds, (batch) => db.selectFrom('meetings').select(['id', 'committee_id', 'start', 'status']).where('id', 'in', batch).execute());
  return numbersOfMeetings(db, meetings);
}

/**
 * Effective numbers of some items (a page of search hits). A stored number is always the item's
 * effective one (counting keeps it and goes on from it), so only the meetings of items without
 * one are counted: a page of approved hits reads its 50 rows, not every item of their meetings.
 */
export async function numbersOfItems(db: Db, itemIds: readonly string[], known?: readonly NumberedItem[]): Promise<Map<string, number>> {
  // `known`: the items' rows, already read by the caller (a search's hits), so they are not read again.
  const rows = known ?? (await selectInBatches(itemIds, (batch) => db.selectFrom('items').select(['id', 'meeting_id', 'number']).where('id', 'in', batch).execute()));
  const numbers = new Map<string, number>();
  const counted = new Set<string>();
  for (const r of rows) {
    if (r.number !== null) numbers.set(r.id, r.number);
    else counted.add(r.meeting_id);
  }
  if (counted.size === 0) return numbers;
  const meetings = await selectInBatches([...counted], (batch) =>
    db.selectFrom('meetings as m').innerJoin('committees as c', 'c.id', 'm.committee_id').select(['m.id', 'm.committee_id', 'm.start', 'm.status', 'c.numbering']).where('m.id', 'in', batch).execute(),
  );
  const items = await itemsOf(db, meetings.map((m) => m.id));
  const all = new Map<string, number>();
  for (const m of meetings) {
    const own: NumberingMeeting = { ...m, items: items.get(m.id) ?? [] };
    if (m.numbering === 'per-meeting') {
      for (const [k, v] of assignNumbers('per-meeting', [own])) all.set(k, v);
      continue;
    }
    // Per year the count goes on from the year's earlier meetings: their sum, not their items. A
    // stand-in meeting at the year's very start holds that number, and the count goes on from it.
    const year = m.start.slice(0, 4);
    const before: NumberingMeeting = { id: '', start: year, status: 'planned', items: [{ id: '', number: await yearCountBefore(db, m) }] };
    for (const [k, v] of assignNumbers('per-year', [before, own])) all.set(k, v);
  }
  for (const r of rows) if (r.number === null) numbers.set(r.id, all.get(r.id) ?? 0);
  return numbers;
}

/**
 * The count a per-year meeting's numbering starts after: what countNumbers reaches over the year's
 * earlier, not cancelled meetings of its committee, summed in the database. Each unnumbered item
 * adds one and a stored number n lifts the count to n, so the count is the larger of the number of
 * unnumbered items and, over stored numbers, n plus the unnumbered items that come after it.
 */
async function yearCountBefore(db: Db, m: Meeting): Promise<number> {
  const year = m.start.slice(0, 4);
  const r = await sql<{ top: number | null; unnumbered: number | null }>`
    SELECT max(CASE WHEN number IS NULL THEN NULL ELSE number + after END) AS top, sum(CASE WHEN number IS NULL THEN 1 ELSE 0 END) AS unnumbered
    FROM (
      SELECT i.number, coalesce(sum(CASE WHEN i.number IS NULL THEN 1 ELSE 0 END) OVER (ORDER BY e.start DESC, e.id DESC, i.position DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS after
      FROM meetings e JOIN items i ON i.meeting_id = e.id
      WHERE e.committee_id = ${m.committee_id} AND e.status <> 'cancelled' AND e.start >= ${year} AND e.start < ${String(Number(year) + 1)}
        AND (e.start < ${m.start} OR (e.start = ${m.start} AND e.id < ${m.id}))
    ) counted`.execute(db);
  return Math.max(Number(r.rows[0]?.top ?? 0), Number(r.rows[0]?.unnumbered ?? 0));
}
