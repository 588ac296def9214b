// Item numbers: per meeting (1..n) or continuous over the calendar year (Punkt 42..52).
// A stored number (frozen at publication, or given on import) is kept and the count goes on from it.
import type { MeetingStatus, NumberingRule } from '../../../src-shared/domain';

export type NumberingMeeting = {
  id: string;
  start: string;
  status: MeetingStatus;
  /** In agenda order. */
  items: { id: string; number: number | null }[];
};

/** Effective number of every item of one committee's meetings. */
export function assignNumbers(rule: NumberingRule, meetings: readonly NumberingMeeting[]): Map<string, number> {
  const out = new Map<string, number>();
  const sorted = [...meetings].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  let year = '';
  let last = 0;
  for (const m of sorted) {
    if (rule === 'per-meeting' || m.start.slice(0, 4) !== year) last = 0;
    year = m.start.slice(0, 4);
    // A cancelled meeting does not use up numbers: its items are shown after the count, not in it.
    let counter = last;
    for (const item of m.items) {
      const n = item.number ?? counter + 1;
      out.set(item.id, n);
      counter = Math.max(counter, n);
    }
    if (m.status !== 'cancelled') last = counter;
  }
  return out;
}
