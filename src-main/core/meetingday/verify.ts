// `referent verify`: recomputes the change log's chain and every locked meeting's content hash
// from its rows, and names the first fault, so an edit made directly in the file is caught.
import type { VerifyReport } from '../../../src-shared/api/meetingday';
import { formatShortDa } from '../../../src-shared/dates';
import type { Db } from '../store/database';
import { verifyChain } from '../changelog/changelog';
import { canonicalJson, sha256Hex } from '../util/canonical';
import { readMeetings } from '../meetings/meeting-content';

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
  for (const m of locked) {
    const what = `the approved minutes of ${m.name} on ${formatShortDa(m.start)} (meeting ${m.id})`;
    if (m.status !== 'minutes-approved') return report(`${what} are locked but their status is "${m.status}"`);
    const content = contents.get(m.id);
    if (!m.content_hash || !content) return report(`${what} have no content hash`);
    if (sha256Hex(canonicalJson(content)) !== m.content_hash) return report(`${what} were changed after approval: their content no longer matches the hash stored by the lock`);
    const sealed = await lastSealedHash(db, m.id);
    if (sealed !== null && sealed !== m.content_hash) return report(`${what} carry a content hash that differs from the one the change log recorded when they were sealed`);
  }
  return report(null);
}

/** The hash the latest lock or addendum wrote into the change log for this meeting, if any. */
async function lastSealedHash(db: Db, meetingId: string): Promise<string | null> {
  const rows = await db
    .selectFrom('change_log')
    .select('payload')
    .where('meeting_id', '=', meetingId)
    .where('action', 'in', ['meetingday.approveMinutes', 'meetingday.addAddendum'])
    .orderBy('seq', 'desc')
    .limit(1)
    .execute();
  const payload = rows[0] ? (JSON.parse(rows[0].payload) as { contentHash?: unknown }) : null;
  return typeof payload?.contentHash === 'string' ? payload.contentHash : null;
}
