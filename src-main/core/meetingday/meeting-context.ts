// Loads one meeting whole for the meeting-day rules: its row, committee, members (with names and
// parties) and its content as an exchange-format meeting with effective item numbers.
import type { ExItem, ExMeeting, ExMember } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import { AppError, notFound } from '../errors';
import type { CommitteeRow, Db, MeetingRow } from '../store/database';
import { committeesRepository } from '../committees/committees.repository';
import { readMeetings } from '../meetings/meeting-content';
import { assertMeetingUnlocked } from '../meetings/meetings.service';
import { presenceByItem, type ItemPresence } from '../meetings/presence';
import { toExMember } from '../committees/committees.service';

export type LoadedMeeting = {
  row: MeetingRow;
  committee: CommitteeRow;
  members: ExMember[];
  /** member key -> people.id */
  personIds: Map<string, string>;
  meeting: ExMeeting;
  /** Parallel to meeting.items. */
  itemIds: string[];
  name: (key: string) => string;
  party: (key: string) => string | null;
  /** "the meeting of Økonomiudvalget on 02-06-2026", for messages. */
  label: string;
  /** "mødet i Økonomiudvalget den 02-06-2026", the same for Danish messages. */
  labelDa: string;
};

export async function loadMeeting(db: Db, meetingId: string): Promise<LoadedMeeting> {
  const [content] = await readMeetings(db, { meetingIds: [meetingId] });
  if (!content) throw notFound('The meeting', 'Mødet');
  const committee = await db.selectFrom('committees').selectAll().where('id', '=', content.row.committee_id).executeTakeFirstOrThrow();
  const rows = await committeesRepository.members(db, committee.id);
  const members: ExMember[] = rows.map(toExMember);
  const personIds = new Map(rows.map((m) => [m.key, m.person_id]));
  // Everyone by key, so that a message can name a person from outside the committee too.
  const names = new Map((await db.selectFrom('people').select(['key', 'name']).execute()).map((p) => [p.key, p.name]));
  const parties = new Map(rows.map((m) => [m.key, m.party]));
  return {
    row: content.row,
    committee,
    members,
    personIds,
    meeting: content.meeting,
    itemIds: content.itemIds,
    name: (key) => names.get(key) ?? key,
    party: (key) => parties.get(key) ?? null,
    label: `the meeting of ${committee.name} on ${formatShortDa(content.row.start)}`,
    labelDa: `mødet i ${committee.name} den ${formatShortDa(content.row.start)}`,
  };
}

/** The meeting, checked for change: not approved (locked) and not cancelled. */
export async function loadForChange(db: Db, meetingId: string): Promise<LoadedMeeting> {
  await assertMeetingUnlocked(db, meetingId);
  const m = await loadMeeting(db, meetingId);
  if (m.row.status === 'cancelled') throw new AppError('Conflict', `${capital(m.label)} is cancelled; nothing can be recorded for it.`, `${capital(m.labelDa)} er aflyst; der kan ikke registreres noget for det.`);
  return m;
}

export async function meetingOfItem(db: Db, itemId: string): Promise<string> {
  const row = await db.selectFrom('items').select('meeting_id').where('id', '=', itemId).executeTakeFirst();
  if (!row) throw notFound('The item', 'Punktet');
  return row.meeting_id;
}

export type LoadedItem = { item: ExItem; index: number; number: number; presence: ItemPresence };

export function itemOf(m: LoadedMeeting, itemId: string): LoadedItem {
  const index = m.itemIds.indexOf(itemId);
  const item = m.meeting.items[index];
  if (index < 0 || !item) throw notFound('The item', 'Punktet');
  const number = item.number ?? index + 1;
  const presence = presenceByItem(m.members, m.meeting).get(number) ?? { number, participants: [], apologies: [], absent: [], disqualified: [] };
  return { item, index, number, presence };
}

export function personId(m: LoadedMeeting, key: string): string {
  const id = m.personIds.get(key);
  if (!id) throw new AppError('Invalid', `"${key}" is not a member of ${m.committee.name}.`, `"${key}" er ikke medlem af ${m.committee.name}.`);
  return id;
}

/** Meeting statuses as the Danish UI names them, for Danish messages. */
export const STATUS_DA: Record<string, string> = {
  planned: 'planlagt',
  'agenda-published': 'dagsorden udsendt',
  held: 'afholdt',
  'minutes-approved': 'referat godkendt',
  cancelled: 'aflyst',
};

export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
