// verify's checks of approved minutes (composed in meetingday/verify.ts): each lock's sealed
// content still hashes to the lock, the meeting's rows still say what was sealed, the change log
// recorded that hash when it sealed it, and the anchor printed on the minutes is that entry.
import type { MeetingCheck, StoreCheck } from '../meetingday/verify';
import { what } from '../meetingday/verify';
import { hashMeeting } from '../meetings/meeting-content';
import { firstDifference } from './seal.service';
import { sealsRepository } from './seals.repository';
import { sealedInput, sealHash } from './snapshot';

export const sealHolds: MeetingCheck = async (m, ctx) => {
  const fault = await lockFault(m, ctx);
  return fault === null ? null : `${what(m)} ${fault}`;
};

async function lockFault(m: Parameters<MeetingCheck>[0], ctx: Parameters<MeetingCheck>[1]): Promise<string | null> {
  if (!m.contentHash) return 'have no content hash';
  const entry = ctx.sealed.get(m.id);
  if (entry && entry.contentHash !== m.contentHash) return 'carry a content hash that differs from the one the change log recorded when they were sealed';
  const seal = await sealsRepository.byMeeting(ctx.db, m.id);
  if (!seal) return 'have lost their sealed content: the copy of what they print, stored at approval, is gone';
  if (seal.content === null) {
    // Locked before snapshots existed (the migration marked these): checked as that version did.
    return hashMeeting(m.content) !== m.contentHash ? 'were changed after approval: their content no longer matches the hash stored by the lock' : null;
  }
  if (sealHash(seal.content) !== m.contentHash) return 'have had their sealed content altered: it no longer matches the hash stored by the lock';
  const diff = firstDifference(sealedInput(seal.content).meeting, m.content);
  if (diff !== null) return `were changed after approval: their rows no longer match the content sealed by the lock (first difference at ${diff})`;
  if (!entry) return 'are sealed, but the change log holds no entry that sealed them';
  if (seal.entry !== entry.position || seal.entry_hash !== entry.hash) {
    return `print the anchor ${seal.entry_hash ?? '?'}:${seal.entry ?? '?'}, which is not the change-log entry that sealed them (${entry.hash}:${entry.position})`;
  }
  return null;
}

/** Says how many approved meetings were locked before seals held a snapshot (checked by content only). */
export const legacyLocksNoted: StoreCheck = async ({ db, notes }) => {
  const r = await db
    .selectFrom('meeting_seals as s')
    .innerJoin('meetings as m', 'm.id', 's.meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.content', 'is', null)
    .where('m.locked_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  if (n > 0) notes.push(`${n} approved meeting(s) were locked before Referent sealed what minutes print: their content is checked, but their names, template and logo are read as they are now.`);
  return null;
};
