// The preload as built: electron-vite bundles it the way the desktop app loads it, and the
// bundle is run as Electron runs a sandboxed preload (a plain script whose require knows only
// 'electron'). It must expose window.referent.invoke, chooseFolder, connection and offline and nothing else, and forward only operations.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'electron-vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let bundle = '';

// Inside node_modules so that the config's own imports resolve; removed afterwards.
const dir = path.join(root, 'node_modules', '.cache', `referent-preload-${process.pid}`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  // Only the preload part of the project's own config, built into a temp folder.
  const configFile = path.join(dir, 'preload.config.ts');
  fs.writeFileSync(configFile, `import { preloadConfig } from ${JSON.stringify(path.join(root, 'electron.vite.config.ts'))};\nexport default { preload: preloadConfig(${JSON.stringify(root)}) };\n`);
  await build({ configFile, root, logLevel: 'silent', build: { outDir: path.join(dir, 'out') } });
  bundle = fs.readFileSync(path.join(dir, 'out', 'preload', 'index.cjs'), 'utf8');
}, 60_000);

function runSandboxed(): { exposed: Map<string, unknown>; required: string[]; sent: [string, unknown][] } {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const sent: [string, unknown][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        sent.push([channel, input]);
        return { ok: true, value: channel };
      },
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports, console });
  return { exposed, required, sent };
}

describe('the built preload', () => {
  test('is a CommonJS script that requires nothing but electron', () => {
    expect(bundle).not.toMatch(/^\s*import\s/m);
    expect(runSandboxed().required).toEqual(['electron']);
  });

  test('exposes window.referent with invoke, the folder dialog, the connection and the offline operations only', () => {
    const { exposed } = runSandboxed();
    expect([...exposed.keys()]).toEqual(['referent']);
    expect(Object.keys(exposed.get('referent') as object)).toEqual(['invoke', 'chooseFolder', 'connection', 'offline']);
  });

  test('the folder dialog goes to its own channel', async () => {
    const { exposed, sent } = runSandboxed();
    const bridge = exposed.get('referent') as { chooseFolder: (input: unknown) => Promise<unknown> };
    expect(await bridge.chooseFolder({ title: 'Vælg mappe' })).toEqual({ ok: true, value: 'shell:chooseFolder' });
    expect(sent).toEqual([['shell:chooseFolder', { title: 'Vælg mappe' }]]);
  });

  test('forwards an operation to its channel and keeps anything else from IPC', async () => {
    const { exposed, sent } = runSandboxed();
    const bridge = exposed.get('referent') as { invoke: (name: string, input: unknown) => Promise<unknown> };
    expect(await bridge.invoke('meetings.create', { committeeId: 'x' })).toEqual({ ok: true, value: 'api:meetings.create' });
    expect(await bridge.invoke('shell:openExternal', 'file:///etc/passwd')).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(sent).toEqual([['api:meetings.create', { committeeId: 'x' }]]);
  });
});
