// Taking a meeting offline from the app (issue 14 §4, docs/server-design.md §9): the shell's own
// operations, beside the core's. The app then works with two archives at once, the server and
// the laptop's own file, and these move a meeting between them: take (checkout on the server,
// the copy into the file), hand in (the copy's check-in on the server, the copy released), and
// which archive the page's operations go to. They are not operations of the core (no core holds
// both archives), so they have their own IPC channels and HTTP routes, and the page its own client.
import { z } from 'zod';
import { op } from './define';
import { Id } from './committees';
import type { CheckinReport, CheckoutInfo } from './checkout';

/** The server, or the laptop's own file (where checked-out copies are worked on offline). */
export const ARCHIVES = ['server', 'laptop'] as const;
export type ArchiveName = (typeof ARCHIVES)[number];

export type OfflineState = {
  /** The server the app is connected to; null when it works on its own file only (nothing to take offline). */
  server: { url: string } | null;
  /** Where the page's operations go now. */
  archive: ArchiveName;
  /** The checked-out copies the laptop's file holds, oldest meeting first; null when the file could not be opened (not known, never "none"). */
  copies: CheckoutInfo[] | null;
  /** Why the laptop's file could not be opened, in one sentence; null when it opened. Nothing is taken offline or handed in until it does. */
  unopened: { message: string; messageDa: string } | null;
};

/** What a hand-in brought to the server, as the result screen tells it. */
export type HandInReport = CheckinReport & {
  committee: string;
  start: string;
  /** Items added, removed or changed offline (compared with the server's before the merge); null when the server's could not be read. */
  itemsChanged: number | null;
  /** Attachments the server did not have before. */
  attachmentsAdded: number | null;
};

export const offlineOps = {
  /** Which server, which archive the page works on, and the copies this computer holds. */
  'offline.state': op(z.strictObject({})).returns<OfflineState>(),
  /** Points the page's operations at the server or at this computer's file. */
  'offline.use': op(z.strictObject({ archive: z.enum(ARCHIVES) })).returns<OfflineState>(),
  /** Checks the meeting out on the server and writes its copy into this computer's file; on failure the server's checkout is released again. */
  'offline.take': op(z.strictObject({ meetingId: Id })).returns<CheckoutInfo>(),
  /** Checks the copy in on the server; only when the server took it is the copy released here, so a failure keeps it. */
  'offline.handIn': op(z.strictObject({ meetingId: Id })).returns<HandInReport>(),
};

export type OfflineOpName = keyof typeof offlineOps;
export type OfflineOpInput<K extends OfflineOpName> = z.input<(typeof offlineOps)[K]['input']>;
export type OfflineOpOutput<K extends OfflineOpName> = (typeof offlineOps)[K]['output'];
export const OFFLINE_OP_NAMES = Object.keys(offlineOps) as OfflineOpName[];

export function isOfflineOpName(name: unknown): name is OfflineOpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(offlineOps, name);
}

/** The IPC channel of a shell operation: `shell:offline.take` (never an `api:` channel). */
export const offlineChannel = (name: OfflineOpName): string => `shell:${name}`;
/** Its route in the browser shell: `/shell/offline.take`. */
export const offlineRoute = (name: OfflineOpName): string => `/shell/${name}`;
