// `referent verify`: checks the change log and every approved meeting, and names the first fault,
// so an edit made directly in the file is caught. It walks the archive a batch of meetings at a
// time (memory stays flat at any size), and each check is its own function: a visitor of the one
// walk over the change log (ChainVisitor), a check of one approved meeting (MeetingCheck) or of
// the whole store (StoreCheck). Add a check by adding a function to one of the lists below.
// docs/security.md says what each check proves, and what it cannot.
import type { VerifyReport } from '../../../src-shared/api/meetingday';
import type { ExMeeting } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import type { Db } from '../store/database';
import { verifyChain } from '../changelog/changelog';
import { streamMeetings } from '../meetings/meeting-content';
import { type Anchor, formatAnchor } from '../seal/anchor';
import { anchorCheck, macCheck, sealEntries, type SealEntry } from '../seal/chain-checks';
import { backupAnchorCheck, type BackupAnchor } from '../seal/backup-anchors';
import { legacyLocksNoted, sealHolds } from '../seal/check-locks';

export type VerifyOptions = {
  /** Key files to check the change log's MACs with (the store's own, and any named by --key). */
  keyFiles?: readonly string[] | undefined;
  /** Anchors taken earlier (printed on minutes, kept beside backups): the chain must still hold each. */
  anchors?: readonly Anchor[] | undefined;
  /** The rolling backups' recorded anchors and heads (store/backups.ts): the log must hold each made since the last restore. */
  backups?: readonly BackupAnchor[] | undefined;
};

/** What every check can see; built once per run. */
export type VerifyContext = {
  db: Db;
  /** Per meeting, where the change log sealed it last: the content hash it recorded, the entry's position and hash. */
  sealed: Map<string, SealEntry>;
  /** Ids of the meetings locked now (filled as the walk goes; complete for the checks run after it). */
  locked: Set<string>;
  /** Plain statements for the report: what was checked beyond the fault line, and what could not be. */
  notes: string[];
};

/** One approved (locked) meeting, with its content as its rows hold it now. */
export type LockedMeeting = { id: string; start: string; status: string; contentHash: string | null; committee: string; content: ExMeeting };

/** A check of one approved meeting: the fault as one sentence, or null. */
export type MeetingCheck = (m: LockedMeeting, ctx: VerifyContext) => string | null | Promise<string | null>;
/** A check of the whole store: the fault as one sentence, or null. */
export type StoreCheck = (ctx: VerifyContext) => Promise<string | null>;

export const what = (m: Pick<LockedMeeting, 'committee' | 'start' | 'id'>): string => `the approved minutes of ${m.committee} on ${formatShortDa(m.start)} (meeting ${m.id})`;

const lockedMeansApproved: MeetingCheck = (m) => (m.status !== 'minutes-approved' ? `${what(m)} are locked but their status is "${m.status}"` : null);

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
export const MEETING_CHECKS: MeetingCheck[] = [lockedMeansApproved, sealHolds];
/** Run once after the walk over the approved meetings. */
export const STORE_CHECKS_AFTER: StoreCheck[] = [sealedMeetingsStillLocked, legacyLocksNoted];

export async function verifyStore(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  // The change log, in one walk: links and hashes, MACs, anchors, and where it sealed each meeting.
  const macs = macCheck(options.keyFiles ?? []);
  const anchors = anchorCheck(options.anchors ?? []);
  const backups = backupAnchorCheck(options.backups ?? [], options.keyFiles ?? []);
  const seals = sealEntries();
  const chain = await verifyChain(db, [macs.visit, anchors.visit, backups.visit, seals.visit]);
  const notes: string[] = [];
  let lockedMeetings = 0;
  const report = (fault: string | null): VerifyReport => ({
    ok: fault === null,
    entries: chain.entries,
    lockedMeetings,
    fault,
    notes,
    anchor: chain.entries > 0 && !chain.fault ? formatAnchor({ head: chain.head, length: chain.entries }) : null,
  });
  if (chain.fault) return report(chain.fault.message);
  for (const check of [macs, anchors, backups]) {
    const r = check.finish(chain.entries);
    notes.push(...r.notes);
    if (r.fault) return report(r.fault);
  }

  const ctx: VerifyContext = { db, sealed: seals.seals, locked: new Set(), notes };
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
