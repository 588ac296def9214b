import { describe, expect, test } from 'vitest';
import { checkDay } from './check-day';

describe('checkDay', () => {
  test('a public holiday names itself, even inside a blocked period', () => {
    expect(checkDay('2026-12-24', null)).toEqual({ day: '2026-12-24', kind: 'holiday', label: 'juleaftensdag er helligdag' });
    // Langfredag lies in Easter week, which is blocked as a whole; the holiday is the better reason.
    expect(checkDay('2026-04-03', null)).toEqual({ day: '2026-04-03', kind: 'holiday', label: 'langfredag er helligdag' });
  });

  test('a blocked period gives its reason, an ordinary day none', () => {
    expect(checkDay('2026-02-10', null)).toMatchObject({ kind: 'winter', label: 'uge 7 er vinterferie' });
    expect(checkDay('2026-06-02', null)).toBeNull();
    expect(checkDay('2026-06-02', { winterWeek: 7, extra: [{ from: '2026-06-01', until: '2026-06-05', reason: 'budgetseminar' }] })).toMatchObject({ kind: 'extra', label: 'budgetseminar' });
  });
});
