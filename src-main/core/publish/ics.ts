// The mødeplan as iCalendar for the website (METHOD:PUBLISH): Europe/Copenhagen with its
// VTIMEZONE, DTEND, stable UIDs, and a SEQUENCE that rises only when an event changes, so
// Outlook and Google update a subscribed calendar instead of duplicating it.
import ICAL from 'ical.js';
import { newPublishedCalendar, zoned } from '../calendar/export-ics';

export type IcsEvent = {
  uid: string;
  start: string;
  /** Without a recorded end, the event lasts two hours (a calendar needs DTEND to show it right). */
  end: string | null;
  summary: string;
  location: string | null;
  cancelled: boolean;
  /** The meeting's page, when it has one. */
  url: string | null;
  /** When the meeting last changed (ISO instant): DTSTAMP, so unchanged meetings keep their bytes. */
  stamp: string;
  sequence: number;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** start + 2 hours, local wall-clock ("2026-06-02T16:30"). */
function twoHoursLater(start: string): string {
  const d = new Date(`${start}:00Z`);
  d.setUTCHours(d.getUTCHours() + 2);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function buildPlanIcs(events: IcsEvent[], title: string): string {
  const cal = newPublishedCalendar('-//Referent//Mødeplan//DA', title);
  for (const e of events) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', e.uid);
    ev.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(stampInstant(e.stamp)), true));
    ev.addPropertyWithValue('sequence', e.sequence);
    ev.addProperty(zoned('dtstart', e.start));
    ev.addProperty(zoned('dtend', e.end ?? twoHoursLater(e.start)));
    ev.addPropertyWithValue('summary', e.cancelled ? `AFLYST: ${e.summary}` : e.summary);
    if (e.location) ev.addPropertyWithValue('location', e.location);
    if (e.url) {
      ev.addPropertyWithValue('url', e.url);
      ev.addPropertyWithValue('description', `Dagsorden og referat: ${e.url}`);
    }
    ev.addPropertyWithValue('status', e.cancelled ? 'CANCELLED' : 'CONFIRMED');
    ev.addPropertyWithValue('transp', 'OPAQUE');
    cal.addSubcomponent(ev);
  }
  return cal.toString() + '\r\n';
}

/** The store writes "2026-06-02 14:30:00" or an ISO instant; both read as UTC. */
const stampInstant = (s: string): string => (/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
