// Operations of items flowing between committees (issue 14 §5): an item recommended onward
// ("Anbefales") waits as a proposal in the next body's inbox; that committee's secretary accepts it
// into an agenda or rejects it with a reason the sending secretary sees.
import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import type { Access, ProposalStatus, SectionKind } from '../domain';
import { op } from './define';
import { Id } from './committees';

export { PROPOSAL_STATUSES, type ProposalStatus } from '../domain';

export type ProposalSummary = {
  id: string;
  /** pending: waits for the target's secretary; withdrawn: the sending decision was changed. */
  status: ProposalStatus;
  title: string;
  caseNumber: string | null;
  from: { committeeId: string; committeeName: string; meetingId: string; start: string; number: number };
  to: { committeeId: string; committeeName: string };
  /** The meeting it is proposed for: the target committee's next meeting not yet held; null: it waits in the inbox until one is created. */
  meeting: { id: string; start: string } | null;
  createdAt: string;
  createdBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Why it was rejected, as the target's secretary wrote it. */
  reason: string | null;
  /** Where it was accepted: the item on the target's agenda. */
  accepted: { meetingId: string; start: string; itemId: string; number: number } | null;
  /**
   * Accepted, and the sending committee changed its decision since (or removed it: `now` empty): when,
   * by whom, the decision as accepted and as it is now, as "Sagens forløb" prints them. Null once the
   * receiving secretary answered (kept the item, or took it off her agenda).
   */
  change: { at: string; by: string | null; was: string | null; now: string } | null;
};

/** A proposal opened: the item as it will land on the agenda, with its history (Sagens forløb). */
export type ProposalDetail = ProposalSummary & {
  access: Access;
  /** The sections the accepted item gets, "Sagens forløb" (kind history) with the sending committee's treatment added. */
  sections: { kind: SectionKind; heading: string | null; body: string }[];
  attachments: { title: string }[];
  route: { body: string; date: string | null }[];
};

export const proposalOps = {
  /** A committee's inbox: the proposals to it (pending ones, and accepted ones whose sending decision changed, unless `all`), oldest first. */
  'proposals.list': op(z.strictObject({ committeeId: Id, all: z.boolean().optional() })).returns<ProposalSummary[]>(),
  'proposals.get': op(z.strictObject({ proposalId: Id })).returns<ProposalDetail>(),
  /**
   * Proposes an item decided "Anbefales" to the next body on its route (recording the decision does
   * it already when that body is a committee here); idempotent: the existing proposal is answered.
   */
  'proposals.propose': op(z.strictObject({ itemId: Id })).returns<ProposalSummary>(),
  /** The target's secretary takes it onto an agenda, at `position` (0-based; default: before the closing items). */
  'proposals.accept': op(z.strictObject({ proposalId: Id, meetingId: Id, position: z.number().int().min(0).optional() })).returns<ProposalSummary>(),
  /** The sender changed an accepted item's decision: the target's secretary keeps the item on her agenda as it stands. */
  'proposals.keep': op(z.strictObject({ proposalId: Id })).returns<ProposalSummary>(),
  /** The sender changed an accepted item's decision: the target's secretary takes the item off her agenda; the proposal is withdrawn. */
  'proposals.removeAccepted': op(z.strictObject({ proposalId: Id })).returns<ProposalSummary>(),
  /** The target's secretary declines it; the sending secretary sees the reason. */
  'proposals.reject': op(
    z.strictObject({ proposalId: Id, reason: z.string().trim().min(1, 'must say why').max(FIELD_LIMITS.proposalReason) }),
  ).returns<ProposalSummary>(),
};
