// The preload's bridge: it forwards known operation names to their channel and nothing else.
import { describe, expect, test } from 'vitest';
import { ipcChannel, OP_NAMES } from '../../src-shared/api';
import { allowedChannel, createBridge } from './bridge';

describe('allowedChannel', () => {
  test('every operation of the contract maps to its api: channel', () => {
    for (const name of OP_NAMES) expect(allowedChannel(name)).toBe(ipcChannel(name));
    expect(allowedChannel('committees.create')).toBe('api:committees.create');
  });

  test('anything else has no channel', () => {
    for (const name of ['', 'api:committees.create', 'committees', 'constructor', '__proto__', 'toString', 'electron:quit', 42, null, undefined, { toString: () => 'committees.list' }]) {
      expect(allowedChannel(name)).toBeNull();
    }
  });
});

describe('createBridge', () => {
  test('forwards a known operation and returns its Result', async () => {
    const sent: [string, unknown][] = [];
    const bridge = createBridge(async (channel, input) => {
      sent.push([channel, input]);
      return { ok: true, value: [] };
    });
    expect(await bridge.invoke('committees.list', {})).toEqual({ ok: true, value: [] });
    expect(sent).toEqual([['api:committees.list', {}]]);
  });

  test('an unknown name never reaches IPC', async () => {
    const sent: string[] = [];
    const bridge = createBridge(async (channel) => void sent.push(channel));
    expect(await bridge.invoke('app:relaunch', {})).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(sent).toEqual([]);
  });

  test('the folder dialog goes to its own channel, never an api: one', async () => {
    const sent: [string, unknown][] = [];
    const bridge = createBridge(async (channel, input) => {
      sent.push([channel, input]);
      return { ok: true, value: '/home/sekretaer/Hjemmeside' };
    });
    expect(await bridge.chooseFolder({ title: 'Vælg mappen til hjemmesiden' })).toEqual({ ok: true, value: '/home/sekretaer/Hjemmeside' });
    expect(sent).toEqual([['shell:chooseFolder', { title: 'Vælg mappen til hjemmesiden' }]]);
  });

  test('the offline operations go to their own shell: channels; any other name never reaches IPC', async () => {
    const sent: [string, unknown][] = [];
    const bridge = createBridge(async (channel, input) => {
      sent.push([channel, input]);
      return { ok: true, value: null };
    });
    expect(await bridge.offline!('offline.take', { meetingId: 'm' })).toEqual({ ok: true, value: null });
    for (const name of ['committees.list', 'offline', 'shell:offline.take', 'constructor', 'offline.take ']) {
      expect(await bridge.offline!(name, {})).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    }
    expect(sent).toEqual([['shell:offline.take', { meetingId: 'm' }]]);
  });

  test('exposes invoke, the folder dialog and the offline operations only, frozen', () => {
    const bridge = createBridge(async () => undefined);
    expect(Object.keys(bridge)).toEqual(['invoke', 'chooseFolder', 'connection', 'offline']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
