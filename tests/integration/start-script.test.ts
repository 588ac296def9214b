// What `npm start` decides (scripts/lib/start-plan.mjs): desktop or browser shell, where the
// Electron binary is without downloading it, and how the Electron-ABI SQLite build is made.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  chooseShell,
  copiedForBuild,
  electronBinaryPath,
  nativeBuildEnv,
  nativeBuildNeeded,
  nativeStamp,
  nodeGypArgs,
  prebuildArgs,
  shouldTryElectronDownload,
  WEB_FALLBACK_NOTICE,
} from '../../scripts/lib/start-plan.mjs';

const electronDir = '/w/node_modules/electron';

function fakeFs(files: Record<string, string>): { exists: (f: string) => boolean; readText: (f: string) => string } {
  return { exists: (f) => f in files, readText: (f) => files[f] ?? '' };
}

describe('chooseShell', () => {
  test('the desktop app when the Electron binary is there, else the browser shell', () => {
    expect(chooseShell({ electronBinaryExists: true })).toBe('electron');
    expect(chooseShell({ electronBinaryExists: false })).toBe('web');
    expect(chooseShell({ electronBinaryExists: true, env: { REFERENT_SHELL: 'web' } })).toBe('web');
  });

  test('the fallback is announced in exactly one line', () => {
    expect(WEB_FALLBACK_NOTICE).not.toContain('\n');
    expect(WEB_FALLBACK_NOTICE).toMatch(/Electron binary is not available on this machine.*browser/);
  });
});

describe('electronBinaryPath', () => {
  test('none when the package was installed without its binary (as on this machine)', () => {
    expect(electronBinaryPath({ electronDir, env: {}, ...fakeFs({}) })).toBeNull();
  });

  test('the binary named in path.txt, once it exists under dist/', () => {
    const pathTxt = path.join(electronDir, 'path.txt');
    const bin = path.join(electronDir, 'dist', 'electron');
    expect(electronBinaryPath({ electronDir, env: {}, ...fakeFs({ [pathTxt]: 'electron' }) })).toBeNull();
    expect(electronBinaryPath({ electronDir, env: {}, ...fakeFs({ [pathTxt]: 'electron\n', [bin]: '' }) })).toBe(bin);
  });

  test('ELECTRON_OVERRIDE_DIST_PATH points at a binary elsewhere', () => {
    const bin = path.join('/opt/electron-45', 'electron');
    expect(electronBinaryPath({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' }, ...fakeFs({ [bin]: '' }) })).toBe(bin);
    expect(electronBinaryPath({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, ...fakeFs({}) })).toBeNull();
  });

  test('the first-use download is tried unless skipped', () => {
    expect(shouldTryElectronDownload({})).toBe(true);
    expect(shouldTryElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(false);
    expect(shouldTryElectronDownload({ REFERENT_SHELL: 'web' })).toBe(false);
  });
});

describe('the Electron-ABI better-sqlite3 build', () => {
  const stamp = nativeStamp({ electronVersion: '45.4.1', betterSqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' });

  test('is made once per Electron version, better-sqlite3 version and platform', () => {
    expect(nativeBuildNeeded({ bindingExists: false, stampText: null, wantedStamp: stamp })).toBe(true);
    expect(nativeBuildNeeded({ bindingExists: true, stampText: `${stamp}\n`, wantedStamp: stamp })).toBe(false);
    const newer = nativeStamp({ electronVersion: '46.0.0', betterSqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' });
    expect(nativeBuildNeeded({ bindingExists: true, stampText: stamp, wantedStamp: newer })).toBe(true);
    expect(nativeBuildNeeded({ bindingExists: true, stampText: null, wantedStamp: stamp })).toBe(true);
  });

  test('first tries better-sqlite3’s prebuilt binary for this Electron, so no compiler is needed', () => {
    expect(prebuildArgs({ electronVersion: '45.4.1', arch: 'x64' })).toEqual(['--runtime=electron', '--target=45.4.1', '--arch=x64']);
    expect(prebuildArgs({ electronVersion: '45.4.1', arch: 'x64', fromSource: true })).toBeNull();
    expect(prebuildArgs({ electronVersion: '45.4.1', arch: 'x64', headersDir: '/opt/h' })).toBeNull();
  });

  test('else node-gyp builds against Electron’s headers, from the net or a local folder', () => {
    expect(nodeGypArgs({ electronVersion: '45.4.1', arch: 'x64' })).toEqual(['rebuild', '--release', '--target=45.4.1', '--arch=x64', '--dist-url=https://electronjs.org/headers']);
    expect(nodeGypArgs({ electronVersion: '45.4.1', arch: 'arm64', headersDir: '/opt/h' }).slice(-2)).toEqual(['--arch=arm64', '--nodedir=/opt/h']);
  });

  test('npm’s nodedir/target settings cannot redirect it to Node’s headers', () => {
    const env = nativeBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', npm_config_cache: '/c', HOME: '/h' });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/c', HOME: '/h' });
  });

  test('copies the package’s sources but not its Node build', () => {
    expect(copiedForBuild('')).toBe(true);
    expect(copiedForBuild('binding.gyp')).toBe(true);
    expect(copiedForBuild('deps/sqlite3/sqlite3.c')).toBe(true);
    expect(copiedForBuild('src/better_sqlite3.cpp')).toBe(true);
    expect(copiedForBuild('build')).toBe(false);
    expect(copiedForBuild(path.join('build', 'Release', 'better_sqlite3.node'))).toBe(false);
  });
});
