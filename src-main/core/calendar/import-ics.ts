// Reads an iCalendar file (Outlook, Google, ESDH exports) into calendar rows with ical.js:
// VTIMEZONE blocks and Windows zone names, recurring events expanded (RRULE, EXDATE, moved
// occurrences), cancelled events skipped, all-day events left out unless asked for.
import ICAL from 'ical.js';
import { badFile, whereDa, type CalendarRow, type ImportOptions, type ParsedCalendar } from './calendar-row';
import type { Notice } from '../../../src-shared/result';
import { resolveZoneName, toHomeWallClock, wallClockToUtc } from './zoned';
import { checkRow, MAX_CALENDAR_ROWS, tooManyRows } from './calendar-limits';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;

/** A series without an end is expanded this far past its first meeting. */
const OPEN_SERIES_YEARS = 2;
const MAX_OCCURRENCES = 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The line each VEVENT begins on, in file order (ical.js keeps that order). */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(l)) lines.push(i + 1);
  });
  return lines;
}

function toLocal(t: Time, where: () => string, file: string): string {
  const wall = { y: t.year, m: t.month, d: t.day, h: t.hour, min: t.minute };
  if (t.zone?.tzid === 'UTC') return toHomeWallClock(t.toUnixTime() * 1000);
  const tzid = (t as unknown as { timezone?: string }).timezone ?? (t.zone && t.zone.tzid !== 'floating' ? t.zone.tzid : undefined);
  if (!tzid) return `${wall.y}-${pad(wall.m)}-${pad(wall.d)}T${pad(wall.h)}:${pad(wall.min)}`;
  const iana = resolveZoneName(tzid);
  if (iana) return toHomeWallClock(wallClockToUtc(wall, iana));
  // A zone only this file defines ("Customized Time Zone"): ical.js reads its VTIMEZONE rules.
  if (t.zone && (t.zone as unknown as { component?: unknown }).component) return toHomeWallClock(t.toUnixTime() * 1000);
  throw badFile(file, where(), `the time zone "${tzid}" is neither a known zone nor defined in the file`, `tidszonen "${tzid}" er hverken en kendt zone eller defineret i filen`);
}

const isCancelled = (c: Component): boolean => String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

/** "Møde i Økonomiudvalget" and "Aflyst: …" name the committee after their prefix. */
function committeeFromSummary(summary: string): string {
  return summary
    .replace(/^(aflyst|cancelled|canceled|flyttet|opdateret|updated)\s*:\s*/i, '')
    .replace(/^(møde i|mødet i|møde:|udvalgsmøde:?|meeting of|meeting:)\s*/i, '')
    .trim();
}

export function parseIcs(text: string, file: string, options: ImportOptions = {}): ParsedCalendar {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^BEGIN:VCALENDAR/i.test(body.trimStart())) throw badFile(file, 'line 1', 'is not an iCalendar file (it must begin with BEGIN:VCALENDAR)', 'er ikke en iCalendar-fil (den skal begynde med BEGIN:VCALENDAR)');
  if (!/END:VCALENDAR\s*$/i.test(body)) throw badFile(file, `line ${body.split(/\r?\n/).length}`, 'the file ends before END:VCALENDAR; it is truncated', 'filen slutter før END:VCALENDAR; den er afkortet');
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(body) as unknown as unknown[]);
  } catch (e) {
    throw badFile(file, null, `is not a valid iCalendar file (${(e as Error).message})`, `er ikke en gyldig iCalendar-fil (${(e as Error).message})`);
  }
  const lines = eventLines(body);
  const vevents = root.getAllSubcomponents('vevent');
  const notes: Notice[] = [];
  const rows: CalendarRow[] = [];
  const lineOf = new Map<Component, number>(vevents.map((v, i) => [v, lines[i] ?? 0]));
  const where = (c: Component): string => {
    const summary = String(c.getFirstPropertyValue('summary') ?? '');
    return `line ${lineOf.get(c) ?? '?'}${summary ? ` (event "${summary}")` : ''}`;
  };
  if (String(root.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL') return { rows, notes: [{ message: 'The file cancels its events (METHOD:CANCEL); nothing to import.', messageDa: 'Filen aflyser sine begivenheder (METHOD:CANCEL); der er intet at indlæse.' }] };

  // Moved or cancelled occurrences (RECURRENCE-ID) belong to their series.
  const exceptions = new Map<string, Component[]>();
  const masters: Component[] = [];
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    if (v.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), v]);
    else masters.push(v);
  }
  let allDaySkipped = 0;
  let cancelled = 0;
  const read = (c: Component, fn: () => Time): Time => {
    try {
      return fn();
    } catch (e) {
      throw badFile(file, where(c), `has an unreadable date or time (${(e as Error).message})`, `har en dato eller et klokkeslæt, der ikke kan læses (${(e as Error).message})`);
    }
  };

  for (const v of masters) {
    if (!v.hasProperty('dtstart')) throw badFile(file, where(v), 'has no DTSTART', 'har ingen DTSTART');
    const event = new ICAL.Event(v, { exceptions: exceptions.get(String(v.getFirstPropertyValue('uid') ?? '')) ?? [], strictExceptions: false });
    if (isCancelled(v)) {
      cancelled++;
      continue;
    }
    for (const name of ['dtstart', 'dtend']) {
      const raw = v.getFirstProperty(name)?.toJSON()[3];
      if (raw !== undefined && !isRealDay(String(raw))) throw badFile(file, where(v), `${name.toUpperCase()} "${String(raw)}" is not a real date`, `${name.toUpperCase()} "${String(raw)}" er ikke en gyldig dato`);
    }
    const dtstart = read(v, () => event.startDate);
    if (dtstart.isDate && !options.includeAllDay) {
      allDaySkipped++;
      continue;
    }
    const uid = event.uid || null;
    const pushRow = (component: Component, start: Time, end: Time | null, occurrenceUid: string | null): void => {
      const summary = String(component.getFirstPropertyValue('summary') ?? v.getFirstPropertyValue('summary') ?? '').trim();
      const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
      const location = String(component.getFirstPropertyValue('location') ?? v.getFirstPropertyValue('location') ?? '').trim();
      const startLocal = start.isDate ? `${start.year}-${pad(start.month)}-${pad(start.day)}T00:00` : toLocal(start, () => where(component), file);
      const endLocal = end && !end.isDate ? toLocal(end, () => where(component), file) : null;
      if (rows.length >= MAX_CALENDAR_ROWS) throw tooManyRows(file);
      const row: CalendarRow = {
        line: lineOf.get(component) ?? 0,
        committee: summary ? committeeFromSummary(summary) : null,
        aliases: categories,
        start: startLocal,
        end: endLocal !== null && endLocal > startLocal ? endLocal : null,
        location: location || null,
        uid: occurrenceUid,
        allDay: start.isDate,
      };
      checkRow(row, file, where(component));
      rows.push(row);
    };
    if (!event.isRecurring()) {
      pushRow(v, dtstart, read(v, () => event.endDate), uid);
      continue;
    }
    // A meeting calendar repeats by day at the finest: a series every hour, minute or second is refused, not expanded.
    const freq = String((v.getFirstPropertyValue('rrule') as { freq?: string } | null)?.freq ?? '').toUpperCase();
    if (freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY')
      throw badFile(file, where(v), `repeats ${freq.toLowerCase()}; a meeting series may repeat daily at most`, `gentages ${({ HOURLY: 'hver time', MINUTELY: 'hvert minut', SECONDLY: 'hvert sekund' } as const)[freq]}; en mødeserie må højst gentages dagligt`);
    const horizon = dtstart.clone();
    horizon.year += OPEN_SERIES_YEARS;
    const it = event.iterator();
    let count = 0;
    for (let next = it.next(); next; next = it.next()) {
      if (++count > MAX_OCCURRENCES || next.compare(horizon) > 0) {
        notes.push({
          message: `${where(v)}: the series has no end; it was read up to ${horizon.year}-${pad(horizon.month)}-${pad(horizon.day)}.`,
          messageDa: `${whereDa(where(v))}: serien har ingen slutdato; den blev læst frem til ${pad(horizon.day)}-${pad(horizon.month)}-${horizon.year}.`,
        });
        break;
      }
      const details = event.getOccurrenceDetails(next);
      const occurrence = details.item.component;
      if (isCancelled(occurrence)) {
        cancelled++;
        continue;
      }
      const rid = details.recurrenceId;
      pushRow(occurrence, details.startDate, details.endDate, uid ? `${uid}/${rid.year}${pad(rid.month)}${pad(rid.day)}T${pad(rid.hour)}${pad(rid.minute)}` : null);
    }
  }
  if (allDaySkipped) notes.push({ message: `${allDaySkipped} all-day event(s) were left out.`, messageDa: `${allDaySkipped} heldagsbegivenhed(er) blev udeladt.` });
  if (cancelled) notes.push({ message: `${cancelled} cancelled event(s) were skipped.`, messageDa: `${cancelled} aflyst(e) begivenhed(er) blev sprunget over.` });
  return { rows, notes };
}

/** ical.js rolls 2026-05-32 over to 1 June; the raw jCal value shows what the file said. */
function isRealDay(raw: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(raw);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && mo <= 12 && date.getUTCDate() === d && Number(m[4] ?? 0) < 24 && Number(m[5] ?? 0) < 60;
}
