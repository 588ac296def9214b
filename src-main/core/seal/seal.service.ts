// Sealing approved minutes: at approval (or when a meeting arrives approved by import) the whole
// document input is frozen into meeting_seals, its hash becomes the lock's content hash, and a
// change-log entry records that hash. An addendum extends the seal: the sealed input gains the
// addendum and nothing else, so names, template and logo stay as they were at approval.
import { liveInputMaker, liveReferatInput } from '../documents/referat-input';
import { appendChange, chainLength } from '../changelog/changelog';
import { hashMeeting, readMeetings, streamMeetings } from '../meetings/meeting-content';
import type { Db } from '../store/database';
import { canonicalJson, nowIso } from '../util/canonical';
import { sealContent, sealedInput, sealHash } from './snapshot';
import { sealsRepository } from './seals.repository';

/** The change-log actions that seal a meeting; each payload carries the sealed `contentHash`. */
export const SEAL_ACTIONS = ['meetingday.approveMinutes', 'meetingday.addAddendum', 'exchange.sealImported'] as const;
export type SealAction = (typeof SEAL_ACTIONS)[number];

/** Freezes what the meeting's documents print now; returns the content hash. The caller holds the transaction. */
export async function sealMeeting(db: Db, meetingId: string, action: SealAction, payload: Record<string, unknown>): Promise<string> {
  return writeSeal(db, meetingId, sealContent(await liveReferatInput(db, meetingId)), action, payload);
}

/**
 * Seals meetings of one committee that arrived approved by import, as approval here would have:
 * read back a batch at a time, the committee and settings once. The caller holds the transaction.
 */
export async function sealImported(db: Db, committeeId: string, meetingIds: string[], lockedAt: string): Promise<void> {
  if (meetingIds.length === 0) return;
  const inputOf = await liveInputMaker(db, committeeId);
  for await (const batch of streamMeetings(db, { meetingIds })) {
    for (const { row, meeting } of batch) await writeSeal(db, row.id, sealContent(inputOf(meeting)), 'exchange.sealImported', { lockedAt });
  }
}

async function writeSeal(db: Db, meetingId: string, content: string, action: SealAction, payload: Record<string, unknown>): Promise<string> {
  const hash = sealHash(content);
  const row = await db.selectFrom('meetings').select('committee_id').where('id', '=', meetingId).executeTakeFirstOrThrow();
  await db.updateTable('meetings').set({ content_hash: hash }).where('id', '=', meetingId).execute();
  const entry = await appendChange(db, { meetingId, committeeId: row.committee_id, action, payload: { ...payload, contentHash: hash } });
  // The entry's position and hash are the anchor the minutes print: verify --anchor checks it.
  await sealsRepository.put(db, { meeting_id: meetingId, content, entry: await chainLength(db), entry_hash: entry.hash, sealed_at: nowIso() });
  return hash;
}

/**
 * Whether the meeting's rows and sealed content still match its lock (null) or, if not, the
 * first difference as a JSON path ("items[4].decision.text") or a word on what is wrong.
 */
export async function sealBreach(db: Db, meetingId: string): Promise<string | null> {
  const row = await db.selectFrom('meetings').select('content_hash').where('id', '=', meetingId).executeTakeFirstOrThrow();
  const seal = await sealsRepository.byMeeting(db, meetingId);
  const [live] = await readMeetings(db, { meetingIds: [meetingId] });
  if (!seal || !live) return 'no sealed content';
  // A lock from before seals held a snapshot is checked by the meeting's content alone.
  if (seal.content === null) return hashMeeting(live.meeting) === row.content_hash ? null : 'content';
  if (sealHash(seal.content) !== row.content_hash) return 'sealed content';
  return firstDifference(sealedInput(seal.content).meeting, live.meeting);
}

/** Extends the seal by the addendum already written to the rows; returns the new content hash. */
export async function extendSeal(db: Db, meetingId: string, addendum: { at: string; text: string }, previousHash: string | null): Promise<string> {
  const seal = await sealsRepository.byMeeting(db, meetingId);
  const [live] = await readMeetings(db, { meetingIds: [meetingId] });
  // A lock from before seals held a snapshot gets one now, of what its documents print today.
  const input = seal?.content ? { ...sealedInput(seal.content), meeting: live!.meeting } : await liveReferatInput(db, meetingId);
  return writeSeal(db, meetingId, sealContent(input), 'meetingday.addAddendum', { ...addendum, previousHash });
}

/** The JSON path of the first place two values differ; null when they are the same. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (canonicalJson(a) === canonicalJson(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d !== null) return d;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k);
      if (d !== null) return d;
    }
  }
  return at || '(the whole)';
}
