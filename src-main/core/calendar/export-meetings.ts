// The meetings a calendar export holds: one year, one committee or all, in start order.
import type { Db } from '../store/database';

export type ExportMeeting = {
  id: string;
  committeeId: string;
  committee: string;
  shortName: string | null;
  start: string;
  end: string | null;
  location: string | null;
  calendarUid: string | null;
  status: string;
  updatedAt: string;
};

export async function readExportMeetings(db: Db, year: number, committeeId?: string): Promise<ExportMeeting[]> {
  let q = db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['m.id', 'm.committee_id', 'c.name', 'c.short_name', 'm.start', 'm.end', 'm.location', 'm.calendar_uid', 'm.status', 'm.updated_at'])
    .where('m.start', '>=', `${year}-01-01`)
    .where('m.start', '<', `${year + 1}-01-01`);
  if (committeeId !== undefined) q = q.where('m.committee_id', '=', committeeId);
  const rows = await q.orderBy('m.start').orderBy('c.name').execute();
  return rows.map((r) => ({
    id: r.id,
    committeeId: r.committee_id,
    committee: r.name,
    shortName: r.short_name,
    start: r.start,
    end: r.end,
    location: r.location,
    calendarUid: r.calendar_uid,
    status: r.status,
    updatedAt: r.updated_at,
  }));
}

/** The UID an exported event carries: the one it was imported with, else one made from the meeting's id. */
export const exportUid = (m: ExportMeeting): string => m.calendarUid ?? `${m.id}@referent`;
