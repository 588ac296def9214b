// Who took part in what: the committee's seats at a meeting, and for every item who was there,
// who sent apologies, who was absent (also by arriving late or leaving early) and who was
// disqualified. Pure: documents, meeting mode and the vote rules all derive from this one place.
import type { ExMeeting, ExMember } from '../../../src-shared/exchange';

const SEAT_ROLES = new Set(['chair', 'vice-chair', 'member']);

/** Members with a seat on the meeting's date (membership period inclusive). */
export function seatHolders(members: readonly ExMember[], meetingStart: string): ExMember[] {
  const day = meetingStart.slice(0, 10);
  return members.filter((m) => SEAT_ROLES.has(m.role) && (m.from === undefined || m.from <= day) && (m.until === undefined || m.until >= day));
}

export type Seat = {
  /** The member who holds the seat. */
  holder: string;
  /** Who sat in it: the holder, or the substitute called in; null when nobody did. */
  sitting: string | null;
  status: 'present' | 'apologies' | 'absent' | 'unrecorded';
  fromItem?: number | undefined;
  untilItem?: number | undefined;
};

export function seats(members: readonly ExMember[], meeting: ExMeeting): Seat[] {
  const byMember = new Map((meeting.attendance ?? []).map((a) => [a.member, a]));
  const out: Seat[] = [];
  const holders = seatHolders(members, meeting.start);
  const seen = new Set<string>();
  for (const h of holders) {
    seen.add(h.key);
    const a = byMember.get(h.key);
    if (!a) {
      out.push({ holder: h.key, sitting: h.key, status: 'unrecorded' });
      continue;
    }
    const sitting = a.status === 'present' ? h.key : (a.substitute ?? null);
    out.push({ holder: h.key, sitting, status: a.status, fromItem: a.fromItem, untilItem: a.untilItem });
  }
  // Attendance of someone without a seat that day (e.g. a member whose period ended) still counts.
  for (const a of meeting.attendance ?? []) {
    if (seen.has(a.member)) continue;
    const sitting = a.status === 'present' ? a.member : (a.substitute ?? null);
    out.push({ holder: a.member, sitting, status: a.status, fromItem: a.fromItem, untilItem: a.untilItem });
  }
  return out;
}

export type ItemPresence = {
  number: number;
  /** Keys of everyone who took part in the item (members and substitutes). */
  participants: string[];
  /** Seat holders who sent apologies for the meeting (and had no one sit in for them). */
  apologies: string[];
  /** Absent from this item: absent from the meeting, arrived after or left before it, or marked absent. */
  absent: string[];
  /** Disqualified (inhabil) for this item. */
  disqualified: string[];
};

export function presenceByItem(members: readonly ExMember[], meeting: ExMeeting): Map<number, ItemPresence> {
  const allSeats = seats(members, meeting);
  const out = new Map<number, ItemPresence>();
  for (const [index, item] of meeting.items.entries()) {
    const n = item.number ?? index + 1;
    const p: ItemPresence = { number: n, participants: [], apologies: [], absent: [], disqualified: [] };
    const marked = new Map((item.absences ?? []).map((a) => [a.member, a.reason]));
    for (const seat of allSeats) {
      if (seat.sitting === null) {
        if (seat.status === 'apologies') p.apologies.push(seat.holder);
        else p.absent.push(seat.holder);
        continue;
      }
      const inRange = (seat.fromItem === undefined || n >= seat.fromItem) && (seat.untilItem === undefined || n <= seat.untilItem);
      const reason = marked.get(seat.sitting);
      if (!inRange || reason === 'absent') p.absent.push(seat.sitting);
      else if (reason === 'disqualified') p.disqualified.push(seat.sitting);
      else p.participants.push(seat.sitting);
    }
    out.set(n, p);
  }
  return out;
}
