// Dates and times as Danish calendar sheets write them.
import { describe, expect, test } from 'vitest';
import { mapHeaders, parseDateText, parseTimeText, toRow } from './tabular';

describe('sheet values', () => {
  test.each([
    ['19-02-2026', '2026-02-19', null],
    ['19.02.2026', '2026-02-19', null],
    ['9/2/2026', '2026-02-09', null],
    ['2026-02-19', '2026-02-19', null],
    ['2026-02-19T16:00', '2026-02-19', '16:00'],
    ['19-02-2026 16.00', '2026-02-19', '16:00'],
    ['19. februar 2026', '2026-02-19', null],
    ['Torsdag d. 19. februar 2026 kl. 16.00', '2026-02-19', '16:00'],
  ])('%s', (text, day, time) => {
    expect(parseDateText(text)).toEqual({ day, time });
  });

  test.each(['31-04-2026', '29-02-2026', '2026-13-01', '19-02-26', 'i morgen', '19-02-2026 25:00'])('%s is no date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  test('times', () => {
    expect(['16:00', '16.00', 'kl. 16.00', 'kl 9', '9:30:00'].map(parseTimeText)).toEqual(['16:00', '16:00', '16:00', '09:00', '09:30']);
    expect(['24:00', '16:60', 'eftermiddag'].map(parseTimeText)).toEqual([null, null, null]);
  });

  test('headers in Danish or English, in any order; "16.00-18.00" in one cell', () => {
    const map = mapHeaders(['Mødested', 'Kl.', 'Dato', 'Udvalg'], 'a.csv', 'line 1', true);
    const row = toRow(['Byrådssalen', '16.00-18.00', '19-02-2026', 'Økonomiudvalget'], map, 2, 'line 2', 'a.csv', null);
    expect(row).toMatchObject({ committee: 'Økonomiudvalget', start: '2026-02-19T16:00', end: '2026-02-19T18:00', location: 'Byrådssalen' });
    expect(() => mapHeaders(['Committee', 'When'], 'b.csv', 'line 1', true)).toThrow('b.csv, line 1: missing the column Dato/Date (found: Committee, When)');
    expect(() => mapHeaders(['Dato'], 'c.csv', 'line 1', true)).toThrow('c.csv, line 1: missing the column Udvalg/Committee (found: Dato)');
  });
});
