// Where the desktop app finds its page, its database and its Electron-ABI SQLite module, as pure
// functions of what Electron reports (app.isPackaged, app.getAppPath(), process.resourcesPath).
import path from 'node:path';
import { DB_FILE_NAME, KEY_FILE_NAME } from '../core/paths';
import { APP_PAGE_URL } from './app-protocol';

/** The file scripts/build-electron-native.mjs writes, and electron-builder ships as an extra resource. */
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

/** The page the window loads: the electron-vite dev server in development, else the built page over app://. */
export function appPageUrl(input: { devServerUrl: string | undefined }): string {
  return input.devServerUrl ? new URL(input.devServerUrl).href : APP_PAGE_URL;
}

/** The built renderer that app:// serves: out/renderer beside out/main (inside app.asar when packaged). */
export function rendererDir(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}

/** $REFERENT_DB (as for the CLI) or referent.sqlite in the user-data folder. */
export function desktopDbFile(userData: string, env: NodeJS.ProcessEnv): string {
  return env.REFERENT_DB ?? path.join(userData, DB_FILE_NAME);
}

/** $REFERENT_KEY_FILE (as for the CLI) or the change log's key in the user-data folder, outside the database file. */
export function desktopKeyFile(userData: string, env: NodeJS.ProcessEnv): string {
  return env.REFERENT_KEY_FILE ?? path.join(userData, KEY_FILE_NAME);
}

/**
 * The Electron-ABI build of better-sqlite3: beside the app's resources when packaged, in out/native
 * when started from the source tree by `npm start`. node_modules holds the Node build the tests use.
 */
export function nativeBindingPath(input: { isPackaged: boolean; appPath: string; resourcesPath: string }): string {
  return input.isPackaged ? path.join(input.resourcesPath, 'native', NATIVE_BINDING_FILE) : path.join(input.appPath, 'out', 'native', NATIVE_BINDING_FILE);
}
