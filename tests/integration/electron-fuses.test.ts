// The fuses electron-builder flips in the packaged Electron binary, read through electron-builder's
// own config loader and fuse mapping: every fuse the wire has is set, each to its safe value.
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';

const require = createRequire(path.resolve('package.json'));

/** Each fuse of @electron/fuses' V1 wire, the value Referent ships, and why. */
const SAFE: Record<string, { value: boolean; why: string }> = {
  RunAsNode: { value: false, why: 'ELECTRON_RUN_AS_NODE would turn the signed app into a Node interpreter' },
  EnableCookieEncryption: { value: true, why: 'cookies (none today) are encrypted at rest with the OS key store' },
  EnableNodeOptionsEnvironmentVariable: { value: false, why: 'NODE_OPTIONS could inject code into the main process' },
  EnableNodeCliInspectArguments: { value: false, why: '--inspect would open a debugger into the main process' },
  EnableEmbeddedAsarIntegrityValidation: { value: true, why: 'a modified app.asar is refused' },
  OnlyLoadAppFromAsar: { value: true, why: 'no app folder beside the asar archive is loaded instead of it' },
  LoadBrowserProcessSpecificV8Snapshot: { value: false, why: 'Referent ships no V8 snapshot of its own' },
  GrantFileProtocolExtraPrivileges: { value: false, why: 'the renderer comes from app://, so file:// pages get no more than in a browser' },
};

test('electron-builder sets every fuse of the wire, each to its safe value', async () => {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js') as { getConfig: (dir: string, file: string | null, opts: null) => Promise<{ electronFuses?: object }> };
  const { PlatformPackager } = require('app-builder-lib') as { PlatformPackager: { prototype: { generateFuseConfig: (fuses: object) => Promise<Record<string, unknown>> } } };
  const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number | string> };
  const config = await getConfig(process.cwd(), null, null);
  expect(config.electronFuses).toBeDefined();
  // What electron-builder hands to @electron/fuses' flipFuses, keyed by the fuse's index on the wire.
  const flipped = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses!);
  const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
  // A fuse added by a newer Electron fails here until it has a decision in SAFE.
  expect(names.sort()).toEqual(Object.keys(SAFE).sort());
  for (const name of names) expect(flipped[String(FuseV1Options[name])], `${name}: ${SAFE[name]!.why}`).toBe(SAFE[name]!.value);
});
