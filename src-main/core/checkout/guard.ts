// The one check that keeps a checked-out meeting unchanged (issue 14 §4): appendChange calls it
// before every change-log entry, and every edit writes one, so no edit of the meeting, its items,
// attendance, decisions or attachments gets past it. On the server a held meeting refuses every
// edit, naming the holder and since when; on the laptop a checked-out copy refuses changes to its
// committee (members, house style), which the check-in could not carry back.
import { formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { localTime } from '../util/local-time';

type Entry = { meetingId?: string | null | undefined; committeeId?: string | null | undefined; alsoMeetings?: readonly string[] | undefined };

export async function refuseHeld(db: Db, entry: Entry): Promise<void> {
  try {
    await refuse(db, entry);
  } catch (e) {
    // A SQLite file opened at a schema before checkouts (tests, a migration's own writes) holds none.
    // (PostgreSQL is always migrated to the newest schema before use, so it never gets here.)
    if (!(e instanceof AppError) && /no such table: checkouts/.test((e as Error)?.message ?? '')) return;
    throw e;
  }
}

async function refuse(db: Db, entry: Entry): Promise<void> {
  const meetings = [entry.meetingId, ...(entry.alsoMeetings ?? [])].filter((m): m is string => typeof m === 'string');
  if (meetings.length > 0) {
    // One or two meetings: the one the entry is about, and one an item moved into.
    for (const meetingId of meetings) {
      const held = await db
        .selectFrom('checkouts as c')
        .innerJoin('meetings as m', 'm.id', 'c.meeting_id')
        .innerJoin('committees as k', 'k.id', 'm.committee_id')
        .select(['c.holder', 'c.since', 'm.start', 'k.name'])
        .where('c.meeting_id', '=', meetingId)
        .where('c.role', '=', 'server')
        .executeTakeFirst();
      if (held) throw heldMeeting(held);
    }
  }
  if (entry.committeeId) {
    // On a laptop: the copy's committee changes only in the copy itself (its members, settings and
    // other meetings stay as the server has them, since the check-in carries back that one meeting).
    const copy = await db
      .selectFrom('checkouts as c')
      .innerJoin('committees as k', 'k.id', 'c.committee_id')
      .select(['k.name', 'c.meeting_id'])
      .where('c.committee_id', '=', entry.committeeId)
      .where('c.role', '=', 'copy')
      .executeTakeFirst();
    if (copy && meetings.length === 0) {
      throw new AppError('Locked', `${copy.name} came to this computer with a checked-out meeting, so its members and settings can only be changed on the server; check the meeting in first.`,
        `${copy.name} kom til denne computer med et møde taget med offline, så udvalgets medlemmer og indstillinger kan kun ændres på serveren; aflever mødet først.`);
    }
    if (copy && meetings.some((m) => m !== copy.meeting_id)) {
      throw new AppError('Locked', `Only the checked-out meeting of ${copy.name} can be changed on this computer: its other meetings are kept on the server, and the check-in carries back that one meeting.`,
        `Kun det møde i ${copy.name}, der er taget med offline, kan ændres på denne computer: udvalgets andre møder ligger på serveren, og afleveringen bringer kun det ene møde tilbage.`);
    }
  }
}

/** "The meeting of Økonomiudvalget on 02-06-2026 is checked out to Anne Holm (since 14:32 on 02-12-2026) …" */
export function heldMeeting(h: { holder: string; since: string; start: string; name: string }): AppError {
  const { date, time } = localTime(h.since);
  return new AppError('Locked',
    `The meeting of ${h.name} on ${formatShortDa(h.start)} is checked out to ${h.holder} for offline work (since ${time} on ${date}); it can be read, but not changed until it is checked in.`,
    `Mødet i ${h.name} den ${formatShortDa(h.start)} er taget med offline af ${h.holder} (siden kl. ${time} den ${date}); det kan læses, men ikke ændres, før det er afleveret igen.`);
}
