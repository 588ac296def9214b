// Operations of the "meetingday" feature: attendance, decisions, votes, dissent, carried items,
// approvals and the lock (issue 4). Also the pure phrase -> decision rule the UI and core share.
import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op } from './define';
import { ATTENDANCE_STATUSES, OUTCOMES, OUTCOME_LABEL_DA, type MeetingStatus, type MemberDto, type Outcome } from '../domain';
import { VoteSchema, type ExDecision, type ExVote } from '../exchange';
import { Id } from './committees';
import type { ProposalSummary } from './proposals';

const Key = z.string().trim().min(1, 'must name a member');
const ItemNumber = z.number().int().min(1);

export const AttendanceEntrySchema = z.strictObject({
  member: Key,
  status: z.enum(ATTENDANCE_STATUSES),
  /** The substitute (suppleant) who sits in for an absent member; only with apologies/absent. */
  substitute: Key.nullable().optional(),
  /** Present from this item on (inclusive): arrived late. */
  fromItem: ItemNumber.nullable().optional(),
  /** Present until this item (inclusive): "forlod mødet efter punkt N". */
  untilItem: ItemNumber.nullable().optional(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntrySchema>;

export const VotesSchema = z.strictObject({ for: z.array(VoteSchema), against: z.array(VoteSchema), abstained: z.array(VoteSchema) });

export type SeatView = {
  holder: string;
  sitting: string | null;
  status: 'present' | 'apologies' | 'absent' | 'unrecorded';
  substitute: string | null;
  fromItem: number | null;
  untilItem: number | null;
};

export type VoteCounts = { for: number; against: number; abstained: number };

export type ItemView = {
  id: string;
  number: number;
  title: string;
  caseNumber: string | null;
  access: 'open' | 'closed';
  role: string | null;
  route: { body: string; date: string | null }[];
  postponedFrom: { meetingId: string; number: number } | null;
  /** `text` is plain, as typed (the store and the exchange format hold it as Markdown). */
  decision: ExDecision | null;
  voteCounts: VoteCounts | null;
  /** Members (and substitutes) who took part in the item. */
  participants: string[];
  apologies: string[];
  absent: string[];
  disqualified: string[];
  /** Absences set by hand on this item (not derived from arrival/departure). */
  markedAbsences: { member: string; reason: 'absent' | 'disqualified' }[];
  guests: { name: string; title: string | null }[];
  /** Where this item was carried on to, if it was. */
  carriedTo: { meetingId: string; start: string; committeeName: string; number: number } | null;
  /** The body the item goes to next when recommended ("Anbefales"), by its route. */
  nextBody: string | null;
  /** Decided "Anbefales": its proposal to the next body (pending, accepted or rejected with a reason); null if none was made. */
  proposal: ProposalSummary | null;
};

export type MeetingDayView = {
  meeting: {
    id: string;
    committeeId: string;
    committeeName: string;
    start: string;
    end: string | null;
    location: string | null;
    status: MeetingStatus;
    lockedAt: string | null;
    contentHash: string | null;
  };
  members: MemberDto[];
  /** The committee's standard decision phrases (template.phrases or the defaults). */
  phrases: string[];
  seats: SeatView[];
  guests: { name: string; title: string | null; items: number[] | null }[];
  items: ItemView[];
  /** Everyone who took part in at least one item: the signature page's list. */
  signatories: string[];
  approvals: { member: string; at: string }[];
  missingApprovals: string[];
  addenda: { at: string; text: string }[];
};

export type VerifyReport = {
  ok: boolean;
  entries: number;
  lockedMeetings: number;
  /** The first fault found, as one sentence; null when everything holds. */
  fault: string | null;
  /** The attachment files: how many were hashed whole, one sentence per missing or altered one, and hash-only attachments (plain JSON, never a file). */
  files?: { checked: number; faults: string[]; hashOnly: number };
  /** Plain statements of what was checked beyond the fault line, and of what could not be (no key, say). */
  notes: string[];
  /** The chain's anchor now ("HASH:LENGTH"), to keep outside the database and check later with --anchor. */
  anchor: string | null;
};

export type CarryResult = { meetingId: string; start: string; committeeName: string; itemId: string; number: number };

export const meetingDayOps = {
  'meetingday.get': op(z.strictObject({ meetingId: Id })).returns<MeetingDayView>(),
  /** Roll call: one entry per member named; members not named keep what they had. */
  'meetingday.setAttendance': op(z.strictObject({ meetingId: Id, entries: z.array(AttendanceEntrySchema).min(1) })).returns<MeetingDayView>(),
  /** Staff attending the meeting or some items ("deltager i punktet"); replaces the list. */
  'meetingday.setGuests': op(
    z.strictObject({
      meetingId: Id,
      guests: z.array(z.strictObject({ name: z.string().trim().min(1).max(FIELD_LIMITS.guestName), title: z.string().trim().max(FIELD_LIMITS.guestTitle).nullable().optional(), items: z.array(ItemNumber).nullable().optional() })),
    }),
  ).returns<MeetingDayView>(),
  /** Per-item absence or disqualification (inhabil) by hand; reason null clears it. */
  'meetingday.setItemAbsence': op(z.strictObject({ itemId: Id, member: Key, reason: z.enum(['absent', 'disqualified']).nullable() })).returns<MeetingDayView>(),
  /** Outcome + free text (plain, printed as typed); outcome null removes the decision with its votes and dissents. */
  'meetingday.setDecision': op(
    z.strictObject({ itemId: Id, outcome: z.enum(OUTCOMES).nullable(), text: z.string().max(FIELD_LIMITS.body).nullable().optional(), public: z.boolean().nullable().optional() }),
  ).returns<MeetingDayView>(),
  /** Votes by member key or by party with a count; null removes the vote. */
  'meetingday.setVotes': op(z.strictObject({ itemId: Id, votes: VotesSchema.nullable() })).returns<MeetingDayView>(),
  'meetingday.addDissent': op(z.strictObject({ itemId: Id, member: Key, text: z.string().trim().min(1, 'must not be empty').max(FIELD_LIMITS.dissent) })).returns<MeetingDayView>(),
  'meetingday.removeDissent': op(z.strictObject({ itemId: Id, member: Key })).returns<MeetingDayView>(),
  /** "Udsat" -> the committee's next meeting. ("Anbefales" goes to the next body as a proposal: proposals.*.) */
  'meetingday.carryForward': op(z.strictObject({ itemId: Id })).returns<CarryResult>(),
  /** One member's approval of the minutes (the signature page). */
  'meetingday.approve': op(z.strictObject({ meetingId: Id, member: Key })).returns<MeetingDayView>(),
  'meetingday.withdrawApproval': op(z.strictObject({ meetingId: Id, member: Key })).returns<MeetingDayView>(),
  /** The secretary's explicit step "Referat godkendt": locks the meeting and stores its content hash. */
  'meetingday.approveMinutes': op(z.strictObject({ meetingId: Id })).returns<MeetingDayView>(),
  /** A dated correction to approved minutes, shown after the original. */
  'meetingday.addAddendum': op(z.strictObject({ meetingId: Id, text: z.string().trim().min(1, 'must not be empty').max(FIELD_LIMITS.addendum) })).returns<MeetingDayView>(),
  /** The change log's chain and every locked meeting's content hash, recomputed. */
  'meetingday.verify': op(
    z.strictObject({
      /** Anchors taken earlier ("HASH:LENGTH"): the change log must still hold each. */
      anchors: z.array(z.string().regex(/^[0-9a-f]{64}:[1-9]\d{0,15}$/, 'must be an anchor: 64 hexadecimal digits, a colon and a number')).max(1000).optional(),
    }),
  ).returns<VerifyReport>(),
};

/**
 * A standard phrase as a decision: a phrase that is (or starts with) an outcome's label takes
 * that outcome; its text is kept only when it says more than the label. Anything else is "other".
 */
export function phraseToDecision(phrase: string): { outcome: Outcome; text: string | null } {
  const p = phrase.trim();
  const lower = p.toLowerCase();
  const labels = (Object.entries(OUTCOME_LABEL_DA) as [Outcome, string][]).filter(([o]) => o !== 'other');
  for (const [outcome, label] of labels) {
    if (lower === label.toLowerCase()) return { outcome, text: null };
  }
  for (const [outcome, label] of labels) {
    if (lower.startsWith(label.toLowerCase())) return { outcome, text: p };
  }
  return { outcome: 'other', text: p };
}

/** Each side's count: a member counts one, a party entry its count. */
export function countVotes(votes: { for: ExVote[]; against: ExVote[]; abstained: ExVote[] }): VoteCounts {
  const sum = (side: ExVote[]): number => side.reduce((n, v) => n + (typeof v === 'string' ? 1 : v.count), 0);
  return { for: sum(votes.for), against: sum(votes.against), abstained: sum(votes.abstained) };
}
