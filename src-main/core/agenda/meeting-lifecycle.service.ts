// A meeting's life: edited (date, time, place), cancelled, and stepped planned -> agenda
// published -> held and back. Publishing freezes the item numbers. The step to "minutes
// approved" and the lock belong to the meeting-day feature.
import type { MeetingStatus, MeetingSummary } from '../../../src-shared/domain';
import { formatShortDa, formatLongDa } from '../../../src-shared/dates';
import { appendChange } from '../changelog/changelog';
import { claimVersion, staleEdit } from '../changelog/stale-edit';
import { AppError } from '../errors';
import { assertMeetingUnlocked, getMeetingSummary } from '../meetings/meetings.service';
import type { Db } from '../store/database';
import { nowIso } from '../util/canonical';
import { freezeNumbers, thawNumbers } from './items.service';

/** `version`: the one the form loaded; a change made meanwhile refuses this edit (stale-edit.ts). */
export type MeetingPatch = { id: string; start?: string | undefined; end?: string | null | undefined; location?: string | null | undefined; version?: number | undefined };

export async function updateMeeting(db: Db, { version, ...patch }: MeetingPatch): Promise<MeetingSummary> {
  const meeting = await assertMeetingUnlocked(db, patch.id);
  if (!(await claimVersion(db, 'meetings', meeting.id, version))) {
    throw await staleEdit(db, { table: 'meetings', id: meeting.id, meetingId: meeting.id, en: `The meeting on ${meeting.start.slice(0, 10)}`, da: `Mødet den ${formatShortDa(meeting.start)}` });
  }
  const start = patch.start ?? meeting.start;
  let end = patch.end !== undefined ? patch.end : meeting.end;
  // Moving the meeting to another day takes its end along, at the same time of day.
  if (patch.start !== undefined && patch.end === undefined && end !== null) end = `${start.slice(0, 10)}T${end.slice(11)}`;
  if (end !== null && end <= start) throw new AppError('Invalid', 'The meeting must end after it starts.', 'Mødet skal slutte, efter det begynder.');
  if (start !== meeting.start) {
    const clash = await db.selectFrom('meetings').select('id').where('committee_id', '=', meeting.committee_id).where('start', '=', start).where('id', '!=', meeting.id).executeTakeFirst();
    if (clash) throw new AppError('Conflict', `The committee already has a meeting at ${start.replace('T', ' ')}.`, `Udvalget har allerede et møde ${formatLongDa(start)}.`);
  }
  await db
    .updateTable('meetings')
    .set({ start, end, ...(patch.location !== undefined ? { location: patch.location || null } : {}), updated_at: nowIso() })
    .where('id', '=', meeting.id)
    .execute();
  const oldDay = meeting.start.slice(0, 10);
  const newDay = start.slice(0, 10);
  if (oldDay !== newDay) {
    // The procedure step "this committee, on this meeting's date" follows the meeting.
    const committee = await db.selectFrom('committees').select('name').where('id', '=', meeting.committee_id).executeTakeFirstOrThrow();
    await db
      .updateTable('item_route_steps')
      .set({ date: newDay })
      .where('item_id', 'in', (eb) => eb.selectFrom('items').select('id').where('meeting_id', '=', meeting.id))
      .where('body', '=', committee.name).where('date', '=', oldDay).execute();
  }
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'meeting.update', payload: patch });
  return getMeetingSummary(db, meeting.id);
}

export async function cancelMeeting(db: Db, id: string): Promise<MeetingSummary> {
  const meeting = await assertMeetingUnlocked(db, id);
  if (meeting.status === 'cancelled') return getMeetingSummary(db, id);
  if (meeting.status === 'held' || meeting.status === 'minutes-approved') throw new AppError('Conflict', `The meeting on ${meeting.start.slice(0, 10)} has been held and cannot be cancelled.`, `Mødet den ${formatShortDa(meeting.start)} er afholdt og kan ikke aflyses.`);
  const items = await db.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).where('meeting_id', '=', id).executeTakeFirstOrThrow();
  const n = Number(items.n);
  if (n > 0) throw new AppError('Conflict', `The meeting on ${meeting.start.slice(0, 10)} still has ${n} agenda item${n === 1 ? '' : 's'}; move them to another meeting or delete them before cancelling.`,
      `Mødet den ${formatShortDa(meeting.start)} har stadig ${n} ${n === 1 ? 'punkt' : 'punkter'} på dagsordenen; flyt dem til et andet møde eller slet dem, før mødet aflyses.`,
    );
  await db.updateTable('meetings').set({ status: 'cancelled', updated_at: nowIso() }).where('id', '=', id).execute();
  await appendChange(db, { meetingId: id, committeeId: meeting.committee_id, action: 'meeting.cancel', payload: { start: meeting.start } });
  return getMeetingSummary(db, id);
}

const STEPS: Partial<Record<MeetingStatus, MeetingStatus[]>> = {
  planned: ['agenda-published'],
  'agenda-published': ['planned', 'held'],
  held: ['agenda-published'],
  cancelled: ['planned'],
};

export async function setMeetingStatus(db: Db, id: string, status: MeetingStatus): Promise<MeetingSummary> {
  const meeting = await assertMeetingUnlocked(db, id);
  if (status === meeting.status) return getMeetingSummary(db, id);
  if (status === 'minutes-approved') throw new AppError('Forbidden', 'Minutes are approved on the meeting day, where the signatures are collected; the status cannot be set directly.', 'Referatet godkendes under mødeafviklingen, hvor underskrifterne samles; status kan ikke sættes direkte.');
  if (status === 'cancelled') return cancelMeeting(db, id);
  if (!(STEPS[meeting.status] ?? []).includes(status)) {
    throw new AppError('Conflict', `A meeting cannot go from "${meeting.status}" to "${status}"; it moves one step at a time: planned, agenda published, held.`,
      'Et møde går ét trin ad gangen: planlagt, dagsorden udsendt, afholdt.',
    );
  }
  if (status === 'agenda-published' && meeting.status === 'planned') await freezeNumbers(db, meeting);
  if (status === 'planned' && meeting.status === 'agenda-published') await thawNumbers(db, id);
  await db.updateTable('meetings').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
  await appendChange(db, { meetingId: id, committeeId: meeting.committee_id, action: 'meeting.status', payload: { from: meeting.status, to: status } });
  return getMeetingSummary(db, id);
}
