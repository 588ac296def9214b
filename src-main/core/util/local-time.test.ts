import { describe, expect, it } from 'vitest';
import { localTime } from './local-time';

describe('localTime', () => {
  it('names an instant on Copenhagen’s wall clock whatever zone the machine runs in', () => {
    // A server runs in UTC: 08:28Z is 09:28 in Copenhagen in winter, 10:28 in summer.
    expect(localTime('2026-12-02T08:28:00.000Z')).toEqual({ date: '02-12-2026', time: '09:28' });
    expect(localTime('2026-07-01T08:28:00.000Z')).toEqual({ date: '01-07-2026', time: '10:28' });
    // Late evening UTC is already the next day in Copenhagen.
    expect(localTime('2026-07-01T22:30:00.000Z')).toEqual({ date: '02-07-2026', time: '00:30' });
  });
});
