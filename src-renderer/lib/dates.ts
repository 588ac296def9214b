// Dates and times on screen, one style per context, in the UI's language (the printed documents
// keep the reference referat's own style, in src-shared/dates.ts):
//   running text and headings  "tirsdag den 2. juni 2026 kl. 14.30"   (Danish usage, Dansk Sprognævn)
//   tables and short mentions  "02.06.2026", "02.06.2026 14.30"        (the same as the date fields show)
// English: "Tuesday 2 June 2026 at 14:30", "02/06/2026 14:30".

export type Lang = 'da' | 'en' | string;
const locale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'da-DK');

/** A local "2026-06-02" or "2026-06-02T14:30" as a Date at that wall-clock time in UTC, so no zone can move it. */
function asUtc(value: string): { date: Date; time: string | null } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) throw new Error(`not a local date: ${value}`);
  return { date: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), time: m[4] ? `${m[4]}:${m[5]}` : null };
}

/** "14.30" in Danish, "14:30" in English: 24-hour in both. */
export const timeText = (hhmm: string, lang: Lang): string => (lang === 'en' ? hhmm : hhmm.replace(':', '.'));

/** Running text: "tirsdag den 2. juni 2026", with " kl. 14.30" when the value has a time. */
export function dateText(value: string, lang: Lang): string {
  const { date, time } = asUtc(value);
  const day = new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date).replace(/,/g, '');
  if (!time) return day;
  return lang === 'en' ? `${day} at ${time}` : `${day} kl. ${timeText(time, lang)}`;
}

/** The same at the start of a heading or a line: "Tirsdag den 2. juni 2026 kl. 14.30". */
export function dateHeading(value: string, lang: Lang): string {
  const text = dateText(value, lang);
  return text.charAt(0).toLocaleUpperCase(locale(lang)) + text.slice(1);
}

/** Tables and short mentions: "02.06.2026" (the time added when the value has one: "02.06.2026 14.30"). */
export function shortDate(value: string, lang: Lang): string {
  const { date, time } = asUtc(value);
  const day = new Intl.DateTimeFormat(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
  return time ? `${day} ${timeText(time, lang)}` : day;
}

/** A moment recorded by the app ("2026-04-08T09:15:00+02:00"), in Danish time: "08.04.2026 kl. 09.15". */
export function stampText(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  const local = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}`;
  return lang === 'en' ? `${shortDate(local, lang)} at ${time}` : `${shortDate(local, lang)} kl. ${timeText(time, lang)}`;
}
