// The app with two archives at once (issue 14 §4): the server it works against (connection.ts:
// signed in, or with a token) and the laptop's own file (its worker host). The page's operations go
// to one of them, the one chosen with `offline.use`; the shell's offline operations (src-shared/api/offline.ts) move a meeting between
// them: take = checkout on the server, then the copy into the file (released again on the server if
// the copy cannot be written); hand in = the copy's check-in on the server, and only once the server
// took it the copy released here, so a network failure never loses it. Wired alike in the Electron
// main process and the browser shell; it loads no part of the core.
import fs from 'node:fs';
import { offlineOps, isOfflineOpName, type ArchiveName, type HandInReport, type OfflineOpName, type OfflineOpOutput, type OfflineState } from '../../src-shared/api/offline';
import type { CheckinPackage, CheckinReport, CheckoutInfo, CheckoutPackage } from '../../src-shared/api/checkout';
import type { ReferentDocument } from '../../src-shared/exchange';
import type { ApiFailure, Result } from '../../src-shared/result';
import { describeRefusal } from '../core/errors';
import { failureOf, type ApiHost } from './api-host';
import type { Connection } from './connection';
import type { TaskInput, TaskName, TaskOutput } from './tasks';
import { itemChanges } from './offline-diff';

export type LaptopHostsOptions = {
  /** The app's own file (the worker host over it), started when first needed. */
  laptop: () => Promise<ApiHost>;
  /**
   * The path of that file: what was read of it (its copies, or why it will not open) is kept until
   * it or its write-ahead log changes. Without it, the file is asked at every request.
   */
  file?: string;
  /** The Referent server the app works against now (it refuses calls until she is signed in), or null: the file only. */
  server: () => { url: string; host: ApiHost } | null;
  /** Who takes a meeting offline when the server has no signed-in account to name (a token server): the computer's user. */
  holder: string;
  /** Closes what the two hosts hold (the worker, the session). */
  close: () => Promise<void>;
};

/** The shell's offline operations, as the IPC and HTTP adapters call them: input checked here, a Result back. */
export type OfflineShell = { invoke(name: string, input: unknown): Promise<Result<unknown>> };

export type LaptopHosts = {
  /** What the page's operations (and the menu's tasks) go to: the archive chosen now. */
  host: ApiHost;
  offline: OfflineShell;
  archive(): ArchiveName;
};

const fail = (code: ApiFailure['code'], message: string, messageDa: string): Result<never> => ({ ok: false, error: { code, message, messageDa } });

/** The laptop's file did not open: said as such, with the reason, never as "no copies". */
const unopened = (why: ApiFailure): Result<never> =>
  fail(
    why.code,
    `This computer's own Referent file could not be opened, so the meetings it holds offline are not known, and nothing can be taken offline or handed in until it opens: ${why.message}`,
    `Denne computers egen Referent-fil kunne ikke åbnes, så det vides ikke, hvilke møder den har taget med offline, og intet kan tages med offline eller afleveres, før den kan åbnes: ${why.messageDa ?? why.message}`,
  );

const noServer = (): Result<never> =>
  fail('Invalid', 'Referent is not connected to a server, so there is nothing to take offline or hand in.', 'Referent er ikke forbundet til en server, så der er intet at tage med offline eller aflevere.');

/**
 * Starts on the server, unless this computer holds checked-out copies: then on them, since the app
 * was most likely opened to go on working offline (and the server may well be out of reach).
 */
export async function laptopHosts(options: LaptopHostsOptions): Promise<LaptopHosts> {
  // The file and its copies, or why it will not open (damaged, locked, of a newer Referent): then its
  // copies are not known, which is not the same as none, and nothing moves between the archives.
  const readLaptop = async (): Promise<Result<{ host: ApiHost; copies: CheckoutInfo[] }>> => {
    try {
      const laptop = await options.laptop();
      const r = await laptop.invoke('checkout.copies', {});
      return r.ok ? { ok: true, value: { host: laptop, copies: r.value as CheckoutInfo[] } } : unopened(r.error);
    } catch (e) {
      return unopened(failureOf(e));
    }
  };
  // Every screen asks the state: the file is read again only when it has changed since (any write
  // changes it or its log; a file that would not open is tried again once someone has mended it),
  // or when she switches archives. A file busy with another writer may be free at the next look.
  let known: { stamp: string; read: Awaited<ReturnType<typeof readLaptop>> } | null = null;
  const openLaptop = async (): Promise<Awaited<ReturnType<typeof readLaptop>>> => {
    const stamp = options.file === undefined ? null : fileStamp(options.file);
    if (known && known.stamp === stamp) return known.read;
    const read = await readLaptop();
    known = stamp !== null && (read.ok || read.error.code !== 'Busy') ? { stamp, read } : null;
    return read;
  };
  // A file that will not open has no copies to offer: working against the server goes on.
  const first = await openLaptop();
  let chosen: ArchiveName = options.server() && (!first.ok || first.value.copies.length === 0) ? 'server' : 'laptop';
  // Without a server (she chose her own file), the file is all there is.
  const archive = (): ArchiveName => (options.server() ? chosen : 'laptop');
  const current = async (): Promise<ApiHost> => {
    const server = options.server();
    return chosen === 'server' && server ? server.host : options.laptop();
  };

  const host: ApiHost = {
    invoke: async (name, input, as) => (await current()).invoke(name, input, as),
    invokeJson: async (name, json, as) => (await current()).invokeJson(name, json, as),
    run: async <K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>> => (await current()).run(task, input),
    close: options.close,
  };

  const state = async (): Promise<OfflineState> => {
    const server = options.server();
    const laptop = await openLaptop();
    const why = laptop.ok ? null : { message: laptop.error.message, messageDa: laptop.error.messageDa ?? laptop.error.message };
    return { server: server ? { url: server.url } : null, archive: archive(), copies: laptop.ok ? laptop.value.copies : null, unopened: why };
  };

  async function take(meetingId: string): Promise<Result<CheckoutInfo>> {
    const server = options.server();
    if (!server) return noServer();
    const opened = await openLaptop();
    if (!opened.ok) return opened;
    const laptop = opened.value.host;
    const taken = await server.host.invoke('checkout.take', { meetingId, holder: options.holder });
    if (!taken.ok) return taken;
    const pkg = taken.value as CheckoutPackage;
    const copy = await laptop.invoke('checkout.receive', { package: pkg });
    if (!copy.ok) {
      // No copy, so no hold: the meeting is freed on the server again (its release is in the change log).
      await server.host.invoke('checkout.release', { meetingId, holder: pkg.checkout.holder });
      return copy;
    }
    return copy as Result<CheckoutInfo>;
  }

  /** The server's meeting as it is now (before the merge), to say what the hand-in changed; null when it cannot be read. */
  async function serverMeeting(server: ApiHost, info: CheckoutInfo, meetingId: string): Promise<Result<ReferentDocument['committees'][number]['meetings'][number] | null>> {
    const r = await server.invoke('exchange.export', { committee: info.committee, year: Number(info.start.slice(0, 4)) });
    // Unreachable: the hand-in would be too; said at once, before anything is sent.
    if (!r.ok) return r.error.code === 'Busy' ? r : { ok: true, value: null };
    const doc = r.value as ReferentDocument;
    return { ok: true, value: doc.committees[0]?.meetings.find((m) => m.id === meetingId) ?? null };
  }

  async function handIn(meetingId: string): Promise<Result<HandInReport>> {
    const server = options.server();
    if (!server) return noServer();
    const opened = await openLaptop();
    if (!opened.ok) return opened;
    const laptop = opened.value.host;
    const status = await laptop.invoke('checkout.status', { meetingId });
    if (!status.ok) return status;
    const info = status.value as CheckoutInfo | null;
    if (!info || info.role !== 'copy') {
      return fail('NotFound', 'This computer holds no checked-out copy of that meeting, so there is nothing to hand in.', 'Denne computer har ingen kopi af det møde taget med offline, så der er intet at aflevere.');
    }
    const prepared = await laptop.invoke('checkout.prepare', { meetingId });
    if (!prepared.ok) return prepared;
    const pkg = prepared.value as CheckinPackage;
    const before = await serverMeeting(server.host, info, meetingId);
    if (!before.ok) return before;
    const report = { committee: info.committee, start: info.start, meetingId, entries: pkg.entries.length - 1, files: Object.keys(pkg.files).length };
    const checked = await server.host.invoke('checkout.checkin', { package: pkg });
    if (!checked.ok) return checked;
    const merged = checked.value as CheckinReport;
    // Releasing the copy is local; should it fail, the next hand-in is answered as taken already
    // (the core's rule: checkout/checkin.ts) and releases it then.
    const done = await laptop.invoke('checkout.done', { meetingId, checkoutId: pkg.checkoutId });
    // Taken at an earlier try whose answer was lost: what it changed was changed then.
    if (merged.alreadyMerged) return done.ok ? { ok: true, value: { ...report, ...merged, itemsChanged: null, attachmentsAdded: null } } : done;
    const changes = before.value ? itemChanges(before.value, pkg.meeting as typeof before.value) : null;
    return { ok: true, value: { ...report, ...merged, itemsChanged: changes?.items ?? null, attachmentsAdded: changes?.attachmentsAdded ?? null } };
  }

  async function use(to: ArchiveName): Promise<Result<OfflineState>> {
    if (to === 'server' && !options.server()) return noServer();
    known = null;
    if (to === 'laptop') {
      const opened = await openLaptop();
      if (!opened.ok) return opened;
    }
    chosen = to;
    return { ok: true, value: await state() };
  }

  const run = async <K extends OfflineOpName>(name: K, input: unknown): Promise<Result<OfflineOpOutput<K>>> => {
    const parsed = offlineOps[name].input.safeParse(input);
    if (!parsed.success) {
      const { message, da } = describeRefusal(offlineOps[name].input, input, parsed.error);
      return fail('Invalid', message, da ?? message) as Result<OfflineOpOutput<K>>;
    }
    const value = parsed.data as Record<string, string>;
    switch (name) {
      case 'offline.state':
        return { ok: true, value: (await state()) as OfflineOpOutput<K> };
      case 'offline.use':
        return (await use(value.archive as ArchiveName)) as Result<OfflineOpOutput<K>>;
      case 'offline.take':
        return (await take(value.meetingId!)) as Result<OfflineOpOutput<K>>;
      default:
        return (await handIn(value.meetingId!)) as Result<OfflineOpOutput<K>>;
    }
  };

  return {
    host,
    archive,
    offline: {
      invoke: (name, input) =>
        isOfflineOpName(name) ? run(name, input) : Promise.resolve(fail('NotFound', `There is no operation called "${name}".`, `Der findes ingen handling ved navn "${name}".`)),
    },
  };
}

/** The file's identity, size and time of last change, and its write-ahead log's: what every write changes (a reader's open makes an empty log, and touches only the ctime). Null when it cannot be looked at. */
function fileStamp(file: string): string | null {
  try {
    return [file, `${file}-wal`]
      .map((f) => {
        const s = fs.statSync(f, { throwIfNoEntry: false, bigint: true });
        // An empty log (made by a reader's open) holds nothing: the same as none.
        return s && s.size > 0n ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}` : '-';
      })
      .join(' ');
  } catch {
    return null;
  }
}

/** The two archives of an app working through its connection (connection.ts): its file (at `file`), and the server it works against. */
export function offlineOptions(connection: Pick<Connection, 'local' | 'server' | 'host' | 'close'>, holder: string, file: string): LaptopHostsOptions {
  return {
    laptop: connection.local,
    file,
    server: () => {
      const url = connection.server();
      return url ? { url, host: connection.host } : null;
    },
    holder,
    close: connection.close,
  };
}
