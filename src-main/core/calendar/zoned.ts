// Time-zone conversion to Europe/Copenhagen wall clock with the platform's IANA data (Intl),
// and the Windows zone names Outlook writes in place of IANA ones.
export const HOME_ZONE = 'Europe/Copenhagen';

/** Windows zone ids as Outlook and Exchange write them; Romance Standard Time is Copenhagen's own. */
const WINDOWS_ZONES: Record<string, string> = {
  'romance standard time': HOME_ZONE,
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Helsinki',
  'e. europe standard time': 'Europe/Chisinau',
  'gtb standard time': 'Europe/Bucharest',
  'greenland standard time': 'America/Nuuk',
  'utc': 'UTC',
  'coordinated universal time': 'UTC',
  'eastern standard time': 'America/New_York',
  'pacific standard time': 'America/Los_Angeles',
};

const validZones = new Map<string, boolean>();
function isIanaZone(name: string): boolean {
  let ok = validZones.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      ok = name.includes('/') || name === 'UTC';
    } catch {
      ok = false;
    }
    validZones.set(name, ok);
  }
  return ok;
}

/** The IANA zone a TZID stands for, or null when only the file's own VTIMEZONE can say. */
export function resolveZoneName(tzid: string): string | null {
  const clean = tzid.trim().replace(/^"|"$/g, '').replace(/^\/+/, '');
  if (isIanaZone(clean)) return clean;
  const windows = WINDOWS_ZONES[clean.toLowerCase()];
  if (windows) return windows;
  if (/copenhagen|københavn/i.test(clean)) return HOME_ZONE;
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, ms: number): { y: number; m: number; d: number; h: number; min: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute) };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as "YYYY-MM-DDTHH:mm" on Copenhagen's wall clock. */
export function toHomeWallClock(ms: number): string {
  const p = partsIn(HOME_ZONE, ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** The instant at which a zone's wall clock shows the given time (the later one in a DST gap). */
export function wallClockToUtc(wall: { y: number; m: number; d: number; h: number; min: number }, zone: string): number {
  const asUtc = Date.UTC(wall.y, wall.m - 1, wall.d, wall.h, wall.min);
  const offsetAt = (ms: number): number => {
    const p = partsIn(zone, ms);
    return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min) - ms;
  };
  let guess = asUtc - offsetAt(asUtc);
  guess = asUtc - offsetAt(guess);
  return guess;
}
