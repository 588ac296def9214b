// Writes one committee of an import: its own row and members first (openCommittee), then each
// meeting as it comes (importCommitteeMeeting), then the change logged and its approved meetings
// handed on, to be locked and sealed at the end of the import (closeCommittee). A committee read
// whole goes through the same three steps (importCommittee); one read from a stream gets its
// meetings one at a time, so memory holds a meeting, not a committee. The caller holds the
// transaction.
import type { ImportReport } from '../../../src-shared/api/exchange';
import type { ExCommittee, ExMeeting } from '../../../src-shared/exchange';
import { formatLongDa, formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { CommitteeRow, Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { importedFileName } from '../files/attachment-policy';
import { canonicalJson, newId, nowIso } from '../util/canonical';
import { readMeetings, stripUndefined } from '../meetings/meeting-content';
import { committeeFields, existingCommitteeFields, membershipUpdate, personFor } from './import-settings';
import { writeMeetingContent } from '../meetings/meeting-write';
import type { NoteMeeting } from '../search/search-index';
import { normalizeMeeting } from './normalize';

/** A committee being imported: its row and members written, its meetings coming. */
export type OpenCommittee = {
  committeeId: string;
  name: string;
  /** The committee was in the store before this import (its settings are then kept unless adopted). */
  existed: boolean;
  at: string;
  personIds: Map<string, string>;
  /** Meetings that arrived approved: locked and sealed once the whole document is written (their numbers may depend on later meetings, their seal on the organisation). */
  approved: string[];
  /** Ids and starts of the meetings so far: a repeat within the committee is refused, as the schema does for a whole one. */
  ids: Set<string>;
  starts: Set<string>;
  meetings: number;
};

/** Meetings that arrived approved, by committee: locked and sealed once the whole document is written. */
export type Approved = { committeeId: string; meetingIds: string[] }[];

type Context = { adopt: boolean; report: ImportReport; files: Map<string, Uint8Array>; approved: Approved; noteMeeting: NoteMeeting };

export async function importCommittee(db: Db, c: ExCommittee, at: string, context: Context): Promise<void> {
  const open = await openCommittee(db, c, at, context);
  for (const [mi, m] of c.meetings.entries()) await importCommitteeMeeting(db, open, m, mi, context);
  await closeCommittee(db, open, context);
}

/** Writes the committee's own row (new, or existing with its settings kept unless adopted) and its members. */
export async function openCommittee(db: Db, c: ExCommittee, at: string, { adopt, report }: Context): Promise<OpenCommittee> {
  const existing = await db.selectFrom('committees').selectAll().where('name', '=', c.name).executeTakeFirst();
  await writeCommitteeRow(db, existing, c, at, adopt, report);
  const row = (await db.selectFrom('committees').selectAll().where('name', '=', c.name).executeTakeFirst())!;
  const existed = existing !== undefined;
  const committeeId = row.id;

  // Members: upserted by key; members the document leaves out stay, since old meetings name them.
  const current = new Map((await db.selectFrom('memberships').selectAll().where('committee_id', '=', committeeId).execute()).map((ms) => [ms.person_id, ms]));
  let nextPosition = [...current.values()].reduce((max, m) => Math.max(max, m.position + 1), 0);
  const personIds = new Map<string, string>();
  for (const [mi, m] of c.members.entries()) {
    const personId = await personFor(db, { id: existed ? committeeId : null, name: c.name }, m, adopt, report);
    personIds.set(m.key, personId);
    const membership = current.get(personId);
    // An existing membership keeps its values and place unless the import adopts the file's.
    const values = membershipUpdate(membership, m, c.name, adopt, report);
    if (!membership) {
      await db.insertInto('memberships').values({ id: newId(), committee_id: committeeId, person_id: personId, position: nextPosition++, ...values! }).execute();
    } else if (values) {
      await db.updateTable('memberships').set({ ...values, position: mi }).where('id', '=', membership.id).execute();
    }
  }
  const members = await db.selectFrom('memberships as ms').innerJoin('people as p', 'p.id', 'ms.person_id').select(['p.key', 'p.id']).where('ms.committee_id', '=', committeeId).execute();
  // Members the file leaves out keep their keys, unless the file uses that key for someone else.
  for (const m of members) if (!personIds.has(m.key)) personIds.set(m.key, m.id);
  return { committeeId, name: c.name, existed, at, personIds, approved: [], ids: new Set(), starts: new Set(), meetings: 0 };
}

async function writeCommitteeRow(db: Db, row: CommitteeRow | undefined, c: ExCommittee, at: string, adopt: boolean, report: ImportReport, count = true): Promise<void> {
  const now = nowIso();
  // The file's short name is checked only where it will be written (a new committee, or adopting).
  if (!row || adopt) await refuseTakenShortName(db, c, row?.id, at);
  if (row) {
    await db.updateTable('committees').set({ ...existingCommitteeFields(row, c, adopt, report), updated_at: now }).where('id', '=', row.id).execute();
    if (count) report.committees.updated++;
  } else {
    await db.insertInto('committees').values({ id: newId(), name: c.name, ...committeeFields(c), created_at: now, updated_at: now }).execute();
    if (count) report.committees.added++;
  }
}

async function refuseTakenShortName(db: Db, c: ExCommittee, ownId: string | undefined, at: string): Promise<void> {
  if (!c.shortName) return;
  const other = await db.selectFrom('committees').select(['id', 'name']).where('short_name', '=', c.shortName).executeTakeFirst();
  if (other && other.id !== ownId) throw new AppError('Conflict', `${at}.shortName: "${c.shortName}" is already the short name of "${other.name}"`, `${at}.shortName: "${c.shortName}" er allerede forkortelsen for "${other.name}".`);
}

/**
 * The committee's fields that came after its meetings in a streamed file (a template, say), once
 * the whole committee has been read: written as they would have been had they come first. `late`
 * names them; the header holds the whole committee without meetings.
 */
export async function lateCommitteeFields(db: Db, open: OpenCommittee, header: ExCommittee, late: ReadonlySet<string>, { adopt, report }: Context): Promise<void> {
  const row = (await db.selectFrom('committees').selectAll().where('id', '=', open.committeeId).executeTakeFirst())!;
  // Only the late fields: the early ones were written (and any difference reported) already.
  const only = Object.fromEntries(Object.entries(header).filter(([k]) => late.has(k))) as Partial<ExCommittee>;
  const lateOnly: ExCommittee = { name: row.name, numbering: row.numbering, members: [], meetings: [], ...only };
  if (open.existed) return writeCommitteeRow(db, row, lateOnly, open.at, adopt, report, false);
  // A committee this import created takes the file's fields as they are.
  await refuseTakenShortName(db, lateOnly, row.id, open.at);
  await db.updateTable('committees').set(committeeFields(lateOnly)).where('id', '=', row.id).execute();
}

/**
 * One meeting of an open committee, checked against the meetings before it (a repeated id or
 * start, as the schema checks a whole committee), then written.
 */
export async function importCommitteeMeeting(db: Db, open: OpenCommittee, m: ExMeeting, index: number, { report, files, noteMeeting }: Context): Promise<void> {
  const path = `${open.at}.meetings[${index}]`;
  if (m.id !== undefined) {
    if (open.ids.has(m.id)) throw new AppError('Invalid', `${path}.id: repeats the meeting id ${m.id}`, `${path}.id: gentager møde-id'et ${m.id}.`);
    open.ids.add(m.id);
  }
  if (open.starts.has(m.start)) throw new AppError('Invalid', `${path}.start: repeats the meeting start ${m.start} of this committee`, `${path}.start: gentager udvalgets mødestart ${m.start}.`);
  open.starts.add(m.start);
  open.meetings++;
  defuseFileNames(m, files, report);
  const locked = await importMeeting(db, open.committeeId, open.name, m, path, open.personIds, report, noteMeeting);
  if (locked) open.approved.push(locked);
}

export async function closeCommittee(db: Db, open: OpenCommittee, { approved }: Context): Promise<void> {
  if (open.approved.length > 0) approved.push({ committeeId: open.committeeId, meetingIds: open.approved });
  await appendChange(db, { committeeId: open.committeeId, action: 'committee.import', payload: { name: open.name, meetings: open.meetings } });
}

/**
 * An attachment whose file is not a document Referent opens (an .exe, "Budget 2027.pdf.cmd", a
 * "PDF" whose bytes are something else) keeps its bytes but is stored under a name that opens
 * nothing. Done to the meeting as read, so a locked meeting compares with what was stored.
 */
function defuseFileNames(m: ExMeeting, files: Map<string, Uint8Array>, report: ImportReport): void {
  for (const i of m.items)
    for (const a of i.attachments ?? []) {
      if (a.file === undefined) continue;
      const safe = importedFileName(a.file, a.sha256 ? files.get(a.sha256) : undefined);
      if (safe !== a.file) {
        (report.renamedFiles ??= []).push({ from: a.file, to: safe });
        a.file = safe;
      }
    }
}

/** Returns the meeting's id when it arrived approved and is to be locked (lockApproved, at the end of the import). */
async function importMeeting(db: Db, committeeId: string, committeeName: string, m: ExMeeting, at: string, personIds: Map<string, string>, report: ImportReport, noteMeeting: NoteMeeting): Promise<string | null> {
  let existing = m.id ? await db.selectFrom('meetings').selectAll().where('id', '=', m.id).executeTakeFirst() : undefined;
  if (existing && existing.committee_id !== committeeId) throw new AppError('Conflict', `${at}.id: the meeting ${m.id} belongs to another committee`, `${at}.id: mødet ${m.id} hører til et andet udvalg.`);
  const atStart = await db.selectFrom('meetings').selectAll().where('committee_id', '=', committeeId).where('start', '=', m.start).executeTakeFirst();
  if (!existing && atStart) {
    if (m.id) throw new AppError('Conflict', `${at}.start: ${committeeName} already has another meeting (${atStart.id}) at ${m.start}`,
        `${at}.start: ${committeeName} har allerede et andet møde (${atStart.id}) ${formatLongDa(m.start).toLowerCase()}.`,
      );
    existing = atStart;
  } else if (existing && atStart && atStart.id !== existing.id) {
    throw new AppError('Conflict', `${at}.start: ${committeeName} already has another meeting at ${m.start}`,
      `${at}.start: ${committeeName} har allerede et andet møde ${formatLongDa(m.start).toLowerCase()}.`,
    );
  }

  if (existing?.locked_at) {
    const [current] = await readMeetings(db, { meetingIds: [existing.id] });
    const same = canonicalJson(normalizeMeeting(current!.meeting, m)) === canonicalJson(normalizeMeeting(stripUndefined({ ...m, id: existing.id }), m));
    if (!same) throw new AppError('Locked', `${at}: the meeting of ${committeeName} on ${m.start.replace('T', ' ')} is approved and locked, and the document's content differs from it`,
        `${at}: mødet i ${committeeName} den ${formatShortDa(m.start)} er godkendt og låst, og dokumentets indhold afviger fra det.`,
      );
    report.meetings.unchanged++;
    return null;
  }

  const id = existing?.id ?? m.id ?? newId();
  const now = nowIso();
  const row = {
    start: m.start,
    end: m.end ?? null,
    location: m.location ?? null,
    calendar_uid: m.calendarUid ?? null,
    status: m.status ?? 'planned',
    updated_at: now,
  };
  if (existing) {
    await db.updateTable('meetings').set(row).where('id', '=', id).execute();
    report.meetings.replaced++;
  } else {
    await db.insertInto('meetings').values({ id, committee_id: committeeId, ...row, created_at: now }).execute();
    report.meetings.added++;
  }
  report.items += await writeMeetingContent(db, id, m, personIds, at, !existing);
  // Its new rows were not noted for the search index one by one (SearchIndex.bulkInsert): its items are, here.
  await noteMeeting(id);
  await appendChange(db, { meetingId: id, committeeId, action: existing ? 'meeting.replace' : 'meeting.import', payload: { start: m.start, items: m.items.length } });
  return m.status === 'minutes-approved' ? id : null;
}
