// The IPC adapter, derived from the contract: one ipcMain.handle per operation name, refusing
// any caller but the app's own main frame, and counting calls in flight so quitting can wait.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, OP_NAMES } from '../../src-shared/api';
import type { Result } from '../../src-shared/result';
import type { CoreContext } from '../core/context';
import { invoke } from '../core/dispatch';
import { isAppPage } from './guards';

/** Only the app's page in a top-level frame may call the core; never an iframe or another page. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppPage(frameUrl, appUrl);
}

export type CallTracker = {
  /** True once quitting has begun: no new call may start. */
  readonly closing: boolean;
  /** Counts the call as in flight until it settles. */
  track: <T>(call: Promise<T>) => Promise<T>;
  /** Refuses new calls and resolves when every call already started has settled. */
  drain: () => Promise<void>;
};

export function createCallTracker(): CallTracker {
  const pending = new Set<Promise<unknown>>();
  let closing = false;
  return {
    get closing() {
      return closing;
    },
    track: (call) => {
      pending.add(call);
      const forget = (): void => void pending.delete(call);
      call.then(forget, forget);
      return call;
    },
    drain: async () => {
      closing = true;
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

const closingResult: Result<unknown> = { ok: false, error: { code: 'Internal', message: 'Referent is closing; nothing was changed.' } };
const refused: Result<unknown> = { ok: false, error: { code: 'Forbidden', message: 'Only Referent’s own window may call its operations.' } };

/** Registers every operation; returns a function that removes them again. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, options: { ctx: CoreContext; appUrl: string; tracker: CallTracker }): () => void {
  for (const name of OP_NAMES) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url, options.appUrl, frame.parent === null)) return refused;
      if (options.tracker.closing) return closingResult;
      return options.tracker.track(invoke(options.ctx, name, input));
    });
  }
  return () => {
    for (const name of OP_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
