// rollForwardCalendar: proposes next year's meetings from this year's (issue 6). Pure: the same
// meetings, blocked days and taken days always give the same proposal.
import { MONTHS_DA } from '../../../src-shared/dates';
import type { BlockedDays } from './blocked-periods';
import { daysBetween, shortDayDa, weekdaysInMonth, WEEKDAYS_LOWER_DA, WEEKDAYS_PLURAL_DA, weekdayOf, type Day } from './days';

export type SourceMeeting = {
  committeeId: string;
  committee: string;
  /** "2026-02-19T16:00", local Europe/Copenhagen wall clock. */
  start: string;
  end: string | null;
  location: string | null;
};

export type Proposal = SourceMeeting & {
  /** The date the monthly rule gives (n-th such weekday of the same month), before any move. */
  ruleDay: Day;
  proposed: string | null;
  proposedEnd: string | null;
  moved: boolean;
  /** Why ruleDay was not allowed: a blocked period or "taken" (the committee already meets then). */
  blockedBy: { kind: string; label: string } | null;
  reason: string;
};

export type RollForwardInput = {
  meetings: readonly SourceMeeting[];
  toYear: number;
  blocked: BlockedDays;
  /** Days on which a committee already meets in the target year: committeeId -> days. */
  taken?: ReadonlyMap<string, ReadonlySet<Day>>;
};

const ORDINAL_DA = ['1.', '2.', '3.', '4.', 'sidste'];

/** The n-th such weekday of the same month in the target year; a 5th weekday maps to the last. */
export function ruleDayFor(start: string, toYear: number): { day: Day; nth: number } {
  const month = Number(start.slice(5, 7));
  const day = Number(start.slice(8, 10));
  const nth = Math.ceil(day / 7);
  const options = weekdaysInMonth(toYear, month, weekdayOf(start.slice(0, 10)));
  return { day: options[Math.min(nth, options.length) - 1]!, nth };
}

/** Same-weekday candidates: first the same month, then the month before and after, each nearest first; on a tie the later. */
function candidates(ruleDay: Day, toYear: number): Day[] {
  const month = Number(ruleDay.slice(5, 7));
  const wd = weekdayOf(ruleDay);
  const byDistance = (days: Day[]): Day[] =>
    days
      .filter((d) => d !== ruleDay)
      .sort((a, b) => Math.abs(daysBetween(ruleDay, a)) - Math.abs(daysBetween(ruleDay, b)) || (a < b ? 1 : -1));
  const near = [month - 1, month + 1].filter((m) => m >= 1 && m <= 12).flatMap((m) => weekdaysInMonth(toYear, m, wd));
  return [...byDistance(weekdaysInMonth(toYear, month, wd)), ...byDistance(near)];
}

function describeNth(start: string, nth: number): string {
  return `${ORDINAL_DA[Math.min(nth, 5) - 1]} ${WEEKDAYS_LOWER_DA[weekdayOf(start.slice(0, 10))]} i ${MONTHS_DA[Number(start.slice(5, 7)) - 1]}`;
}

export function rollForwardCalendar(input: RollForwardInput): Proposal[] {
  const { toYear, blocked } = input;
  const sorted = [...input.meetings].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.committeeId < b.committeeId ? -1 : a.committeeId > b.committeeId ? 1 : 0));
  const used = new Map<string, Set<Day>>();
  const usedBy = (committeeId: string): Set<Day> => {
    let s = used.get(committeeId);
    if (!s) used.set(committeeId, (s = new Set(input.taken?.get(committeeId) ?? [])));
    return s;
  };
  const rules = sorted.map((m) => ruleDayFor(m.start, toYear));
  const out: (Proposal | null)[] = sorted.map(() => null);
  const at = (m: SourceMeeting, day: Day): { start: string; end: string | null } => ({
    start: `${day}${m.start.slice(10)}`,
    end: m.end === null ? null : `${day}${m.end.slice(10)}`,
  });

  // Pass 1: meetings whose rule day is free keep it, so a moved meeting never pushes one that needs no move.
  sorted.forEach((m, i) => {
    const { day, nth } = rules[i]!;
    const taken = usedBy(m.committeeId);
    if (blocked.has(day) || taken.has(day)) return;
    taken.add(day);
    const t = at(m, day);
    out[i] = { ...m, ruleDay: day, proposed: t.start, proposedEnd: t.end, moved: false, blockedBy: null, reason: `${describeNth(m.start, nth)}, som i ${m.start.slice(0, 4)}` };
  });

  // Pass 2: the rest move to the nearest allowed same weekday, or are listed as conflicts.
  sorted.forEach((m, i) => {
    if (out[i]) return;
    const { day } = rules[i]!;
    const taken = usedBy(m.committeeId);
    const block = blocked.get(day);
    const blockedBy = block ? { kind: block.kind, label: block.label } : { kind: 'taken', label: 'udvalget holder allerede møde den dag' };
    const target = candidates(day, toYear).find((d) => !blocked.has(d) && !taken.has(d));
    if (target === undefined) {
      const month = Number(day.slice(5, 7));
      const months = [month, month - 1, month + 1].filter((x) => x >= 1 && x <= 12).map((x) => MONTHS_DA[x - 1]);
      out[i] = {
        ...m,
        ruleDay: day,
        proposed: null,
        proposedEnd: null,
        moved: true,
        blockedBy,
        reason: `konflikt: ${shortDayDa(day)} er blokeret (${blockedBy.label}), og der er ingen ledige ${WEEKDAYS_PLURAL_DA[weekdayOf(day)]} i ${months.length > 1 ? `${months.slice(0, -1).join(', ')} eller ${months.at(-1)}` : months[0]}`,
      };
      return;
    }
    taken.add(target);
    const t = at(m, target);
    out[i] = { ...m, ruleDay: day, proposed: t.start, proposedEnd: t.end, moved: true, blockedBy, reason: `flyttet fra ${shortDayDa(day)}: ${blockedBy.label}` };
  });
  return out as Proposal[];
}
