// The desktop app's main process: one instance, one secure window on app://, the contract over
// IPC, the Danish menu. The store in the user-data folder and every operation run in the core's
// worker thread (src-main/host/worker-host.ts), so this thread only ever waits on windows, dialogs
// and the printer; on quit, calls in flight finish and the worker closes the store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MessageBoxOptions } from 'electron';
import { AppError } from '../core/errors';
import { APP_NAME, defaultDataDir } from '../core/paths';
import { openOrRestore, restoreQuestion } from '../core/store/sqlite/recover';
import { VERSION } from '../core/version';
import type { ApiHost } from '../host/api-host';
import { startWorkerHost } from '../host/worker-host';
import { createConnection, type Connection } from '../host/connection';
import { laptopHosts, offlineOptions, type OfflineShell } from '../host/laptop-hosts';
import { signInThroughBrowser } from '../host/oidc-loopback';
import { appPageUrl, desktopDbFile, desktopKeyFile, nativeBindingPath, rendererDir } from './app-paths';
import { APP_SCHEME, appProtocolResponse, appSchemePrivileges } from './app-protocol';
import { chooseFolderWithDialog, type ShowOpenDialog } from './dialogs';
import { exportJson, importExchange, type ExchangeMenuDeps } from './exchange-menu';
import { denyAllPermissions, hardenSession, hardenWebContents } from './harden';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { createElectronOpener } from './open-file';
import { createElectronPrinter, printSchemePrivileges } from './print-to-pdf';
import { browserWindowOptions } from './window';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const dev = devServerUrl !== undefined;
const appUrl = appPageUrl({ devServerUrl });

// Custom schemes get their privileges only if registered before the app is ready.
protocol.registerSchemesAsPrivileged([...appSchemePrivileges(), ...printSchemePrivileges()]);

// The same folder the CLI's defaultDataDir() names, whatever the package name says.
app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let host: ApiHost | null = null;
  let connection: Connection | undefined;
  let offline: OfflineShell | undefined;
  let window: BrowserWindow | null = null;
  let closed = false;
  const dbFile = desktopDbFile(app.getPath('userData'), process.env);

  // Every session refuses every permission: the default one below, the print window's, any later one.
  app.on('session-created', (ses) => denyAllPermissions(ses));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { appUrl, dev, openExternal: (url) => shell.openExternal(url) }));

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });

  // Quit waits: writes already under way finish, then the database is closed cleanly.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void (async () => {
      // Calls in flight finish, then the worker closes the store and stops.
      await host?.close();
      closed = true;
      app.quit();
    })();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, { appUrl, dev });
    // The built renderer, from its folder only (in development the dev server serves it).
    const renderer = rendererDir(import.meta.dirname);
    if (!dev) protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, { rendererDir: renderer, dev }));
    const binding = nativeBindingPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath });
    // A file that does not open at all is answered with the newest checked backup, if the user wants it.
    const askToRestore: Parameters<typeof openOrRestore>[3] = async (error, backup) => {
      const q = restoreQuestion(error, backup);
      const { response } = await dialog.showMessageBox({ type: 'error', title: q.message, message: q.message, detail: q.detail, buttons: q.buttons, defaultId: 0, cancelId: 1 });
      return response === 0;
    };
    // The built worker beside this file; from the sources (tests) when there is none.
    const workerFile = path.join(import.meta.dirname, 'worker.js');
    const nativeBinding = fs.existsSync(binding) ? binding : undefined;
    const startLocal = (): Promise<ApiHost> =>
      openOrRestore(
        dbFile,
        { appVersion: VERSION, keyFile: desktopKeyFile(app.getPath('userData'), process.env), ...(nativeBinding ? { nativeBinding } : {}) },
        () =>
          startWorkerHost({
            dbFile,
            nativeBinding,
            // The key that signs the change log, in the user's folder, never beside the database.
            keyFile: desktopKeyFile(app.getPath('userData'), process.env),
            shell: 'electron',
            version: VERSION,
            // The worker builds each document; printing it needs a window, so it is asked of this thread.
            printer: createElectronPrinter(),
            opener: createElectronOpener(),
            workerFile: fs.existsSync(workerFile) ? workerFile : undefined,
            // The day's backup and the file's integrity check, in the worker, once the store is open.
            maintenance: true,
          }),
        askToRestore,
      );
    try {
      // Its own file, or a Referent server (issue 14 §4) chosen in Indstillinger or by $REFERENT_SERVER:
      // the session's cookie stays in this process (host/connection.ts).
      connection = createConnection({
        dataDir: app.getPath('userData'),
        env: process.env,
        startLocal,
        // The municipality's login in the system browser, back to a loopback address (RFC 8252).
        signInWithProvider: (url) => signInThroughBrowser(url, { openBrowser: (address) => shell.openExternal(address) }),
      });
      // Working against a server, the file stays beside it for meetings taken offline (host/laptop-hosts.ts).
      const both = await laptopHosts(offlineOptions(connection, os.userInfo().username, dbFile));
      host = both.host;
      offline = both.offline;
      // Working on the file: it is opened now, so a file that will not open is said at once.
      if (connection.mode() === 'local') await connection.local();
    } catch (e) {
      const message = e instanceof AppError ? (e.da ?? e.message) : (e as Error).message;
      dialog.showErrorBox('Referent kan ikke åbne sin database', `${dbFile}\n\n${message}`);
      closed = true;
      app.exit(1);
      return;
    }
    const showOpen: ShowOpenDialog = (options) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
    registerIpc(ipcMain, { host, appUrl, connection, offline, chooseFolder: (input) => chooseFolderWithDialog(showOpen, input) });

    const messageBox = (options: MessageBoxOptions): Promise<unknown> => (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    const deps: ExchangeMenuDeps = {
      host,
      showOpen,
      showSave: (options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
      notify: (n) => messageBox({ type: n.kind === 'error' ? 'error' : 'info', title: n.title, message: n.title, detail: n.message }),
      ask: async (q) => {
        const options: MessageBoxOptions = { type: 'question', title: q.title, message: q.title, detail: q.message, buttons: q.buttons, defaultId: 0, cancelId: 0 };
        return (await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))).response;
      },
      refresh: () => window?.webContents.reload(),
      today: () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }),
    };
    const about = (): void =>
      void messageBox({
        type: 'info',
        title: 'Om Referent',
        message: `Referent ${VERSION}`,
        detail: `Dagsordener, referater og mødekalendere for udvalgssekretærer.\n\nDatabase: ${dbFile}`,
      });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ platform: process.platform, dev, actions: { importExchange: () => void importExchange(deps), exportJson: () => void exportJson(deps), about } })),
    );
    window = createWindow();
  });

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow(browserWindowOptions({ preloadPath: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'), platform: process.platform }));
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (window === win) window = null;
    });
    void win.loadURL(appUrl);
    return win;
  }
}
