// The effective item numbers of some meetings, reading no more than each one needs: a meeting
// whose items all carry a stored number (published, approved, or numbered on import) uses those;
// otherwise its own items count (per-meeting) or its committee's year does (per-year). Never a
// committee's whole history, so the cost does not grow with the archive.
import type { NumberingRule } from '../../../src-shared/domain';
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
