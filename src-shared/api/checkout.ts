// Checking a meeting out of a server for offline work and in again (issue 14 §4,
// docs/server-design.md §9). The server side: take, status, release, checkin. The laptop side:
// receive (writes the checked-out copy into the local file), prepare (the check-in package of a
// copy), done (the copy was checked in: it becomes an ordinary local meeting), copies (what the
// laptop holds).
import { z } from 'zod';
import { op } from './define';
import { Id } from './committees';

/** A meeting held for offline work: on a server, by `holder`; on a laptop (`role: 'copy'`), the copy it holds. */
export type CheckoutInfo = {
  meetingId: string;
  checkoutId: string;
  role: 'server' | 'copy';
  committee: string;
  start: string;
  holder: string;
  /** When it was checked out (ISO 8601, UTC). */
  since: string;
  /** The sentence a reader of the held meeting sees, in English and Danish. */
  message: string;
  messageDa: string;
};

/**
 * One change-log entry made offline, chained from the server's head at checkout (`base`). Hashed as
 * a change-log entry without a committee (the laptop's committee id is not the server's).
 */
export type OfflineEntry = {
  at: string;
  meeting_id: string;
  action: string;
  /** Canonical JSON, as the change log stores it. */
  payload: string;
  author: string | null;
  prev_hash: string;
  hash: string;
};

/** What the server hands the laptop: the meeting with its committee (an exchange document) and its attachments' bytes. */
export type CheckoutPackage = {
  format: 'referent/checkout/v1';
  checkout: { id: string; meetingId: string; committee: string; holder: string; since: string; head: string };
  /** referent/v1 holding the meeting's committee (members, house style) with only this meeting. */
  document: unknown;
  /** Attachment bytes by SHA-256, base64. */
  files: Record<string, string>;
};

/** What the laptop sends back: the meeting as edited, the entries made offline, and files the server may lack. */
export type CheckinPackage = {
  format: 'referent/checkin/v1';
  checkoutId: string;
  meetingId: string;
  holder: string;
  base: string;
  /** The meeting as the laptop exports it (referent/v1 Meeting). */
  meeting: unknown;
  /** SHA-256 of the meeting's canonical JSON; the last entry states it too. */
  contentHash: string;
  entries: OfflineEntry[];
  files: Record<string, string>;
};

export type CheckinReport = {
  meetingId: string;
  entries: number;
  files: number;
  items: number;
  /** The server had taken this very package at an earlier try whose answer was lost: nothing changed now, and the laptop may release its copy. */
  alreadyMerged: boolean;
};

const Holder = z.string().trim().min(1, 'must name who takes the meeting').max(200);
const Sha = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const Files = z.record(Sha, z.string().max(200_000_000));

export const OfflineEntrySchema = z.strictObject({
  at: z.string().max(40),
  meeting_id: z.string().max(100),
  action: z.string().min(1).max(100),
  payload: z.string().max(10_000_000),
  author: z.string().max(200).nullable(),
  prev_hash: Sha,
  hash: Sha,
});

export const CheckoutPackageSchema = z.strictObject({
  format: z.literal('referent/checkout/v1'),
  checkout: z.strictObject({ id: Id, meetingId: Id, committee: z.string().min(1).max(300), holder: Holder, since: z.string().max(40), head: Sha }),
  document: z.unknown(),
  files: Files,
});

export const CheckinPackageSchema = z.strictObject({
  format: z.literal('referent/checkin/v1'),
  checkoutId: Id,
  meetingId: Id,
  holder: Holder,
  base: Sha,
  meeting: z.unknown(),
  contentHash: Sha,
  entries: z.array(OfflineEntrySchema).max(1_000_000),
  files: Files,
});

export const checkoutOps = {
  /** Whether the meeting is checked out (server) or a checked-out copy (laptop); null when neither. */
  'checkout.status': op(z.strictObject({ meetingId: Id })).returns<CheckoutInfo | null>(),
  /** Server: marks the meeting as held and hands out its package. `holder`: who takes it, when the server has no signed-in account to name. */
  'checkout.take': op(z.strictObject({ meetingId: Id, holder: Holder.optional() })).returns<CheckoutPackage>(),
  /** Server: gives the meeting free without a check-in; `force` lets a secretary free another's (logged). */
  'checkout.release': op(z.strictObject({ meetingId: Id, holder: Holder.optional(), force: z.boolean().optional() })).returns<{ meetingId: string; holder: string; forced: boolean }>(),
  /** Server: verifies and merges a check-in in one transaction, or refuses it and changes nothing. */
  'checkout.checkin': op(z.strictObject({ package: CheckinPackageSchema })).returns<CheckinReport>(),
  /** Laptop: writes a checkout package into this file as a checked-out copy. */
  'checkout.receive': op(z.strictObject({ package: CheckoutPackageSchema })).returns<CheckoutInfo>(),
  /** Laptop: the check-in package of a copy held here. */
  'checkout.prepare': op(z.strictObject({ meetingId: Id })).returns<CheckinPackage>(),
  /** Laptop: the server took the check-in; the copy becomes an ordinary local meeting. */
  'checkout.done': op(z.strictObject({ meetingId: Id, checkoutId: Id })).returns<{ meetingId: string }>(),
  /** Laptop: the copies this file holds. */
  'checkout.copies': op(z.strictObject({})).returns<CheckoutInfo[]>(),
};
