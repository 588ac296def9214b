// Reads meetings whole, as exchange-format objects: the one shape that export, the documents
// and the lock's content hash are all made from.
import type { ExAttachment, ExItem, ExMeeting, ExVote } from '../../../src-shared/exchange';
import type { Db, MeetingRow } from '../store/database';
import { batches, selectInBatches } from '../store/batches';
import { numbersOfMeetings } from './meeting-numbers';
import { canonicalJson, sha256Hex } from '../util/canonical';

export type MeetingFilter = {
  committeeIds?: string[] | undefined;
  meetingIds?: string[] | undefined;
  year?: number | undefined;
  /** Only approved (locked) meetings. */
  locked?: boolean | undefined;
};

const orUndef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const nonEmpty = <T>(a: T[]): T[] | undefined => (a.length > 0 ? a : undefined);

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export type MeetingContent = { row: MeetingRow; meeting: ExMeeting; itemIds: string[] };

/** The meetings the filter selects, whole, in start order. For many meetings, use streamMeetings. */
export async function readMeetings(db: Db, filter: MeetingFilter): Promise<MeetingContent[]> {
  const out: MeetingContent[] = [];
  for await (const batch of streamMeetings(db, filter)) out.push(...batch);
  return out;
}

/** The rows of the meetings a filter selects, in start order (ids and a few columns only: small). */
export async function selectMeetingRows(db: Db, filter: MeetingFilter): Promise<MeetingRow[]> {
  const base = () => {
    let q = db.selectFrom('meetings').selectAll();
    if (filter.year !== undefined) q = q.where('start', 'like', `${filter.year}-%`);
    if (filter.locked) q = q.where('locked_at', 'is not', null);
    return q;
  };
  let rows: MeetingRow[];
  if (filter.meetingIds) {
    rows = await selectInBatches(filter.meetingIds, (batch) => base().where('id', 'in', batch).execute());
    if (filter.committeeIds) {
      const committees = new Set(filter.committeeIds);
      rows = rows.filter((r) => committees.has(r.committee_id));
    }
  } else if (filter.committeeIds) {
    rows = await selectInBatches(filter.committeeIds, (batch) => base().where('committee_id', 'in', batch).execute());
  } else {
    rows = await base().execute();
  }
  return rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The meetings a filter selects, whole, a batch at a time in start order: memory holds one batch,
 * however large the archive.
 */
export async function* streamMeetings(db: Db, filter: MeetingFilter, batchSize = 50): AsyncGenerator<MeetingContent[]> {
  const rows = await selectMeetingRows(db, filter);
  if (rows.length === 0) return;
  const people = new Map((await db.selectFrom('people').select(['id', 'key']).execute()).map((p) => [p.id, p.key]));
  for (const batch of batches(rows, batchSize)) yield await readContent(db, batch, people);
}

async function readContent(db: Db, meetings: MeetingRow[], people: ReadonlyMap<string, string>): Promise<MeetingContent[]> {
  const key = (id: string | null): string => people.get(id ?? '') ?? '?';
  const ids = meetings.map((m) => m.id);
  const byMeetings = <R>(q: (batch: string[]) => Promise<R[]>) => selectInBatches(ids, q);
  const items = await byMeetings((batch) => db.selectFrom('items').selectAll().where('meeting_id', 'in', batch).orderBy('position').execute());
  const itemIds = items.map((i) => i.id);
  const byItems = <R>(q: (batch: string[]) => Promise<R[]>) => selectInBatches(itemIds, q);
  const [sections, routes, attachments, absences, decisions, votes, dissents, attendance, guests, approvals, addenda] = await Promise.all([
    byItems((batch) => db.selectFrom('item_sections').selectAll().where('item_id', 'in', batch).orderBy('position').execute()),
    byItems((batch) => db.selectFrom('item_route_steps').selectAll().where('item_id', 'in', batch).orderBy('position').execute()),
    byItems((batch) => db.selectFrom('attachments').selectAll().where('item_id', 'in', batch).orderBy('position').execute()),
    byItems((batch) => db.selectFrom('item_absences').selectAll().where('item_id', 'in', batch).orderBy('position').execute()),
    byItems((batch) => db.selectFrom('decisions').selectAll().where('item_id', 'in', batch).execute()),
    byItems((batch) => db.selectFrom('votes').selectAll().where('item_id', 'in', batch).orderBy('position').execute()),
    byItems((batch) => db.selectFrom('dissents').selectAll().where('item_id', 'in', batch).orderBy('position').execute()),
    byMeetings((batch) => db.selectFrom('attendance').selectAll().where('meeting_id', 'in', batch).orderBy('position').execute()),
    byMeetings((batch) => db.selectFrom('guests').selectAll().where('meeting_id', 'in', batch).orderBy('position').execute()),
    byMeetings((batch) => db.selectFrom('approvals').selectAll().where('meeting_id', 'in', batch).orderBy('at').orderBy('person_id').execute()),
    byMeetings((batch) => db.selectFrom('addenda').selectAll().where('meeting_id', 'in', batch).orderBy('at').orderBy('id').execute()),
  ]);
  const sectionsBy = groupBy(sections, (r) => r.item_id);
  const routesBy = groupBy(routes, (r) => r.item_id);
  const attachmentsBy = groupBy(attachments, (r) => r.item_id);
  const absencesBy = groupBy(absences, (r) => r.item_id);
  const decisionsBy = new Map(decisions.map((d) => [d.item_id, d]));
  const votesBy = groupBy(votes, (r) => r.item_id);
  const dissentsBy = groupBy(dissents, (r) => r.item_id);
  const itemsBy = groupBy(items, (r) => r.meeting_id);
  const attendanceBy = groupBy(attendance, (r) => r.meeting_id);
  const guestsBy = groupBy(guests, (r) => r.meeting_id);
  const approvalsBy = groupBy(approvals, (r) => r.meeting_id);
  const addendaBy = groupBy(addenda, (r) => r.meeting_id);
  const numbers = await numbersOfMeetings(db, meetings, itemsBy);

  return meetings.map((m) => {
    const mItems = itemsBy.get(m.id) ?? [];
    const exItems: ExItem[] = mItems.map((i) => {
      const d = decisionsBy.get(i.id);
      const v = votesBy.get(i.id) ?? [];
      const vote = (choice: 'for' | 'against' | 'abstained'): ExVote[] =>
        v.filter((x) => x.choice === choice).map((x) => (x.person_id !== null ? key(x.person_id) : { party: x.party ?? '', count: x.count ?? 1 }));
      const item: ExItem = {
        number: numbers.get(i.id) ?? i.position + 1,
        title: i.title,
        caseNumber: orUndef(i.case_number),
        access: i.access,
        publicTitle: orUndef(i.public_title),
        closedReason: i.closed_reason !== null ? { kind: i.closed_reason, text: orUndef(i.closed_reason_text) } : undefined,
        role: orUndef(i.role),
        supplementary: i.supplementary ? true : undefined,
        postponedFrom: i.postponed_from_meeting_id !== null ? { meetingId: i.postponed_from_meeting_id, number: i.postponed_from_number ?? 1 } : undefined,
        route: nonEmpty((routesBy.get(i.id) ?? []).map((r) => ({ body: r.body, date: orUndef(r.date) }))),
        sections: nonEmpty((sectionsBy.get(i.id) ?? []).map((s) => ({ kind: s.kind, heading: orUndef(s.heading), body: s.body }))),
        attachments: nonEmpty(
          (attachmentsBy.get(i.id) ?? []).map((a): ExAttachment => ({ title: a.title, access: a.access, sha256: orUndef(a.sha256), file: orUndef(a.file_name) })),
        ),
        absences: nonEmpty((absencesBy.get(i.id) ?? []).map((a) => ({ member: key(a.person_id), reason: a.reason }))),
        decision: d
          ? {
              outcome: d.outcome,
              text: orUndef(d.text),
              public: d.publication === null ? undefined : d.publication === 'published',
              votes: d.has_votes ? { for: vote('for'), against: vote('against'), abstained: vote('abstained') } : undefined,
              dissents: nonEmpty((dissentsBy.get(i.id) ?? []).map((x) => ({ member: key(x.person_id), text: x.text }))),
            }
          : undefined,
      };
      return item;
    });
    const meeting: ExMeeting = {
      id: m.id,
      start: m.start,
      end: orUndef(m.end),
      location: orUndef(m.location),
      calendarUid: orUndef(m.calendar_uid),
      status: m.status,
      attendance: nonEmpty(
        (attendanceBy.get(m.id) ?? []).map((a) => ({
          member: key(a.person_id),
          status: a.status,
          substitute: a.substitute_id !== null ? key(a.substitute_id) : undefined,
          fromItem: orUndef(a.from_item),
          untilItem: orUndef(a.until_item),
        })),
      ),
      guests: nonEmpty(
        (guestsBy.get(m.id) ?? []).map((g) => ({ name: g.name, title: orUndef(g.title), items: g.items !== null ? (JSON.parse(g.items) as number[]) : undefined })),
      ),
      approvals: nonEmpty((approvalsBy.get(m.id) ?? []).map((a) => ({ member: key(a.person_id), at: a.at }))),
      addenda: nonEmpty((addendaBy.get(m.id) ?? []).map((a) => ({ at: a.at, text: a.text }))),
      items: exItems,
    };
    return { row: m, meeting: withoutUndefined(meeting), itemIds: mItems.map((i) => i.id) };
  });
}

/** Drops undefined fields, so that exported JSON and content hashes see only what is there. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * stripUndefined for what readContent builds from rows (plain objects, arrays, strings, numbers,
 * booleans, null): the same result without writing and parsing the JSON, which sealing an
 * import's approved meetings spent a second of CPU per 20,000 items on.
 */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => (v === undefined ? null : withoutUndefined(v))) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out as T;
  }
  // As JSON would: a number it cannot write becomes null.
  return (typeof value === 'number' && !Number.isFinite(value) ? null : value) as T;
}

/** The content hash the lock stores: sha256 of the meeting's canonical exchange form. */
export const hashMeeting = (meeting: ExMeeting): string => sha256Hex(canonicalJson(meeting));
