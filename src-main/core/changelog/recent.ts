// How the core tells a double submit (a double click, a form sent twice, two windows) from a
// deliberate repeat: the same change to the same meeting, written within the same second.
import type { Db } from '../store/database';

/** Long enough to cover a double click and a retried request; short enough never to stop real work. */
export const DOUBLE_SUBMIT_MS = 1000;

/** The payload of this meeting's latest change of this kind, if it was written within the last second. */
export async function justChanged(db: Db, meetingId: string, action: string, now = Date.now()): Promise<Record<string, unknown> | null> {
  const last = await db
    .selectFrom('change_log')
    .select(['at', 'payload'])
    .where('meeting_id', '=', meetingId)
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || now - Date.parse(last.at) > DOUBLE_SUBMIT_MS) return null;
  return JSON.parse(last.payload) as Record<string, unknown>;
}
