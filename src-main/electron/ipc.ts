// The IPC adapter, derived from the contract: one ipcMain.handle per operation name, refusing
// any caller but the app's own main frame, and handing every call to the ApiHost (the core's
// worker in the app), which counts calls in flight so quitting can wait. Beside them, what only the
// shell does for the page: the system's folder dialog (src-shared/api/shell.ts), and taking a
// meeting offline between the server and the laptop's file (src-shared/api/offline.ts).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, OP_NAMES } from '../../src-shared/api';
import { CHOOSE_FOLDER_CHANNEL, ChooseFolderInput } from '../../src-shared/api/shell';
import { CONNECTION_OPS, connectionChannel } from '../../src-shared/api/connection';
import { OFFLINE_OP_NAMES, offlineChannel } from '../../src-shared/api/offline';
import type { OfflineShell } from '../host/laptop-hosts';
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

const badFolderRequest: Result<unknown> = {
  ok: false,
  error: { code: 'Invalid', message: 'The folder dialog needs a title of at most 300 characters.', messageDa: 'Mappevalget skal have en titel på højst 300 tegn.' },
};

export type IpcOptions = {
  host: ApiHost;
  appUrl: string;
  /** Shows the system's folder dialog over the window; the chosen folder, or null when cancelled. */
  chooseFolder: (input: ChooseFolderInput) => Promise<string | null>;
  /** The file or the server, and signing in to it (host/connection.ts): the session stays in this process. */
  connection?: { call(name: string, input: unknown): Promise<Result<unknown>> } | undefined;
  /** The offline operations (host/laptop-hosts.ts); checks its input itself. */
  offline?: OfflineShell;
};

/** Registers every operation and the folder dialog; returns a function that removes them again. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, options: IpcOptions): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return !!frame && isTrustedSender(frame.url, options.appUrl, frame.parent === null);
  };
  for (const name of OP_NAMES) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, input: unknown) => (trusted(event) ? options.host.invoke(name, input) : refused));
  }
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
    if (!trusted(event)) return refused;
    const parsed = ChooseFolderInput.safeParse(input);
    if (!parsed.success) return badFolderRequest;
    return { ok: true, value: await options.chooseFolder(parsed.data) };
  });
  const connection = options.connection;
  if (connection)
    for (const name of CONNECTION_OPS) ipcMain.handle(connectionChannel(name), (event: IpcMainInvokeEvent, input: unknown) => (trusted(event) ? connection.call(name, input) : refused));
  const offline = options.offline;
  if (offline) {
    for (const name of OFFLINE_OP_NAMES) ipcMain.handle(offlineChannel(name), (event: IpcMainInvokeEvent, input: unknown) => (trusted(event) ? offline.invoke(name, input) : refused));
  }
  return () => {
    for (const name of OP_NAMES) ipcMain.removeHandler(ipcChannel(name));
    if (offline) for (const name of OFFLINE_OP_NAMES) ipcMain.removeHandler(offlineChannel(name));
    ipcMain.removeHandler(CHOOSE_FOLDER_CHANNEL);
    if (connection) for (const name of CONNECTION_OPS) ipcMain.removeHandler(connectionChannel(name));
  };
}
