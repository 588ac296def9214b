// The IPC adapter, derived from the contract: one ipcMain.handle per operation name, refusing
// any caller but the app's own main frame, and handing every call to the ApiHost (the core's
// worker in the app), which counts calls in flight so quitting can wait.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, OP_NAMES } from '../../src-shared/api';
import type { Result } from '../../src-shared/result';
import type { ApiHost } from '../host/api-host';
import { isAppPage } from './guards';

/** Only the app's page in a top-level frame may call the core; never an iframe or another page. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppPage(frameUrl, appUrl);
}

const refused: Result<unknown> = {
  ok: false,
  error: { code: 'Forbidden', message: 'Only Referent’s own window may call its operations.', messageDa: 'Kun Referents eget vindue må kalde dets funktioner.' },
};

/** Registers every operation; returns a function that removes them again. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, options: { host: ApiHost; appUrl: string }): () => void {
  for (const name of OP_NAMES) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url, options.appUrl, frame.parent === null)) return refused;
      return options.host.invoke(name, input);
    });
  }
  return () => {
    for (const name of OP_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
