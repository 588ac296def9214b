// Where the app keeps its data when no --db or $REFERENT_DB is given: the same per-user folder
// that Electron's app.getPath('userData') gives the desktop app (productName "Referent").
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Referent';
export const DB_FILE_NAME = 'referent.sqlite';
export const KEY_FILE_NAME = 'referent.key';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_NAME);
}

/** --db, else $REFERENT_DB, else the desktop app's own file. */
export function resolveDbFile(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.REFERENT_DB ?? path.join(defaultDataDir(process.platform, env), DB_FILE_NAME);
}

/** $REFERENT_KEY_FILE, else the key in the per-user folder: outside any database file, shared by all of the user's databases. */
export function resolveKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.REFERENT_KEY_FILE ?? path.join(defaultDataDir(process.platform, env), KEY_FILE_NAME);
}
