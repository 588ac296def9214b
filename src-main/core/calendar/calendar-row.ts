// What every calendar importer yields: one meeting per row, in local Europe/Copenhagen time,
// with the line or row it came from so that an error can name it.
import { AppError } from '../errors';
import type { Notice } from '../../../src-shared/result';

export type CalendarRow = {
  /** Line (.ics, .csv) or row (.xlsx) of the file, 1-based. */
  line: number;
  /** The committee as the file names it (a column, or the event's summary). */
  committee: string | null;
  /** Further names the committee may go by (an event's categories). */
  aliases: string[];
  start: string;
  end: string | null;
  location: string | null;
  /** Identity in the source calendar: the event UID (plus the occurrence for a recurring event). */
  uid: string | null;
  /** An all-day event: start holds the day at 00:00 and no time is known. */
  allDay: boolean;
};

export type ParsedCalendar = { rows: CalendarRow[]; notes: Notice[] };

export type ImportOptions = { includeAllDay?: boolean };

/** The one error an importer throws: names the file, the line or row, and what is wrong (in English and Danish). */
export function badFile(file: string, where: string | null, what: string, whatDa: string): AppError {
  return new AppError('Invalid', `${file}${where ? `, ${where}` : ''}: ${what}`, `${file}${where ? `, ${whereDa(where)}` : ''}: ${whatDa}.`);
}

/** "sheet "Ark1", row 4" / "line 12 (event "…")" as a Danish message names them. */
export function whereDa(where: string): string {
  return where
    .replace(/\bsheet "/g, 'ark "')
    .replace(/\brow (\d+|\?)/g, 'række $1')
    .replace(/\bline (\d+|\?)/g, 'linje $1')
    .replace(/\(event "/g, '(begivenheden "');
}
