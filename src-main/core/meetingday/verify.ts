// `referent verify`: recomputes the change log's chain and every locked meeting's content hash
// from its rows, and names the first fault, so an edit made directly in the file is caught.
// It walks the archive a batch of meetings at a time (memory stays flat at any size), and each
// check is its own function: a check of the whole store (StoreCheck) or of one approved meeting
// (MeetingCheck). Add a check by adding a function to one of the lists below.
import type { VerifyReport } from '../../../src-shared/api/meetingday';
import type { ExMeeting } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import type { Db } from '../store/database';
import { verifyChain } from '../changelog/changelog';
import { hashMeeting, streamMeetings } from '../meetings/meeting-content';

/** What every check can see; built once per run. */
export type VerifyContext = {
  db: Db;
  /** Per meeting, the content hash its latest lock or addendum wrote into the change log. */
  sealed: Map<string, string>;
  /** Ids of the meetings locked now (filled as the walk goes; complete for the checks run after it). */
  locked: Set<string>;
};

/** One approved (locked) meeting, with its content as its rows hold it now. */
export type LockedMeeting = { id: string; start: string; status: string; contentHash: string | null; committee: string; content: ExMeeting };

/** A check of one approved meeting: the fault as one sentence, or null. */
export type MeetingCheck = (m: LockedMeeting, ctx: VerifyContext) => string | null | Promise<string | null>;
/** A check of the whole store: the fault as one sentence, or null. */
export type StoreCheck = (ctx: VerifyContext) => Promise<string | null>;

const what = (m: Pick<LockedMeeting, 'committee' | 'start' | 'id'>): string => `the approved minutes of ${m.committee} on ${formatShortDa(m.start)} (meeting ${m.id})`;

const lockedMeansApproved: MeetingCheck = (m) => (m.status !== 'minutes-approved' ? `${what(m)} are locked but their status is "${m.status}"` : null);

const contentMatchesLock: MeetingCheck = (m) => {
  if (!m.contentHash) return `${what(m)} have no content hash`;
  return hashMeeting(m.content) !== m.contentHash ? `${what(m)} were changed after approval: their content no longer matches the hash stored by the lock` : null;
};

const lockMatchesSeal: MeetingCheck = (m, ctx) => {
  const seal = ctx.sealed.get(m.id);
  return seal !== undefined && seal !== m.contentHash ? `${what(m)} carry a content hash that differs from the one the change log recorded when they were sealed` : null;
};

/** A lock taken off in the file (locked_at cleared) or a meeting deleted is found by its seal in the log. */
const sealedMeetingsStillLocked: StoreCheck = async ({ db, sealed, locked }) => {
  for (const meetingId of sealed.keys()) {
    if (locked.has(meetingId)) continue;
    const row = await db.selectFrom('meetings as m').innerJoin('committees as c', 'c.id', 'm.committee_id').select(['m.start', 'c.name']).where('m.id', '=', meetingId).executeTakeFirst();
    if (!row) return `the approved minutes of meeting ${meetingId} are recorded in the change log, but the meeting is gone`;
    return `the minutes of ${row.name} on ${formatShortDa(row.start)} (meeting ${meetingId}) were approved and locked, but the lock has been removed`;
  }
  return null;
};

/** Run on every approved meeting, in order; the first fault ends the walk. */
export const MEETING_CHECKS: MeetingCheck[] = [lockedMeansApproved, contentMatchesLock, lockMatchesSeal];
/** Run once after the walk over the approved meetings. */
export const STORE_CHECKS_AFTER: StoreCheck[] = [sealedMeetingsStillLocked];

export async function verifyStore(db: Db): Promise<VerifyReport> {
  const chain = await verifyChain(db);
  let lockedMeetings = 0;
  const report = (fault: string | null): VerifyReport => ({ ok: fault === null, entries: chain.entries, lockedMeetings, fault });
  if (chain.fault) return report(chain.fault.message);
  const ctx: VerifyContext = { db, sealed: await sealedHashes(db), locked: new Set() };
  const committees = new Map((await db.selectFrom('committees').select(['id', 'name']).execute()).map((c) => [c.id, c.name]));
  for await (const batch of streamMeetings(db, { locked: true })) {
    for (const { row, meeting } of batch) {
      lockedMeetings++;
      ctx.locked.add(row.id);
      const m: LockedMeeting = { id: row.id, start: row.start, status: row.status, contentHash: row.content_hash, committee: committees.get(row.committee_id) ?? '?', content: meeting };
      for (const check of MEETING_CHECKS) {
        const fault = await check(m, ctx);
        if (fault) return report(fault);
      }
    }
  }
  for (const check of STORE_CHECKS_AFTER) {
    const fault = await check(ctx);
    if (fault) return report(fault);
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
