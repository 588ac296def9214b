// The blocked days of every year 2024–2040 against the list.
import Holidays from 'date-holidays';
import { describe, expect, test } from 'vitest';
import { blockedDays, danishHolidays, isElectionYear } from './blocked-periods';
import { addDays, isoWeek } from './days';

const YEARS = Array.from({ length: 17 }, (_, i) => 2024 + i);

describe('blockedDays', () => {
  test('2027 as a secretary knows it', () => {
    const b = blockedDays(2027);
    expect(b.get('2027-01-14')?.label).toBe('januar er mødefri');
    expect(b.get('2027-02-18')?.label).toBe('uge 7 er vinterferie');
    expect(b.get('2027-03-22')?.label).toBe('påskeugen er mødefri'); // Monday before Easter
    expect(b.get('2027-03-29')?.label).toBe('påskeugen er mødefri'); // 2. påskedag
    expect(b.has('2027-03-30')).toBe(false);
    expect(b.get('2027-05-06')?.label).toBe('Kristi himmelfartsdag er helligdag');
    expect(b.get('2027-05-17')?.label).toBe('2. pinsedag er helligdag');
    expect(b.get('2027-06-05')?.label).toBe('grundlovsdag er helligdag');
    expect(b.get('2027-07-15')?.label).toBe('juli er sommerferie');
    expect(b.get('2027-10-20')?.label).toBe('uge 42 er efterårsferie');
    expect(b.get('2027-12-24')?.label).toBe('juleaftensdag er helligdag');
    expect(b.get('2027-12-31')?.label).toBe('nytårsaftensdag er helligdag');
    expect(b.has('2027-12-07')).toBe(false);
    expect(b.has('2027-04-23')).toBe(false); // would have been store bededag
  });

  test.each(YEARS)('%i: January, July, weeks 7 and 42, Easter week and the holidays are blocked', (year) => {
    const b = blockedDays(year);
    for (let d = 1; d <= 31; d++) {
      expect(b.has(`${year}-01-${String(d).padStart(2, '0')}`)).toBe(true);
      expect(b.has(`${year}-07-${String(d).padStart(2, '0')}`)).toBe(true);
    }
    for (const [day, block] of b) {
      const w = isoWeek(day);
      if (block.kind === 'winter') expect(w.week).toBe(7);
      if (block.kind === 'autumn') expect(w.week).toBe(42);
    }
    const easter = new Holidays('DK').getHolidays(year).find((h) => h.rule === 'easter')!.date.slice(0, 10);
    for (let i = -6; i <= 1; i++) expect(b.has(addDays(easter, i))).toBe(true);
    for (const h of danishHolidays(year)) expect(b.has(h.day)).toBe(true);
    expect(danishHolidays(year).map((h) => h.name)).not.toContain('store bededag');
    expect(danishHolidays(year)).toHaveLength(13);
    const december = Array.from({ length: 15 }, (_, i) => `${year}-12-${String(i + 1).padStart(2, '0')}`);
    const blockedEarlyDecember = december.filter((d) => b.get(d)?.kind === 'election').length;
    expect(blockedEarlyDecember).toBe(isElectionYear(year) ? 15 : 0);
  });

  test('municipal election years are 2025, 2029, 2033, 2037', () => {
    expect(YEARS.filter(isElectionYear)).toEqual([2025, 2029, 2033, 2037]);
  });

  test('week 8 can replace week 7, and an organisation adds its own periods', () => {
    const b = blockedDays(2027, { winterWeek: 8, extra: [{ from: '2027-09-06', until: '2027-09-08', reason: 'budgetseminar' }] });
    expect(b.has('2027-02-18')).toBe(false);
    expect(b.get('2027-02-25')?.label).toBe('uge 8 er vinterferie');
    expect(b.get('2027-09-07')?.label).toBe('budgetseminar');
    expect(b.has('2027-09-09')).toBe(false);
  });
});
