// Why one day is a poor choice for a meeting, for the warning when a meeting is created or moved by
// hand: a public holiday (24 December included) names itself before the blocked period around it.
import type { ExBlockedPeriods } from '../../../src-shared/exchange';
import type { BlockedDay } from '../../../src-shared/api/calendar';
import { blockedDays, danishHolidays } from './blocked-periods';

export function checkDay(day: string, settings: ExBlockedPeriods | null): BlockedDay | null {
  const year = Number(day.slice(0, 4));
  const holiday = danishHolidays(year).find((h) => h.day === day);
  if (holiday) return { day, kind: 'holiday', label: `${holiday.name} er helligdag` };
  const block = blockedDays(year, settings).get(day);
  return block ? { day, kind: block.kind, label: block.label } : null;
}
