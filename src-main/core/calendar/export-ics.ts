// The calendar as an .ics file: times in Europe/Copenhagen with its VTIMEZONE, and UIDs that
// stay the same from one export to the next, so a calendar re-importing it updates its events.
import ICAL from 'ical.js';
import type { ExportMeeting } from './export-meetings';
import { exportUid } from './export-meetings';
import { HOME_ZONE } from './zoned';

export const VTIMEZONE = [
  'BEGIN:VCALENDAR',
  'BEGIN:VTIMEZONE',
  `TZID:${HOME_ZONE}`,
  `X-LIC-LOCATION:${HOME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'END:VCALENDAR',
].join('\r\n');

function localTime(value: string): InstanceType<typeof ICAL.Time> {
  return ICAL.Time.fromData({
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
    hour: Number(value.slice(11, 13)),
    minute: Number(value.slice(14, 16)),
    second: 0,
    isDate: false,
  });
}

export function zoned(name: string, value: string): InstanceType<typeof ICAL.Property> {
  const p = new ICAL.Property(name);
  p.setParameter('tzid', HOME_ZONE);
  p.setValue(localTime(value));
  return p;
}

/** An empty published calendar in Danish time, with its VTIMEZONE: the frame of every .ics Referent writes. */
export function newPublishedCalendar(prodid: string, title: string): ICAL.Component {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', prodid);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', title);
  cal.addPropertyWithValue('x-wr-timezone', HOME_ZONE);
  const tz = new ICAL.Component(ICAL.parse(VTIMEZONE) as unknown as unknown[]).getFirstSubcomponent('vtimezone');
  if (tz) cal.addSubcomponent(tz);
  return cal;
}

export function buildIcs(meetings: ExportMeeting[], title: string): string {
  const cal = newPublishedCalendar('-//Referent//Mødekalender//DA', title);
  for (const m of meetings) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', exportUid(m));
    ev.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(m.updatedAt), true));
    ev.addProperty(zoned('dtstart', m.start));
    if (m.end !== null) ev.addProperty(zoned('dtend', m.end));
    ev.addPropertyWithValue('summary', m.committee);
    if (m.location) ev.addPropertyWithValue('location', m.location);
    if (m.shortName) ev.addPropertyWithValue('categories', m.shortName);
    ev.addPropertyWithValue('status', m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    ev.addPropertyWithValue('transp', 'OPAQUE');
    cal.addSubcomponent(ev);
  }
  return cal.toString() + '\r\n';
}
