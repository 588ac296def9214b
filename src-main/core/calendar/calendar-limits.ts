// What a calendar import may hold, checked while reading (before the rows are matched or
// written): a bounded number of meetings, no series that repeats within a day, and every date
// and text within what the store and the referent/v1 format accept, so that the store's own
// export always imports again.
import { YEARS } from '../../../src-shared/exchange';
import { FIELD_LIMITS } from '../../../src-shared/limits';
import { badFile, type CalendarRow } from './calendar-row';

/** More meetings than any committee calendar holds; a file past it is a mistake or an attack. */
export const MAX_CALENDAR_ROWS = 5000;

export function tooManyRows(file: string): Error {
  return badFile(file, null, `holds more than ${MAX_CALENDAR_ROWS} meetings; import it in parts (a year or a committee at a time)`, `indeholder mere end ${MAX_CALENDAR_ROWS} møder; indlæs den i dele (et år eller et udvalg ad gangen)`);
}

/** Throws on the first row whose dates or texts Referent could not keep (or export and read again). */
export function checkRow(row: CalendarRow, file: string, where: string): void {
  for (const [value, en, da] of [
    [row.start, 'start', 'starten'],
    [row.end, 'end', 'slutningen'],
  ] as const) {
    if (value === null) continue;
    const year = Number(value.slice(0, 4));
    if (!(year >= YEARS.min && year <= YEARS.max))
      throw badFile(file, where, `the ${en} ${value.slice(0, 10)} is not in the years ${YEARS.min} to ${YEARS.max}`, `${da} ${value.slice(0, 10)} ligger ikke i årene ${YEARS.min} til ${YEARS.max}`);
  }
  const texts = [
    [row.committee, FIELD_LIMITS.committeeName, 'committee', 'udvalget'],
    [row.location, FIELD_LIMITS.location, 'place', 'mødestedet'],
    [row.uid, FIELD_LIMITS.calendarUid, 'UID', 'UID'],
  ] as const;
  for (const [value, max, en, da] of texts) {
    if (value !== null && value.length > max) throw badFile(file, where, `the ${en} is longer than ${max} characters`, `${da} er længere end ${max} tegn`);
  }
}
