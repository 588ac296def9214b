// The days of a year on which no committee meets (issue 6): Danish public holidays from the
// date-holidays library, January, the winter and autumn holiday weeks, Easter week, July, 1–15
// December in municipal election years, and the organisation's own extra periods.
import Holidays from 'date-holidays';
import type { ExBlockedPeriods } from '../../../src-shared/exchange';
import { addDays, dayOf, daysInMonth, isoWeek, type Day } from './days';

export type BlockKind = 'holiday' | 'january' | 'winter' | 'easter' | 'july' | 'autumn' | 'election' | 'extra';
/** Why a day is blocked; `label` is the Danish clause of a reason ("uge 7 er vinterferie"). */
export type Block = { kind: BlockKind; label: string; name?: string; week?: number };
export type BlockedDays = ReadonlyMap<Day, Block>;

/** The holidays the issue lists; date-holidays marks some as "observance", so pick them by name. */
const HOLIDAY_NAMES: Record<string, string> = {
  'nytårsdag': 'nytårsdag',
  'skærtorsdag': 'skærtorsdag',
  'langfredag': 'langfredag',
  'påskedag': 'påskedag',
  'anden påskedag': '2. påskedag',
  'kristi himmelfartsdag': 'Kristi himmelfartsdag',
  'pinsedag': 'pinsedag',
  'anden pinsedag': '2. pinsedag',
  'grundlovsdag': 'grundlovsdag',
  'juleaftensdag': 'juleaftensdag',
  'juledag': 'juledag',
  'anden juledag': '2. juledag',
  'store bededag': 'store bededag',
};

const danish = new Holidays('DK', { languages: ['da'] });

export type Holiday = { day: Day; name: string };

/** The blocking public holidays of a year, from the library (no Easter arithmetic of our own). */
export function danishHolidays(year: number): Holiday[] {
  const out: Holiday[] = [];
  for (const h of danish.getHolidays(year)) {
    const name = HOLIDAY_NAMES[h.name.toLowerCase()];
    if (name) out.push({ day: h.date.slice(0, 10), name });
  }
  // Nytårsaftensdag is no holiday in the library's data, but the issue blocks it.
  out.push({ day: dayOf(year, 12, 31), name: 'nytårsaftensdag' });
  return out;
}

/** Municipal elections fall every fourth year in November: 2025, 2029, … */
export const isElectionYear = (year: number): boolean => year % 4 === 1;

const cache = new Map<string, BlockedDays>();

/** Every blocked day of a year with its reason; the first rule that matches names the reason. */
export function blockedDays(year: number, settings: ExBlockedPeriods | null = null): BlockedDays {
  const key = `${year}:${JSON.stringify(settings ?? {})}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const map = new Map<Day, Block>();
  const set = (day: Day, block: Block): void => {
    if (day.startsWith(String(year)) && !map.has(day)) map.set(day, block);
  };
  for (const extra of settings?.extra ?? []) {
    for (let d = extra.from; d <= extra.until; d = addDays(d, 1)) set(d, { kind: 'extra', label: extra.reason });
  }
  for (let d = 1; d <= 31; d++) set(dayOf(year, 1, d), { kind: 'january', label: 'januar er mødefri' });
  for (let d = 1; d <= 31; d++) set(dayOf(year, 7, d), { kind: 'july', label: 'juli er sommerferie' });
  const winterWeek = settings?.winterWeek ?? 7;
  const holidays = danishHolidays(year);
  const easter = holidays.find((h) => h.name === 'påskedag');
  if (easter) {
    for (let d = addDays(easter.day, -6); d <= addDays(easter.day, 1); d = addDays(d, 1)) set(d, { kind: 'easter', label: 'påskeugen er mødefri' });
  }
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= daysInMonth(year, m); d++) {
      const day = dayOf(year, m, d);
      const w = isoWeek(day);
      if (w.year !== year) continue;
      if (w.week === winterWeek) set(day, { kind: 'winter', label: `uge ${winterWeek} er vinterferie`, week: winterWeek });
      if (w.week === 42) set(day, { kind: 'autumn', label: 'uge 42 er efterårsferie', week: 42 });
    }
  }
  if (isElectionYear(year)) {
    for (let d = 1; d <= 15; d++) set(dayOf(year, 12, d), { kind: 'election', label: '1.–15. december er der kommunalvalg' });
  }
  for (const h of holidays) set(h.day, { kind: 'holiday', label: `${h.name} er helligdag`, name: h.name });
  cache.set(key, map);
  return map;
}
