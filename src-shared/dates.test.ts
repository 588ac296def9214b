import { describe, expect, test } from 'vitest';
import { fillPlaceholders, formatDayMonthDa, formatLongDa, formatShortDa, weekday } from './dates';

describe('Danish dates as the reference referat writes them', () => {
  test('long form with weekday, zero-padded day and time', () => {
    expect(formatLongDa('2026-06-02T14:30')).toBe('Tirsdag d. 02. juni 2026 kl. 14:30');
    expect(formatLongDa('2027-02-25')).toBe('Torsdag d. 25. februar 2027');
  });
  test('short form and procedure form', () => {
    expect(formatShortDa('2026-06-02T14:30')).toBe('02-06-2026');
    expect(formatDayMonthDa('2026-06-23')).toBe('23. juni 2026');
  });
  test('weekday does not depend on the time zone of the machine', () => {
    expect(weekday('2026-03-29T23:30')).toBe(0);
  });
  test('template placeholders', () => {
    expect(fillPlaceholders('Beslutning i {udvalg} den {dato} kl. {kl}', { committee: 'Organisations- og Beredskabsudvalget', start: '2026-06-02T14:30' })).toBe(
      'Beslutning i Organisations- og Beredskabsudvalget den 02-06-2026 kl. 14:30',
    );
  });
});
