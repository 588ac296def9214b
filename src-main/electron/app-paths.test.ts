// Where the desktop app looks for its page, its database and its Electron-ABI SQLite module.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DB_FILE_NAME, defaultDataDir } from '../core/paths';
import { appPageUrl, desktopDbFile, nativeBindingPath, rendererDir } from './app-paths';

describe('appPageUrl', () => {
  test('the built page over app://, never a file URL', () => {
    expect(appPageUrl({ devServerUrl: undefined })).toBe('app://referent/index.html');
    expect(rendererDir('/opt/Referent/resources/app.asar/out/main')).toBe(path.join('/opt/Referent/resources/app.asar/out/renderer'));
  });

  test('the electron-vite dev server in development', () => {
    expect(appPageUrl({ devServerUrl: 'http://localhost:5173' })).toBe('http://localhost:5173/');
  });
});

describe('desktopDbFile', () => {
  test('referent.sqlite in the user-data folder, the same file the CLI uses by default', () => {
    const userData = defaultDataDir('linux', {}, '/home/anna');
    expect(userData).toBe('/home/anna/.config/Referent');
    expect(desktopDbFile(userData, {})).toBe(path.join('/home/anna/.config/Referent', DB_FILE_NAME));
  });

  test('$REFERENT_DB wins, as for the CLI', () => {
    expect(desktopDbFile('/home/anna/.config/Referent', { REFERENT_DB: '/srv/udvalg.sqlite' })).toBe('/srv/udvalg.sqlite');
  });
});

describe('nativeBindingPath', () => {
  test('packaged: the extra resource electron-builder ships', () => {
    expect(nativeBindingPath({ isPackaged: true, appPath: '/opt/Referent/resources/app.asar', resourcesPath: '/opt/Referent/resources' })).toBe(
      path.join('/opt/Referent/resources', 'native', 'better_sqlite3.node'),
    );
  });

  test('from the source tree: out/native, where npm start builds it', () => {
    expect(nativeBindingPath({ isPackaged: false, appPath: '/work/referent', resourcesPath: '/x' })).toBe(path.join('/work/referent', 'out', 'native', 'better_sqlite3.node'));
  });
});
