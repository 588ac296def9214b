// The columns of a calendar sheet (.csv and .xlsx share them): Danish or English headers, and
// dates and times as Danish offices write them.
import { badFile, type CalendarRow } from './calendar-row';

export type Field = 'committee' | 'date' | 'start' | 'end' | 'location' | 'uid';
/** A cell as a reader hands it over: text, or a date/time an .xlsx stores as a real date. */
export type Cell = string | { date: { y: number; m: number; d: number; h: number; min: number; hasDate: boolean; hasTime: boolean } } | null;

const HEADERS: Record<Field, string[]> = {
  committee: ['udvalg', 'udvalgsnavn', 'committee', 'forum', 'mødeforum'],
  date: ['dato', 'mødedato', 'date', 'dag', 'day'],
  start: ['tidspunkt', 'start', 'starttid', 'starttidspunkt', 'kl', 'kl.', 'klokken', 'time', 'fra', 'from', 'begin'],
  end: ['sluttid', 'sluttidspunkt', 'slut', 'end', 'til', 'to', 'finish'],
  location: ['sted', 'mødested', 'location', 'lokale', 'place', 'venue', 'adresse'],
  uid: ['uid', 'id', 'kalender-id', 'calendar uid'],
};

const norm = (s: string): string => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Which column holds which field; unknown columns are ignored. */
export function mapHeaders(headers: string[], file: string, where: string, needCommittee: boolean): Map<Field, number> {
  const map = new Map<Field, number>();
  headers.forEach((h, i) => {
    const n = norm(h);
    for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) {
      if (names.includes(n) && !map.has(field)) map.set(field, i);
    }
  });
  const missing: string[] = [];
  if (!map.has('date')) missing.push('Dato/Date');
  if (needCommittee && !map.has('committee')) missing.push('Udvalg/Committee');
  if (missing.length) {
    const found = headers.map((h) => h.trim()).filter(Boolean);
    throw badFile(
      file,
      where,
      `missing the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} (found: ${found.length ? found.join(', ') : 'no headers'})`,
      `mangler kolonne${missing.length > 1 ? 'rne' : 'n'} ${missing.join(' og ')} (fundet: ${found.length ? found.join(', ') : 'ingen overskrifter'})`,
    );
  }
  return map;
}

const MONTHS: Record<string, number> = {
  jan: 1, januar: 1, january: 1, feb: 2, februar: 2, february: 2, mar: 3, marts: 3, march: 3, apr: 4, april: 4, maj: 5, may: 5,
  jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCFullYear() === y && date.getUTCDate() === d;
}

/** "19-02-2026", "19.02.2026", "19/2/2026", "2026-02-19", "19. februar 2026"; a time may follow. */
export function parseDateText(text: string): { day: string; time: string | null } | null {
  const s = text.trim().replace(/^(man|tirs|ons|tors|fre|lør|søn)dag\s+(d\.\s*)?/i, '');
  let y: number, m: number, d: number, rest: string;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(s);
  if (match) [y, m, d, rest] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]!];
  else if ((match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(.*)$/.exec(s))) [d, m, y, rest] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]!];
  else if ((match = /^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})(.*)$/i.exec(s)) && MONTHS[match[2]!.toLowerCase()]) {
    [d, m, y, rest] = [Number(match[1]), MONTHS[match[2]!.toLowerCase()]!, Number(match[3]), match[4]!];
  } else return null;
  if (!realDate(y, m, d)) return null;
  const r = rest.replace(/^[T\s,]+/, '').trim();
  let time: string | null = null;
  if (r) {
    time = parseTimeText(r);
    if (time === null) return null;
  }
  return { day: `${y}-${pad(m)}-${pad(d)}`, time };
}

/** "16:00", "16.00", "kl. 16.00", "16"; seconds are dropped. */
export function parseTimeText(text: string): string | null {
  const m = /^(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?(?:[:.]\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

// The apostrophe our own .csv puts before a cell that would be a formula (export-csv.ts) is not part of it.
const cellText = (c: Cell): string => (c === null ? '' : typeof c === 'string' ? c.replace(/^'(?=[=+\-@\t\r])/, '').trim() : '');

/** One sheet line into a row; `where` names it ("line 4", "row 4") in any error. */
export function toRow(cells: Cell[], map: Map<Field, number>, line: number, where: string, file: string, committeeOverride: string | null): CalendarRow | null {
  const get = (f: Field): Cell => {
    const i = map.get(f);
    return i === undefined ? null : (cells[i] ?? null);
  };
  if (cells.every((c) => cellText(c) === '' && (c === null || typeof c === 'string'))) return null;
  const fail = (what: string, whatDa: string): never => {
    throw badFile(file, where, what, whatDa);
  };
  const dateCell = get('date');
  let day: string;
  let time: string | null = null;
  if (dateCell !== null && typeof dateCell === 'object') {
    const x = dateCell.date;
    if (!x.hasDate) fail('the date column holds a time, not a date', 'datokolonnen indeholder et klokkeslæt, ikke en dato');
    day = `${x.y}-${pad(x.m)}-${pad(x.d)}`;
    if (x.hasTime) time = `${pad(x.h)}:${pad(x.min)}`;
  } else {
    const text = cellText(dateCell);
    if (!text) fail('the date is empty', 'datoen er tom');
    const parsed = parseDateText(text);
    if (!parsed) fail(`"${text}" is not a date (write it like 19-02-2026, 19.02.2026, 19/2/2026 or 2026-02-19)`, `"${text}" er ikke en dato (skriv den som 19-02-2026, 19.02.2026, 19/2/2026 eller 2026-02-19)`);
    day = parsed!.day;
    time = parsed!.time;
  }
  const timeOf = (f: 'start' | 'end'): string | null => {
    const c = get(f);
    if (c !== null && typeof c === 'object') return `${pad(c.date.h)}:${pad(c.date.min)}`;
    const text = cellText(c);
    if (!text) return null;
    // "16:00-18:00" in one cell
    const range = /^(.+?)\s*[-–]\s*(.+)$/.exec(text);
    if (range && f === 'start' && parseTimeText(range[1]!) && parseTimeText(range[2]!)) return parseTimeText(range[1]!);
    const t = parseTimeText(text);
    if (t === null) fail(`"${text}" is not a time (write it like 16:00 or 16.00)`, `"${text}" er ikke et klokkeslæt (skriv det som 16:00 eller 16.00)`);
    return t;
  };
  const start = timeOf('start') ?? time;
  if (start === null) fail('the start time is missing', 'starttidspunktet mangler');
  let end = timeOf('end');
  const startText = cellText(get('start'));
  const range = /^(.+?)\s*[-–]\s*(.+)$/.exec(startText);
  if (end === null && range) end = parseTimeText(range[2]!);
  if (end !== null && end <= start!) fail(`the end time ${end} is not after the start time ${start}`, `sluttidspunktet ${end} ligger ikke efter starttidspunktet ${start}`);
  const committee = committeeOverride ?? cellText(get('committee'));
  if (!committee) fail('the committee is empty', 'udvalget er tomt');
  return {
    line,
    committee,
    aliases: [],
    start: `${day}T${start}`,
    end: end === null ? null : `${day}T${end}`,
    location: cellText(get('location')) || null,
    uid: cellText(get('uid')) || null,
    allDay: false,
  };
}
