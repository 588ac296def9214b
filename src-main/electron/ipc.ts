// The IPC adapter, derived from the contract: one ipcMain.handle per operation name, refusing
// any caller but the app's own main frame, and counting calls in flight so quitting can wait.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, OP_NAMES } from '../../src-shared/api';
import type { Result } from '../../src-shared/result';
import type { CoreContext } from '../core/context';
import { invoke } from '../core/dispatch';
import { isAppPage } from './guards';
import type { CallTracker } from '../host/call-tracker';

export { createCallTracker, type CallTracker } from '../host/call-tracker';

/** Only the app's page in a top-level frame may call the core; never an iframe or another page. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppPage(frameUrl, appUrl);
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
