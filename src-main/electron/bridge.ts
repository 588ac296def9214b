// What the preload exposes to the page as window.referent (the ReferentBridge shape the
// renderer's transport expects): one invoke that forwards known operation names and nothing else,
// the folder dialog on its own channel, and the offline operations on theirs.
import { ipcChannel, isOpName } from '../../src-shared/api';
import { CHOOSE_FOLDER_CHANNEL } from '../../src-shared/api/shell';
import { connectionChannel, isConnectionOp } from '../../src-shared/api/connection';
import { isOfflineOpName, offlineChannel } from '../../src-shared/api/offline';
import type { ReferentBridge, Result } from '../../src-shared/result';

export type { ReferentBridge };

/** The IPC channel for an operation name from the page, or null when there is no such operation. */
export function allowedChannel(name: unknown): string | null {
  return isOpName(name) ? ipcChannel(name) : null;
}

/** `send` is ipcRenderer.invoke; the page never gets ipcRenderer itself. */
export function createBridge(send: (channel: string, input: unknown) => Promise<unknown>): ReferentBridge {
  return Object.freeze({
    invoke: async (name: string, input: unknown): Promise<Result<unknown>> => {
      const channel = allowedChannel(name);
      if (!channel) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${String(name)}".` } };
      return (await send(channel, input)) as Result<unknown>;
    },
    // The main process checks the input and the caller; the preload only forwards.
    chooseFolder: async (input) => (await send(CHOOSE_FOLDER_CHANNEL, input)) as Result<string | null>,
    // The file or the server, and signing in: answered by the main process, which keeps the session.
    connection: async (name: string, input: unknown): Promise<Result<unknown>> => {
      if (!isConnectionOp(name)) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${String(name)}".` } };
      return (await send(connectionChannel(name), input)) as Result<unknown>;
    },
    // Taking a meeting offline and handing it in (src-shared/api/offline.ts): answered by the main process, which holds both archives.
    offline: async (name: string, input: unknown): Promise<Result<unknown>> => {
      if (!isOfflineOpName(name)) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${String(name)}".` } };
      return (await send(offlineChannel(name), input)) as Result<unknown>;
    },
  });
}
