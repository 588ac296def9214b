// Dates the Danish way, as the reference referat writes them (DESIGN.md "Conventions").
// Pure arithmetic on local "YYYY-MM-DDTHH:mm" strings: no time zone can shift a meeting's date.

export const WEEKDAYS_DA = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'];
export const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
export const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Parts = { y: number; m: number; d: number; time: string | null };

export function parseLocal(value: string): Parts {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!m) throw new Error(`not a local date: ${value}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), time: m[4] ?? null };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(value: string): number {
  const { y, m, d } = parseLocal(value);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Tirsdag d. 02. juni 2026 kl. 14:30" (without the time when the value has none). */
export function formatLongDa(value: string): string {
  const p = parseLocal(value);
  const date = `${WEEKDAYS_DA[weekday(value)]} d. ${pad(p.d)}. ${MONTHS_DA[p.m - 1]} ${p.y}`;
  return p.time ? `${date} kl. ${p.time}` : date;
}

/** "02-06-2026" */
export function formatShortDa(value: string): string {
  const p = parseLocal(value);
  return `${pad(p.d)}-${pad(p.m)}-${p.y}`;
}

/** "2. juni 2026", as procedure lines write it. */
export function formatDayMonthDa(value: string): string {
  const p = parseLocal(value);
  return `${p.d}. ${MONTHS_DA[p.m - 1]} ${p.y}`;
}

/** "Tuesday 2 June 2026 at 14:30" */
export function formatLongEn(value: string): string {
  const p = parseLocal(value);
  const date = `${WEEKDAYS_EN[weekday(value)]} ${p.d} ${MONTHS_EN[p.m - 1]} ${p.y}`;
  return p.time ? `${date} at ${p.time}` : date;
}

export function formatLong(value: string, lang: string): string {
  return lang === 'en' ? formatLongEn(value) : formatLongDa(value);
}

/** Fills a template string: {udvalg} committee name, {dato} short date, {kl} start time. */
export function fillPlaceholders(pattern: string, values: { committee: string; start: string }): string {
  const p = parseLocal(values.start);
  return pattern.replaceAll('{udvalg}', values.committee).replaceAll('{dato}', formatShortDa(values.start)).replaceAll('{kl}', p.time ?? '');
}
