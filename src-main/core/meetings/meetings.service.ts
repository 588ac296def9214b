// Meetings of a committee: listing and creating (a new meeting starts with the template's
// standard items).
import { resolveTemplate, type CommitteeTemplate, type MeetingHeader, type MeetingSummary } from '../../../src-shared/domain';
import { formatLongDa, formatShortDa } from '../../../src-shared/dates';
import { AppError, notFound } from '../errors';
import type { Db, MeetingRow } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { newId, nowIso } from '../util/canonical';

type SummaryRow = MeetingRow & { item_count: number | bigint | null; held_offline: unknown };

function toSummary(r: SummaryRow): MeetingSummary {
  return {
    id: r.id,
    committeeId: r.committee_id,
    start: r.start,
    end: r.end,
    location: r.location,
    status: r.status,
    itemCount: Number(r.item_count ?? 0),
    locked: r.locked_at !== null,
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    heldOffline: Boolean(Number(r.held_offline)),
    version: r.version,
  };
}

const summaries = (db: Db) =>
  db
    .selectFrom('meetings as m')
    .selectAll('m')
    .select((eb) => eb.selectFrom('items as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.meeting_id', '=', 'm.id').as('item_count'))
    // Taken offline by someone: this archive holds it read-only until the copy is handed in (a laptop's own copy is not).
    .select((eb) => eb.exists(eb.selectFrom('checkouts as c').select('c.meeting_id').whereRef('c.meeting_id', '=', 'm.id').where('c.role', '=', 'server')).as('held_offline'));

export async function listMeetings(db: Db, committeeId: string, year?: number): Promise<MeetingSummary[]> {
  let q = summaries(db).where('m.committee_id', '=', committeeId).orderBy('m.start');
  if (year !== undefined) q = q.where('m.start', 'like', `${year}-%`);
  return (await q.execute()).map(toSummary);
}

export async function getMeetingSummary(db: Db, id: string): Promise<MeetingSummary> {
  const row = await summaries(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The meeting', 'Mødet');
  return toSummary(row);
}

export async function getMeetingHeader(db: Db, id: string): Promise<MeetingHeader> {
  const summary = await getMeetingSummary(db, id);
  const c = await db.selectFrom('committees').select(['name', 'numbering']).where('id', '=', summary.committeeId).executeTakeFirstOrThrow();
  return { ...summary, committeeName: c.name, numbering: c.numbering };
}

export type NewMeetingInput = { committeeId: string; start: string; end?: string | null | undefined; location?: string | null | undefined };

export async function createMeeting(db: Db, input: NewMeetingInput): Promise<MeetingSummary> {
  const committee = await db.selectFrom('committees').selectAll().where('id', '=', input.committeeId).executeTakeFirst();
  if (!committee) throw notFound('The committee', 'Udvalget');
  const clash = await db.selectFrom('meetings').select('id').where('committee_id', '=', input.committeeId).where('start', '=', input.start).executeTakeFirst();
  if (clash) throw new AppError('Conflict', `${committee.name} already has a meeting at ${input.start.replace('T', ' ')}.`, `${committee.name} har allerede et møde ${formatLongDa(input.start).toLowerCase()}.`);
  const end = input.end ?? (committee.default_end ? `${input.start.slice(0, 10)}T${committee.default_end}` : null);
  if (end !== null && end <= input.start) throw new AppError('Invalid', 'The meeting must end after it starts.', 'Mødet skal slutte, efter det begynder.');
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('meetings')
    .values({
      id,
      committee_id: input.committeeId,
      start: input.start,
      end,
      location: input.location ?? committee.default_location,
      status: 'planned',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const template = resolveTemplate(JSON.parse(committee.template) as CommitteeTemplate);
  const standard = [...template.standardItems.filter((s) => s.position === 'first'), ...template.standardItems.filter((s) => s.position === 'last')];
  for (const [position, s] of standard.entries()) {
    await db.insertInto('items').values({ id: newId(), meeting_id: id, position, title: s.title, role: s.role ?? null, access: 'open' }).execute();
  }
  await appendChange(db, { meetingId: id, committeeId: input.committeeId, action: 'meeting.create', payload: input });
  return getMeetingSummary(db, id);
}

/** The lock (DESIGN.md, issue "meeting day"): an approved meeting's content cannot change. */
export async function assertMeetingUnlocked(db: Db, meetingId: string): Promise<MeetingRow> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound('The meeting', 'Mødet');
  if (row.locked_at !== null) throw new AppError('Locked', `The minutes of the meeting on ${row.start.slice(0, 10)} are approved and locked; add a dated addendum instead.`,
      `Referatet af mødet den ${formatShortDa(row.start)} er godkendt og låst; tilføj i stedet et dateret tillæg.`,
    );
  return row;
}
