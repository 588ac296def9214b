// Reads meetings whole, as exchange-format objects: the one shape that export, the documents
// and the lock's content hash are all made from.
import type { ExAttachment, ExItem, ExMeeting, ExVote } from '../../../src-shared/exchange';
import type { Db, MeetingRow } from '../store/database';
import type { NumberingRule } from '../../../src-shared/domain';
import { assignNumbers, type NumberingMeeting } from '../agenda/numbering';
import { canonicalJson, sha256Hex } from '../util/canonical';

export type MeetingFilter = { committeeIds?: string[]; meetingIds?: string[]; year?: number };

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

/**
 * A committee's meetings with their items in agenda order, as numbering counts them: the given
 * years under a per-year rule (none given: every year), every meeting under per-meeting.
 */
export async function numberingMeetings(db: Db, committeeId: string, rule: NumberingRule, years: ReadonlySet<string>): Promise<NumberingMeeting[]> {
  let q = db.selectFrom('meetings').select(['id', 'start', 'status']).where('committee_id', '=', committeeId);
  if (rule === 'per-year' && years.size > 0) q = q.where((eb) => eb.or([...years].map((y) => eb('start', 'like', `${y}-%`))));
  const meetings = await q.execute();
  if (meetings.length === 0) return [];
  const items = await db
    .selectFrom('items')
    .select(['id', 'meeting_id', 'number'])
    .where('meeting_id', 'in', meetings.map((m) => m.id))
    .orderBy('meeting_id')
    .orderBy('position')
    .execute();
  const byMeeting = groupBy(items, (i) => i.meeting_id);
  return meetings.map((m) => ({ ...m, items: byMeeting.get(m.id) ?? [] }));
}

/** Item numbers follow the committee's rule across the year, so all of a year's meetings count. */
export async function effectiveNumbers(db: Db, committeeId: string, years: Set<string>): Promise<Map<string, number>> {
  const committee = await db.selectFrom('committees').select('numbering').where('id', '=', committeeId).executeTakeFirstOrThrow();
  return assignNumbers(committee.numbering, await numberingMeetings(db, committeeId, committee.numbering, years));
}

export type MeetingContent = { row: MeetingRow; meeting: ExMeeting; itemIds: string[] };

export async function readMeetings(db: Db, filter: MeetingFilter): Promise<MeetingContent[]> {
  let q = db.selectFrom('meetings').selectAll().orderBy('start').orderBy('id');
  if (filter.committeeIds) q = q.where('committee_id', 'in', filter.committeeIds.length ? filter.committeeIds : ['']);
  if (filter.meetingIds) q = q.where('id', 'in', filter.meetingIds.length ? filter.meetingIds : ['']);
  if (filter.year !== undefined) q = q.where('start', 'like', `${filter.year}-%`);
  const meetings = await q.execute();
  if (meetings.length === 0) return [];
  const ids = meetings.map((m) => m.id);

  const people = new Map((await db.selectFrom('people').select(['id', 'key']).execute()).map((p) => [p.id, p.key]));
  const key = (id: string | null): string => people.get(id ?? '') ?? '?';

  const items = await db.selectFrom('items').selectAll().where('meeting_id', 'in', ids).orderBy('position').execute();
  const itemIds = items.map((i) => i.id);
  const inItems = itemIds.length ? itemIds : [''];
  const [sections, routes, attachments, absences, decisions, votes, dissents, attendance, guests, approvals, addenda] = await Promise.all([
    db.selectFrom('item_sections').selectAll().where('item_id', 'in', inItems).orderBy('position').execute(),
    db.selectFrom('item_route_steps').selectAll().where('item_id', 'in', inItems).orderBy('position').execute(),
    db.selectFrom('attachments').selectAll().where('item_id', 'in', inItems).orderBy('position').execute(),
    db.selectFrom('item_absences').selectAll().where('item_id', 'in', inItems).orderBy('position').execute(),
    db.selectFrom('decisions').selectAll().where('item_id', 'in', inItems).execute(),
    db.selectFrom('votes').selectAll().where('item_id', 'in', inItems).orderBy('position').execute(),
    db.selectFrom('dissents').selectAll().where('item_id', 'in', inItems).orderBy('position').execute(),
    db.selectFrom('attendance').selectAll().where('meeting_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('guests').selectAll().where('meeting_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('approvals').selectAll().where('meeting_id', 'in', ids).orderBy('at').orderBy('person_id').execute(),
    db.selectFrom('addenda').selectAll().where('meeting_id', 'in', ids).orderBy('at').orderBy('id').execute(),
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

  const numbers = new Map<string, number>();
  for (const committeeId of new Set(meetings.map((m) => m.committee_id))) {
    const years = new Set(meetings.filter((m) => m.committee_id === committeeId).map((m) => m.start.slice(0, 4)));
    for (const [k, v] of await effectiveNumbers(db, committeeId, years)) numbers.set(k, v);
  }

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
              public: d.public ? true : undefined,
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
    return { row: m, meeting: stripUndefined(meeting), itemIds: mItems.map((i) => i.id) };
  });
}

/** Drops undefined fields, so that exported JSON and content hashes see only what is there. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The content hash the lock stores: sha256 of the meeting's canonical exchange form. */
export const hashMeeting = (meeting: ExMeeting): string => sha256Hex(canonicalJson(meeting));
