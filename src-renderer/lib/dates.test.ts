import { describe, expect, test } from 'vitest';
import { dateHeading, dateText, shortDate, stampText } from './dates';

describe('dates on screen', () => {
  test('Danish running text, headings, tables and stamps each have one style', () => {
    expect(dateText('2026-06-02T14:30', 'da')).toBe('tirsdag den 2. juni 2026 kl. 14.30');
    expect(dateText('2026-12-24', 'da')).toBe('torsdag den 24. december 2026');
    expect(dateHeading('2026-06-02T14:30', 'da')).toBe('Tirsdag den 2. juni 2026 kl. 14.30');
    expect(shortDate('2026-06-02', 'da')).toBe('02.06.2026');
    expect(shortDate('2026-06-02T09:05', 'da')).toBe('02.06.2026 09.05');
    // Summer time: 07:15 UTC is 09:15 in Copenhagen; winter: 08:00 UTC is 09:00.
    expect(stampText('2026-04-08T07:15:00Z', 'da')).toBe('08.04.2026 kl. 09.15');
    expect(stampText('2026-12-01T08:00:00.000Z', 'da')).toBe('01.12.2026 kl. 09.00');
  });

  test('English keeps its own order and a colon', () => {
    expect(dateHeading('2026-06-02T14:30', 'en')).toBe('Tuesday 2 June 2026 at 14:30');
    expect(shortDate('2026-06-02', 'en')).toBe('02/06/2026');
  });
});
