// `referent verify`: recomputes the change log's chain and every locked meeting's content hash
// from its rows, and names the first fault, so an edit made directly in the file is caught.
import type { VerifyReport } from '../../../src-shared/api/meetingday';
import { formatShortDa } from '../../../src-shared/dates';
import type { Db } from '../store/database';
import { verifyChain } from '../changelog/changelog';
import { readMeetings } from '../meetings/meeting-content';
import { hashMeeting } from '../meetings/meeting-content';

export async function verifyStore(db: Db): Promise<VerifyReport> {
  const chain = await verifyChain(db);
  const locked = await db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['m.id', 'm.start', 'm.status', 'm.content_hash', 'c.name'])
    .where('m.locked_at', 'is not', null)
    .orderBy('m.start')
    .orderBy('m.id')
    .execute();
  const report = (fault: string | null): VerifyReport => ({ ok: fault === null, entries: chain.entries, lockedMeetings: locked.length, fault });
  if (chain.fault) return report(chain.fault.message);

  const contents = new Map((await readMeetings(db, { meetingIds: locked.map((m) => m.id) })).map((c) => [c.row.id, c.meeting]));
  const sealed = await sealedHashes(db);
  for (const m of locked) {
    const what = `the approved minutes of ${m.name} on ${formatShortDa(m.start)} (meeting ${m.id})`;
    if (m.status !== 'minutes-approved') return report(`${what} are locked but their status is "${m.status}"`);
    const content = contents.get(m.id);
    if (!m.content_hash || !content) return report(`${what} have no content hash`);
    if (hashMeeting(content) !== m.content_hash) return report(`${what} were changed after approval: their content no longer matches the hash stored by the lock`);
    const seal = sealed.get(m.id);
    if (seal !== undefined && seal !== m.content_hash) return report(`${what} carry a content hash that differs from the one the change log recorded when they were sealed`);
  }
  // A lock taken off in the file (locked_at cleared) or a meeting deleted is found by its seal in the log.
  const lockedIds = new Set(locked.map((m) => m.id));
  for (const meetingId of sealed.keys()) {
    if (lockedIds.has(meetingId)) continue;
    const row = await db
      .selectFrom('meetings as m')
      .innerJoin('committees as c', 'c.id', 'm.committee_id')
      .select(['m.start', 'c.name'])
      .where('m.id', '=', meetingId)
      .executeTakeFirst();
    if (!row) return report(`the approved minutes of meeting ${meetingId} are recorded in the change log, but the meeting is gone`);
    return report(`the minutes of ${row.name} on ${formatShortDa(row.start)} (meeting ${meetingId}) were approved and locked, but the lock has been removed`);
  }
  return report(null);
}

/** Per meeting, the hash its latest lock or addendum wrote into the change log. */
async function sealedHashes(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('change_log')
    .select(['meeting_id', 'payload'])
    .where('action', 'in', ['meetingday.approveMinutes', 'meetingday.addAddendum'])
    .orderBy('seq')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const payload = JSON.parse(r.payload) as { contentHash?: unknown };
    if (r.meeting_id !== null && typeof payload.contentHash === 'string') out.set(r.meeting_id, payload.contentHash);
  }
  return out;
}
