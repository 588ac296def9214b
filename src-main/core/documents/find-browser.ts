// Where a Chromium-based browser to print PDFs with is found when the shell brings none (the CLI,
// the browser shell): CHROMIUM_PATH when set, else an installed Edge, Chrome or Chromium in the
// places each platform's installers put them. The desktop app prints with its own Chromium and
// never asks.
import fs from 'node:fs';
import path from 'node:path';

export type BrowserSearch = { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; exists: (file: string) => boolean };

const defaults = (): BrowserSearch => ({ platform: process.platform, env: process.env, exists: isFile });

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The places looked in, in order (without CHROMIUM_PATH). */
export function browserCandidates({ platform, env }: Pick<BrowserSearch, 'platform' | 'env'>): string[] {
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => !!r);
    const w = path.win32;
    // Edge ships with every Windows 10 and 11, so it comes first.
    return [
      ...roots.map((r) => w.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...roots.map((r) => w.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((r) => w.join(r, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Chromium.app/Contents/MacOS/Chromium'].flatMap((app) =>
      apps.map((dir) => path.posix.join(dir, app)),
    );
  }
  return [
    ...['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'].map((name) => `/usr/bin/${name}`),
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
  ];
}

/** The browser to print with, or null when there is none. */
export function findBrowser(search: BrowserSearch = defaults()): string | null {
  const chosen = search.env.CHROMIUM_PATH;
  // A path set by hand is the user's choice and wins; one that names no file is passed over.
  if (chosen && search.exists(chosen)) return chosen;
  return browserCandidates(search).find((f) => search.exists(f)) ?? null;
}
