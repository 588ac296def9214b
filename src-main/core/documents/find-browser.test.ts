import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from './find-browser';

const only = (...files: string[]) => (f: string): boolean => files.includes(f);

describe('findBrowser: where a browser to print with is found', () => {
  it('on Windows finds Edge (every Windows 10 and 11 has it) before Chrome', () => {
    const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\sekr\\AppData\\Local' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env, exists: only(edge, chrome) })).toBe(edge);
    expect(findBrowser({ platform: 'win32', env, exists: only(chrome) })).toBe(chrome);
    const userChrome = 'C:\\Users\\sekr\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env, exists: only(userChrome) })).toBe(userChrome);
  });

  it('on macOS finds Chrome, Edge or Chromium in /Applications or ~/Applications', () => {
    const env = { HOME: '/Users/sekr' };
    expect(findBrowser({ platform: 'darwin', env, exists: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })).toBe(
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
    expect(findBrowser({ platform: 'darwin', env, exists: only('/Users/sekr/Applications/Chromium.app/Contents/MacOS/Chromium') })).toBe(
      '/Users/sekr/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
  });

  it('on Linux finds the distribution\'s Chromium, or Chrome, or Edge', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/chromium') })).toBe('/usr/bin/chromium');
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/google-chrome-stable') })).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
  });

  it('takes CHROMIUM_PATH first when it names a file, and passes over one that does not', () => {
    const env = { CHROMIUM_PATH: '/opt/mybrowser/chrome' };
    expect(findBrowser({ platform: 'linux', env, exists: only('/opt/mybrowser/chrome', '/usr/bin/chromium') })).toBe('/opt/mybrowser/chrome');
    expect(findBrowser({ platform: 'linux', env, exists: only('/usr/bin/chromium') })).toBe('/usr/bin/chromium');
  });

  it('answers null where there is no browser at all', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(findBrowser({ platform, env: { ProgramFiles: 'C:\\Program Files', HOME: '/home/x' }, exists: () => false })).toBeNull();
    }
    expect(browserCandidates({ platform: 'win32', env: {} })).toEqual([]);
  });
});
