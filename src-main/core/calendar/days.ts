// Day arithmetic on local "YYYY-MM-DD" strings (UTC-based Date maths, so no time zone or
// daylight-saving change can shift a day).

export type Day = string; // "2027-02-25"

const pad = (n: number): string => String(n).padStart(2, '0');

export function dayOf(y: number, m: number, d: number): Day {
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function toUtc(day: Day): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

export function fromUtc(date: Date): Day {
  return dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(day: Day, n: number): Day {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: Day): number => toUtc(day).getUTCDay();

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whole days from a to b (positive when b is later). */
export const daysBetween = (a: Day, b: Day): number => Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);

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
  const out: Day[] = [];
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const day = dayOf(y, m, d);
    if (weekdayOf(day) === weekday) out.push(day);
  }
  return out;
}

export const MONTHS_SHORT_DA = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
export const WEEKDAYS_PLURAL_DA = ['søndage', 'mandage', 'tirsdage', 'onsdage', 'torsdage', 'fredage', 'lørdage'];
export const WEEKDAYS_LOWER_DA = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

/** "18. feb." as the reason texts write a date. */
export const shortDayDa = (day: Day): string => `${Number(day.slice(8, 10))}. ${MONTHS_SHORT_DA[Number(day.slice(5, 7)) - 1]}`;
