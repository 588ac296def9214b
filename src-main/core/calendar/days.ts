// Day arithmetic on local "YYYY-MM-DD" strings (UTC-based Date maths, so no time zone or
// daylight-saving change can shift a day).
import { WEEKDAYS_DA } from '../../../src-shared/dates';

export type Day = string; // "2027-02-25"

const pad = (n: number): string => String(n).padStart(2, '0');

export function dayOf(y: number, m: number, d: number): Day {
  return `${y}-${pad(m)}-${pad(d)}`;
}

function toUtc(day: Day): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

function fromUtc(date: Date): Day {
  return dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(day: Day, n: number): Day {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Days since 1970-01-01; plain arithmetic, no Date object (roll-forward calls this in its inner loop). */
const epochDay = (day: Day): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: Day): number => (((epochDay(day) + 4) % 7) + 7) % 7;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** Whole days from a to b (positive when b is later). */
export const daysBetween = (a: Day, b: Day): number => epochDay(b) - epochDay(a);

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Day): { year: number; week: number } {
  const d = toUtc(day);
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** Every day with the given weekday in a month, in order. */
export function weekdaysInMonth(y: number, m: number, weekday: number): Day[] {
  const first = 1 + ((weekday - weekdayOf(dayOf(y, m, 1)) + 7) % 7);
  const out: Day[] = [];
  for (let d = first; d <= daysInMonth(y, m); d += 7) out.push(dayOf(y, m, d));
  return out;
}

const MONTHS_SHORT_DA = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
export const WEEKDAYS_PLURAL_DA = ['søndage', 'mandage', 'tirsdage', 'onsdage', 'torsdage', 'fredage', 'lørdage'];
export const WEEKDAYS_LOWER_DA = WEEKDAYS_DA.map((d) => d.toLowerCase());

/** "18. feb." as the reason texts write a date. */
export const shortDayDa = (day: Day): string => `${Number(day.slice(8, 10))}. ${MONTHS_SHORT_DA[Number(day.slice(5, 7)) - 1]}`;
