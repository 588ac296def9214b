// An ISO instant as "02-12-2026" and "14:32" on Copenhagen's wall clock, for sentences naming when.
// Not the machine's zone: a server runs in UTC, and the secretary reads Danish time either way.
import { toHomeWallClock } from '../calendar/zoned';

export function localTime(at: string): { date: string; time: string } {
  const wall = toHomeWallClock(new Date(at).getTime()); // "YYYY-MM-DDTHH:mm"
  return { date: `${wall.slice(8, 10)}-${wall.slice(5, 7)}-${wall.slice(0, 4)}`, time: wall.slice(11, 16) };
}
