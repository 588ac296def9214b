// The main process run against a stand-in for Electron (the real binary cannot run here): it
// starts the core's worker (which opens the store), builds a secure window on the app page, serves the contract over IPC to that
// page only, opens attachments through shell.openPath, sets the Danish menu and the CSP, and on
// quit waits, closes the store and exits.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ipcChannel, OP_NAMES, type OpName } from '../../src-shared/api';
import { CONNECTION_OPS, connectionChannel } from '../../src-shared/api/connection';
import { OFFLINE_OP_NAMES, offlineChannel } from '../../src-shared/api/offline';
import { tempDir } from '../../tests/helpers/store';
import { openSqliteStore } from '../core/store/open';

type Handler = (event: unknown, input: unknown) => unknown;

/** What main.ts may set on a session: every permission answer is recorded so a test can ask it. */
type FakeSession = {
  name: string;
  request?: (wc: unknown, permission: string, cb: (allowed: boolean) => void) => void;
  check?: (wc: unknown, permission: string) => boolean;
  device?: (details: unknown) => boolean;
};

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: BrowserWindowConstructorOptions; url: string | null; shown: boolean }[],
    handlers: new Map<string, Handler>(),
    menu: null as MenuItemConstructorOptions[] | null,
    headersListener: null as null | ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    permissionHandler: null as null | ((wc: unknown, permission: string, cb: (allowed: boolean) => void) => void),
    sessions: new Map<string, FakeSession>(),
    privilegedSchemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
    schemesRegisteredBeforeReady: false,
    whenReadyCalled: false,
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    paths: new Map<string, string>(),
    openedPaths: [] as string[],
    /** What each open dialog was asked (with the window it belongs to, if any), and the folder it answers. */
    openDialogs: [] as { overWindow: boolean; options: { title?: string; defaultPath?: string; properties?: string[] } }[],
    folderChoice: null as string | null,
    exited: false,
    quitPrevented: 0,
    sandboxed: false,
    name: '',
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { state } = fake;
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setName: (n: string) => void (state.name = n),
    setPath: (k: string, v: string) => void state.paths.set(k, v),
    getPath: (k: string) => state.paths.get(k) ?? '/nowhere',
    getAppPath: () => '/nonexistent-app-path',
    enableSandbox: () => void (state.sandboxed = true),
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      state.whenReadyCalled = true;
      return Promise.resolve();
    },
    quit: () => {
      const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
      app.emit('will-quit', event);
      if (event.prevented) state.quitPrevented++;
      else state.exited = true;
    },
    exit: () => void (state.exited = true),
  });
  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = (): BrowserWindow[] => BrowserWindow.all;
    record: { options: BrowserWindowConstructorOptions; url: string | null; shown: boolean };
    webContents = { reload: () => undefined };
    constructor(options: BrowserWindowConstructorOptions) {
      super();
      this.record = { options, url: null, shown: false };
      state.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.record.url = url;
      this.emit('ready-to-show');
      return Promise.resolve();
    }
    show(): void {
      this.record.shown = true;
    }
    isMinimized = (): boolean => false;
    focus = (): void => undefined;
    restore = (): void => undefined;
  }
  const makeSession = (name: string) => {
    const record: FakeSession = { name };
    state.sessions.set(name, record);
    return {
      setPermissionRequestHandler: (h: FakeSession['request']) => {
        record.request = h;
        if (name === 'default') state.permissionHandler = h ?? null;
      },
      setPermissionCheckHandler: (h: FakeSession['check']) => void (record.check = h),
      setDevicePermissionHandler: (h: FakeSession['device']) => void (record.device = h),
      webRequest: { onHeadersReceived: (l: typeof state.headersListener) => void (state.headersListener = l), onBeforeRequest: () => undefined },
      protocol: { handle: () => undefined },
    };
  };
  const partitions = new Map<string, ReturnType<typeof makeSession>>();
  const session = {
    defaultSession: makeSession('default'),
    fromPartition: (partition: string) => {
      let ses = partitions.get(partition);
      if (!ses) {
        ses = makeSession(partition);
        partitions.set(partition, ses);
        app.emit('session-created', ses);
      }
      return ses;
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: typeof state.privilegedSchemes) => {
      state.privilegedSchemes.push(...schemes);
      state.schemesRegisteredBeforeReady = !state.whenReadyCalled;
    },
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void state.protocolHandlers.set(scheme, handler),
  };
  return {
    app,
    BrowserWindow,
    session,
    protocol,
    ipcMain: { handle: (c: string, h: Handler) => void state.handlers.set(c, h), removeHandler: (c: string) => void state.handlers.delete(c) },
    Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t, setApplicationMenu: (m: MenuItemConstructorOptions[]) => void (state.menu = m) },
    dialog: { showErrorBox: () => undefined, showMessageBox: async () => ({ response: 0 }), showOpenDialog: async (...args: unknown[]) => {
        const options = args.at(-1) as (typeof state.openDialogs)[number]['options'];
        state.openDialogs.push({ overWindow: args.length === 2, options });
        return state.folderChoice ? { canceled: false, filePaths: [state.folderChoice] } : { canceled: true, filePaths: [] };
      }, showSaveDialog: async () => ({ canceled: true }) },
    shell: { openExternal: async () => undefined, openPath: async (p: string) => (state.openedPaths.push(p), '') },
  };
});

const dbFile = path.join(tempDir(), 'referent.sqlite');
const previousDb = process.env.REFERENT_DB;
process.env.REFERENT_DB = dbFile;
delete process.env.ELECTRON_RENDERER_URL;
afterAll(() => {
  if (previousDb === undefined) delete process.env.REFERENT_DB;
  else process.env.REFERENT_DB = previousDb;
});

const { state } = fake;
const electron = await import('electron');
await import('./main');
// The window opens once the core's worker has opened the store (from the sources here: seconds on a loaded machine).
for (let i = 0; i < 1200 && state.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
const appUrl = state.windows[0]?.url ?? '';

describe('the main process', () => {
  test('names the app Referent, uses the shared data folder, and sandboxes every renderer', () => {
    expect(state.name).toBe('Referent');
    expect(state.paths.get('userData')).toMatch(/Referent$/);
    expect(state.sandboxed).toBe(true);
  });

  test('opens one secure window on the built page, shown once painted', () => {
    expect(state.windows).toHaveLength(1);
    const { options, shown } = state.windows[0]!;
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(options.webPreferences?.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(appUrl).toBe('app://referent/index.html');
    expect(shown).toBe(true);
  });

  test('serves every operation to the app page, and refuses other pages', async () => {
    expect([...state.handlers.keys()].sort()).toEqual([...OP_NAMES.map(ipcChannel), 'shell:chooseFolder', ...CONNECTION_OPS.map(connectionChannel), ...OFFLINE_OP_NAMES.map(offlineChannel)].sort());
    const create = state.handlers.get('api:committees.create')!;
    const ok = await create({ senderFrame: { url: appUrl, parent: null } }, { name: 'Social- og Sundhedsudvalget', numbering: 'per-year' });
    expect(ok).toMatchObject({ ok: true, value: { name: 'Social- og Sundhedsudvalget' } });
    const refused = await create({ senderFrame: { url: 'https://evil.example/', parent: null } }, { name: 'X', numbering: 'per-year' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  });

  test('the connection: the app page learns it works on its file, another page or a frame learns nothing', async () => {
    const status = state.handlers.get('shell:connection.status')!;
    expect(await status({ senderFrame: { url: appUrl, parent: null } }, {})).toEqual({ ok: true, value: { mode: 'local', url: null, override: false, account: null, signIn: null } });
    expect(await status({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(await status({ senderFrame: { url: appUrl, parent: {} } }, {})).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  });

  test('without $REFERENT_SERVER the app works on its own file: there is no server, and nothing to take offline', async () => {
    const offlineState = state.handlers.get('shell:offline.state')!;
    expect(await offlineState({ senderFrame: { url: appUrl, parent: null } }, {})).toEqual({ ok: true, value: { server: null, archive: 'laptop', copies: [], unopened: null } });
    const take = await state.handlers.get('shell:offline.take')!({ senderFrame: { url: appUrl, parent: null } }, { meetingId: '6f1c2a4e-8d3b-4c71-9a52-0b6e2f4d9a10' });
    expect(take).toMatchObject({ ok: false, error: { code: 'Invalid', messageDa: 'Referent er ikke forbundet til en server, så der er intet at tage med offline eller aflevere.' } });
  });

  test('the folder dialog: the app page gets the folder chosen in the system dialog over its window, or null; other pages never see a dialog', async () => {
    const choose = state.handlers.get('shell:chooseFolder')!;
    const app = { senderFrame: { url: appUrl, parent: null } };
    state.openDialogs.length = 0;
    state.folderChoice = '/home/sekretaer/Hjemmeside/TMU';
    expect(await choose(app, { title: 'Vælg mappen til hjemmesiden', defaultPath: '/home/sekretaer/Hjemmeside' })).toEqual({ ok: true, value: '/home/sekretaer/Hjemmeside/TMU' });
    expect(state.openDialogs).toEqual([
      { overWindow: true, options: { title: 'Vælg mappen til hjemmesiden', defaultPath: '/home/sekretaer/Hjemmeside', properties: ['openDirectory', 'createDirectory'] } },
    ]);
    state.folderChoice = null;
    expect(await choose(app, { title: 'Vælg mappen til hjemmesiden' })).toEqual({ ok: true, value: null });
    expect(await choose({ senderFrame: { url: 'https://evil.example/', parent: null } }, { title: 'x' })).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(await choose({ senderFrame: { url: appUrl, parent: {} } }, { title: 'x' })).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(await choose(app, { title: '', properties: ['openFile'] })).toMatchObject({ ok: false, error: { code: 'Invalid', messageDa: expect.stringContaining('Mappevalget') } });
    expect(state.openDialogs).toHaveLength(2);
  });

  test('opens an attachment in its own program: a copy under its own name goes to shell.openPath', async () => {
    const sender = { senderFrame: { url: appUrl, parent: null } };
    const send = async (name: OpName, input: unknown) => {
      const r = (await state.handlers.get(ipcChannel(name))!(sender, input)) as { ok: boolean; value: { id: string } };
      expect(r).toMatchObject({ ok: true });
      return r.value;
    };
    const committee = await send('committees.create', { name: 'Organisations- og Beredskabsudvalget', numbering: 'per-year' });
    const meeting = await send('meetings.create', { committeeId: committee.id, start: '2026-06-02T14:30' });
    const item = await send('agenda.addItem', { meetingId: meeting.id, title: 'Budget 2027-2030' });
    const bytes = Buffer.from('%PDF-1.7 budget');
    const attachment = await send('agenda.addAttachment', { itemId: item.id, fileName: 'Budgetnotat.pdf', base64: bytes.toString('base64') });
    expect(await send('agenda.openAttachment', { attachmentId: attachment.id })).toEqual({ opened: true });
    expect(state.openedPaths).toHaveLength(1);
    const opened = state.openedPaths[0]!;
    expect(path.basename(opened)).toBe('Budgetnotat.pdf');
    expect(fs.readFileSync(opened).equals(bytes)).toBe(true);
  });

  test('serves the page from app://, registered as privileged before ready, with the CSP; no way out of its folder', async () => {
    expect(state.schemesRegisteredBeforeReady).toBe(true);
    expect(state.privilegedSchemes.map((x) => x.scheme)).toContain('app');
    const handler = state.protocolHandlers.get('app')!;
    const escape = await handler(new Request('app://referent/%2e%2e/%2e%2e/%2e%2e/etc/passwd'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('root:');
    const missing = await handler(new Request('app://referent/no-such-file.js'));
    expect(missing.status).toBe(404);
  });

  test('every session refuses every permission, asked or checked: the app page’s, the print window’s, any other', () => {
    const print = electron.session.fromPartition('referent-print');
    electron.session.fromPartition('some-later-session');
    expect(print).toBeDefined();
    for (const name of ['default', 'referent-print', 'some-later-session']) {
      const ses = state.sessions.get(name)!;
      let allowed: boolean | undefined;
      ses.request!(null, 'media', (a) => (allowed = a));
      expect(allowed, name).toBe(false);
      for (const p of ['media', 'clipboard-read', 'hid', 'serial', 'notifications']) expect(ses.check!(null, p), `${name} ${p}`).toBe(false);
      expect(ses.device!({ deviceType: 'usb' }), name).toBe(false);
    }
  });

  test('sets the Danish menu', () => {
    expect(state.menu?.map((m) => m.label)).toEqual(process.platform === 'darwin' ? ['Referent', 'Filer', 'Rediger', 'Vis', 'Vindue', 'Hjælp'] : ['Filer', 'Rediger', 'Vis', 'Hjælp']);
  });

  test('on quit, finishes, closes the store, then exits; what was written is kept', async () => {
    electron.app.quit();
    expect(state.quitPrevented).toBe(1);
    for (let i = 0; i < 600 && !state.exited; i++) await new Promise((r) => setTimeout(r, 100));
    expect(state.exited).toBe(true);
    expect(fs.existsSync(dbFile)).toBe(true);
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const store = openSqliteStore(dbFile);
    try {
      const rows = await store.db.selectFrom('committees').select('name').execute();
      expect(rows.map((r) => r.name).sort()).toEqual(['Organisations- og Beredskabsudvalget', 'Social- og Sundhedsudvalget']);
    } finally {
      await store.close();
    }
  }, 90_000);
});
