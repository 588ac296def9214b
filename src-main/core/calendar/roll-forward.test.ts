// Properties of rollForwardCalendar over every target year 2024–2040 (Easter and the weeks move).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { blockedDays } from './blocked-periods';
import { daysInMonth, weekdayOf, weekdaysInMonth, type Day } from './days';
import { rollForwardCalendar, ruleDayFor, type SourceMeeting } from './roll-forward';

const pad = (n: number): string => String(n).padStart(2, '0');
const COMMITTEES = ['a', 'b', 'c'];

const meetingArb = (year: number): fc.Arbitrary<SourceMeeting> =>
  fc
    .record({
      committee: fc.constantFrom(...COMMITTEES),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 7, max: 20 }),
      minute: fc.constantFrom(0, 15, 30, 45),
      length: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      location: fc.option(fc.constantFrom('Rådhuset, mødelokale 1', 'Byrådssalen', 'Teknisk Forvaltning'), { nil: null }),
    })
    .map((r) => {
      const d = Math.min(r.day, daysInMonth(year, r.month));
      const date = `${year}-${pad(r.month)}-${pad(d)}`;
      return {
        committeeId: r.committee,
        committee: `Udvalg ${r.committee}`,
        start: `${date}T${pad(r.hour)}:${pad(r.minute)}`,
        end: r.length === null ? null : `${date}T${pad(r.hour + r.length)}:${pad(r.minute)}`,
        location: r.location,
      };
    });

const scenario = fc.integer({ min: 2024, max: 2040 }).chain((toYear) =>
  fc.record({
    toYear: fc.constant(toYear),
    meetings: fc.uniqueArray(meetingArb(toYear - 1), { maxLength: 40, selector: (m) => `${m.committeeId}|${m.start.slice(0, 10)}` }),
    winterWeek: fc.constantFrom(7 as const, 8 as const),
    extra: fc.option(
      fc.record({ month: fc.integer({ min: 2, max: 12 }), from: fc.integer({ min: 1, max: 20 }), len: fc.integer({ min: 0, max: 10 }) }),
      { nil: null },
    ),
    takenDays: fc.array(fc.record({ committee: fc.constantFrom(...COMMITTEES), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 10 }),
  }),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function setup(s: Scenario) {
  const extra = s.extra
    ? [{ from: `${s.toYear}-${pad(s.extra.month)}-${pad(s.extra.from)}`, until: `${s.toYear}-${pad(s.extra.month)}-${pad(Math.min(s.extra.from + s.extra.len, 28))}`, reason: 'budgetseminar' }]
    : [];
  const blocked = blockedDays(s.toYear, { winterWeek: s.winterWeek, extra });
  const taken = new Map<string, Set<Day>>();
  for (const t of s.takenDays) {
    const set = taken.get(t.committee) ?? new Set<Day>();
    set.add(`${s.toYear}-${pad(t.month)}-${pad(t.day)}`);
    taken.set(t.committee, set);
  }
  return { blocked, taken };
}

describe('rollForwardCalendar', () => {
  test('every source meeting is proposed or listed as a conflict; weekday, time, end and place kept; nothing blocked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { blocked, taken } = setup(s);
        const out = rollForwardCalendar({ meetings: s.meetings, toYear: s.toYear, blocked, taken });
        expect(out.map((p) => `${p.committeeId}|${p.start}`).sort()).toEqual(s.meetings.map((m) => `${m.committeeId}|${m.start}`).sort());
        const used = new Map<string, Day[]>();
        for (const p of out) {
          if (p.proposed === null) {
            expect(p.moved).toBe(true);
            expect(p.reason).toMatch(/^konflikt: /);
            continue;
          }
          const day = p.proposed.slice(0, 10);
          expect(p.proposed.startsWith(`${s.toYear}-`)).toBe(true);
          expect(weekdayOf(day)).toBe(weekdayOf(p.start.slice(0, 10)));
          expect(p.proposed.slice(11)).toBe(p.start.slice(11));
          expect(p.proposedEnd?.slice(11) ?? null).toBe(p.end?.slice(11) ?? null);
          if (p.proposedEnd !== null) expect(p.proposedEnd.slice(0, 10)).toBe(day);
          expect(blocked.has(day)).toBe(false);
          expect(taken.get(p.committeeId)?.has(day) ?? false).toBe(false);
          expect(Math.abs(Number(day.slice(5, 7)) - Number(p.start.slice(5, 7)))).toBeLessThanOrEqual(1);
          if (!p.moved) expect(day).toBe(p.ruleDay);
          else expect(p.reason).toMatch(/^flyttet fra \d+\. [a-z]+\.?: /);
          used.set(p.committeeId, [...(used.get(p.committeeId) ?? []), day]);
        }
        for (const days of used.values()) expect(new Set(days).size).toBe(days.length);
      }),
      { numRuns: 400 },
    );
  });

  test('a conflict is listed only when every same weekday of the month and its neighbours is blocked or taken', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { blocked, taken } = setup(s);
        const out = rollForwardCalendar({ meetings: s.meetings, toYear: s.toYear, blocked, taken });
        const occupied = (committeeId: string, d: Day): boolean => (taken.get(committeeId)?.has(d) ?? false) || out.some((p) => p.committeeId === committeeId && p.proposed?.startsWith(d));
        for (const p of out) {
          const month = Number(p.ruleDay.slice(5, 7));
          const wd = weekdayOf(p.ruleDay);
          const sameMonth = weekdaysInMonth(s.toYear, month, wd);
          if (p.proposed === null) {
            const all = [month - 1, month, month + 1].filter((m) => m >= 1 && m <= 12).flatMap((m) => weekdaysInMonth(s.toYear, m, wd));
            for (const d of all) expect(blocked.has(d) || occupied(p.committeeId, d)).toBe(true);
          } else if (p.proposed.slice(5, 7) !== p.ruleDay.slice(5, 7)) {
            // it left its month only because no day in it was free
            for (const d of sameMonth) expect(blocked.has(d) || occupied(p.committeeId, d)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('deterministic: the same input in any order gives the same proposal', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const { blocked, taken } = setup(s);
        const shuffled = [...s.meetings].sort((a, b) => ((hash(a.start + seed) - hash(b.start + seed)) | 0));
        const one = rollForwardCalendar({ meetings: s.meetings, toYear: s.toYear, blocked, taken });
        const two = rollForwardCalendar({ meetings: shuffled, toYear: s.toYear, blocked, taken });
        expect(two).toEqual(one);
      }),
      { numRuns: 200 },
    );
  });

  test('the n-th weekday of the month is kept; a 5th maps to the last', () => {
    expect(ruleDayFor('2026-02-19T16:00', 2027)).toEqual({ day: '2027-02-18', nth: 3 });
    expect(ruleDayFor('2026-04-30T16:00', 2027)).toEqual({ day: '2027-04-29', nth: 5 });
    expect(ruleDayFor('2026-12-31T10:00', 2027)).toEqual({ day: '2027-12-30', nth: 5 });
  });

  test('the case from the issue: 19 February 2026 becomes 25 February 2027, moved out of winter week 7', () => {
    const [p] = rollForwardCalendar({
      toYear: 2027,
      blocked: blockedDays(2027),
      meetings: [{ committeeId: 'a', committee: 'Økonomiudvalget', start: '2026-02-19T16:00', end: '2026-02-19T18:00', location: 'Rådhuset' }],
    });
    expect(p).toMatchObject({ proposed: '2027-02-25T16:00', proposedEnd: '2027-02-25T18:00', moved: true, reason: 'flyttet fra 18. feb.: uge 7 er vinterferie', location: 'Rådhuset' });
  });

  test('at equal distance the later date wins, and a day the committee already meets is not allowed', () => {
    const meetings: SourceMeeting[] = [{ committeeId: 'a', committee: 'Ø', start: '2026-10-15T16:00', end: null, location: null }];
    // 21 Oct 2027 is in week 42: 14 and 28 are both a week away; the later wins.
    expect(rollForwardCalendar({ toYear: 2027, blocked: blockedDays(2027), meetings })[0]!.proposed).toBe('2027-10-28T16:00');
    const taken = new Map([['a', new Set(['2027-10-28'])]]);
    expect(rollForwardCalendar({ toYear: 2027, blocked: blockedDays(2027), meetings, taken })[0]!.proposed).toBe('2027-10-14T16:00');
  });

  test('a meeting with no allowed day near it is a conflict, never dropped', () => {
    const blocked = new Map(Array.from({ length: 365 }, (_, i) => [new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10), { kind: 'extra' as const, label: 'lukket' }]));
    const [p] = rollForwardCalendar({ toYear: 2027, blocked, meetings: [{ committeeId: 'a', committee: 'Ø', start: '2026-03-19T16:00', end: null, location: null }] });
    expect(p).toMatchObject({ proposed: null, moved: true, reason: 'konflikt: 18. mar. er blokeret (lukket), og der er ingen ledige torsdage i marts, februar eller april' });
  });
});

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
