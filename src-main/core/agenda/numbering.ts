// Item numbers: per meeting (1..n) or continuous over the calendar year (Punkt 42..52).
// A stored number (frozen at publication, or given on import) is kept and the count goes on from it.
import type { MeetingStatus, NumberingRule } from '../../../src-shared/domain';

export type NumberingMeeting = {
  id: string;
  start: string;
  status: MeetingStatus;
  /** In agenda order. */
  items: readonly { id: string; number: number | null }[];
};

export type Numbering = {
  /** Effective number of every item. */
  numbers: Map<string, number>;
  /** Per meeting: the number its first unfrozen item gets. */
  firstNumber: Map<string, number>;
};

const byStart = (a: NumberingMeeting, b: NumberingMeeting): number => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1);

/** Numbers of one committee's meetings, in calendar order. */
export function countNumbers(rule: NumberingRule, meetings: readonly NumberingMeeting[]): Numbering {
  const numbers = new Map<string, number>();
  const firstNumber = new Map<string, number>();
  let year = '';
  let last = 0;
  for (const m of [...meetings].sort(byStart)) {
    if (rule === 'per-meeting' || m.start.slice(0, 4) !== year) last = 0;
    year = m.start.slice(0, 4);
    firstNumber.set(m.id, last + 1);
    // A cancelled meeting does not use up numbers: its items are shown after the count, not in it.
    let counter = last;
    for (const item of m.items) {
      const n = item.number ?? counter + 1;
      numbers.set(item.id, n);
      counter = Math.max(counter, n);
    }
    if (m.status !== 'cancelled') last = counter;
  }
  return { numbers, firstNumber };
}

/** Effective number of every item of one committee's meetings. */
export function assignNumbers(rule: NumberingRule, meetings: readonly NumberingMeeting[]): Map<string, number> {
  return countNumbers(rule, meetings).numbers;
}

/**
 * The number of an item added to a published agenda (tillægsdagsorden): after the meeting's
 * highest number, skipping numbers that a later published meeting of the year already holds.
 */
export function nextFreeNumber(rule: NumberingRule, meetings: readonly NumberingMeeting[], meetingId: string): number {
  const { numbers, firstNumber } = countNumbers(rule, meetings);
  const meeting = meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} is not among those counted`);
  let candidate = Math.max(firstNumber.get(meetingId) ?? 1, ...meeting.items.map((i) => (numbers.get(i.id) ?? 0) + 1));
  if (rule === 'per-year') {
    const year = meeting.start.slice(0, 4);
    const taken = new Set<number>();
    for (const m of meetings) {
      if (m.id === meetingId || m.status === 'cancelled' || m.start.slice(0, 4) !== year) continue;
      for (const i of m.items) if (i.number !== null) taken.add(i.number);
    }
    while (taken.has(candidate)) candidate++;
  }
  return candidate;
}
