// The IPC adapter against a real temporary database: every operation of the contract has its
// channel, only the app's own main frame is served, and once the host closes nothing is written.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, test } from 'vitest';
import { ipcChannel, OP_NAMES } from '../../src-shared/api';
import { CHOOSE_FOLDER_CHANNEL } from '../../src-shared/api/shell';
import { OFFLINE_OP_NAMES, offlineChannel } from '../../src-shared/api/offline';
import type { Result } from '../../src-shared/result';
import { tempStore, testContext } from '../../tests/helpers/store';
import type { CoreContext } from '../core/context';
import { openSqliteStore } from '../core/store/open';
import type { ApiHost } from '../host/api-host';
import { inProcessHost } from '../host/in-process-host';
import { isTrustedSender, registerIpc } from './ipc';

const appUrl = 'app://referent/index.html';

describe('isTrustedSender', () => {
  test('the app page in the main frame, built or from the dev server', () => {
    expect(isTrustedSender(`${appUrl}#/committee/7`, appUrl, true)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/#/', 'http://localhost:5173/', true)).toBe(true);
  });

  test('never a sub-frame, another page, another file or an unknown frame', () => {
    expect(isTrustedSender(appUrl, appUrl, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', appUrl, true)).toBe(false);
    expect(isTrustedSender('file:///tmp/downloaded.html', appUrl, true)).toBe(false);
    expect(isTrustedSender('file:///opt/Referent/resources/app.asar/out/renderer/index.html', appUrl, true)).toBe(false);
    expect(isTrustedSender('app://other/index.html', appUrl, true)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173/', true)).toBe(false);
    expect(isTrustedSender(undefined, appUrl, true)).toBe(false);
  });
});

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> | Result<unknown>;

function fakeIpcMain(): { ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>; handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, listener: Handler) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>,
  };
}

const fromFrame = (url: string, main = true): IpcMainInvokeEvent => ({ senderFrame: { url, parent: main ? null : {} } }) as unknown as IpcMainInvokeEvent;

let ctx: CoreContext;
let host: ApiHost;
afterEach(async () => host?.close());

/** A host over a fresh database (in this thread: the adapter is what is tested here, worker-host.test.ts tests the worker). */
function freshHost(): ApiHost {
  ctx = testContext(tempStore());
  host = inProcessHost(ctx);
  return host;
}

const noDialog = async (): Promise<string | null> => {
  throw new Error('no dialog may be shown in this test');
};

describe('registerIpc', () => {
  test('registers one channel per operation of the contract and the folder dialog’s, and removes them again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog });
    expect([...handlers.keys()].sort()).toEqual([...OP_NAMES.map(ipcChannel), CHOOSE_FOLDER_CHANNEL].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  test('the app’s window creates a committee and lists it back', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog });
    const created = await handlers.get('api:committees.create')!(fromFrame(appUrl), { name: 'Børne- og Familieudvalget', numbering: 'per-year' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Børne- og Familieudvalget' } });
    const list = (await handlers.get('api:committees.list')!(fromFrame(`${appUrl}#/`), {})) as { ok: true; value: { name: string }[] };
    expect(list.value.map((c) => c.name)).toEqual(['Børne- og Familieudvalget']);
  });

  test('a sub-frame or a foreign page is refused and nothing is written', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog });
    const create = handlers.get('api:committees.create')!;
    for (const event of [fromFrame(appUrl, false), fromFrame('https://evil.example/'), { senderFrame: null } as unknown as IpcMainInvokeEvent]) {
      expect(await create(event, { name: 'Indsmuglet', numbering: 'per-year' })).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    const rows = await ctx.store.db.selectFrom('committees').select('name').execute();
    expect(rows).toEqual([]);
  });

  test('bad input is an Invalid result naming the field, as in the other adapters', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog });
    const r = await handlers.get('api:committees.create')!(fromFrame(appUrl), { name: '', numbering: 'per-year' });
    expect(r).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    expect(JSON.stringify(r)).toContain('name');
  });
});

describe('the folder dialog', () => {
  test('the app’s window gets the folder the user chose, or null when she cancelled', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const asked: unknown[] = [];
    let answer: string | null = '/home/sekretaer/Hjemmeside';
    registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: async (input) => (asked.push(input), answer) });
    const choose = handlers.get(CHOOSE_FOLDER_CHANNEL)!;
    expect(await choose(fromFrame(appUrl), { title: 'Vælg mappen til hjemmesiden', defaultPath: '/home/sekretaer' })).toEqual({ ok: true, value: '/home/sekretaer/Hjemmeside' });
    answer = null;
    expect(await choose(fromFrame(appUrl), { title: 'Vælg mappen til hjemmesiden' })).toEqual({ ok: true, value: null });
    expect(asked).toEqual([{ title: 'Vælg mappen til hjemmesiden', defaultPath: '/home/sekretaer' }, { title: 'Vælg mappen til hjemmesiden' }]);
  });

  test('a sub-frame, a foreign page or a malformed request never opens a dialog', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog });
    const choose = handlers.get(CHOOSE_FOLDER_CHANNEL)!;
    for (const event of [fromFrame(appUrl, false), fromFrame('https://evil.example/'), { senderFrame: null } as unknown as IpcMainInvokeEvent]) {
      expect(await choose(event, { title: 'Vælg mappe' })).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    for (const input of [undefined, {}, { title: '' }, { title: 'x'.repeat(301) }, { title: 'Vælg', properties: ['openFile', 'multiSelections'] }, 'C:\\']) {
      expect(await choose(fromFrame(appUrl), input)).toMatchObject({ ok: false, error: { code: 'Invalid', message: expect.stringContaining('folder dialog'), messageDa: expect.stringContaining('Mappevalget') } });
    }
  });
});

describe('the offline operations', () => {
  test('have a shell: channel each when the app holds a server and its file, answered by that shell only for the app’s own window', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const calls: [string, unknown][] = [];
    const offline = { invoke: async (name: string, input: unknown): Promise<Result<unknown>> => (calls.push([name, input]), { ok: true, value: name }) };
    const unregister = registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog, offline });
    expect([...handlers.keys()].filter((k) => k.startsWith('shell:offline')).sort()).toEqual(OFFLINE_OP_NAMES.map(offlineChannel).sort());
    expect(await handlers.get('shell:offline.take')!(fromFrame(appUrl), { meetingId: 'm' })).toEqual({ ok: true, value: 'offline.take' });
    for (const event of [fromFrame(appUrl, false), fromFrame('https://evil.example/')]) {
      expect(await handlers.get('shell:offline.handIn')!(event, { meetingId: 'm' })).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    expect(calls).toEqual([['offline.take', { meetingId: 'm' }]]);
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('closing', () => {
  test('a call in flight when the host closes lands; one after is refused in both languages and writes nothing', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, { host: freshHost(), appUrl, chooseFolder: noDialog });
    const create = handlers.get('api:committees.create')!;
    const inFlight = create(fromFrame(appUrl), { name: 'Økonomiudvalget', numbering: 'per-year' });
    const closed = host.close();
    const late = await create(fromFrame(appUrl), { name: 'For sent', numbering: 'per-year' });
    expect(late).toMatchObject({ ok: false, error: { code: 'Internal', message: /closing/, messageDa: /lukker/ } });
    expect(await inFlight).toMatchObject({ ok: true, value: { name: 'Økonomiudvalget' } });
    await closed;
    const again = openSqliteStore(ctx.store.file);
    try {
      expect((await again.db.selectFrom('committees').select('name').execute()).map((r) => r.name)).toEqual(['Økonomiudvalget']);
    } finally {
      await again.close();
    }
  });
});
