// The main window's options: what makes the renderer safe is asserted here, since Electron
// itself cannot be launched on the build machine.
import { describe, expect, test } from 'vitest';
import { browserWindowOptions } from './window';

describe('browserWindowOptions', () => {
  const options = browserWindowOptions({ preloadPath: '/app/out/preload/index.cjs', platform: 'linux', iconPath: '/app/icon.png' });
  const web = options.webPreferences ?? {};

  test('the renderer is isolated, sandboxed and has no Node', () => {
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  test('loads the given preload and nothing else runs with privileges', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('additionalArguments');
  });

  test('is titled Referent and shown only once painted', () => {
    expect(options.title).toBe('Referent');
    expect(options.show).toBe(false);
    expect(options.icon).toBe('/app/icon.png');
  });

  test('spellchecks with the OS checker, but never fetches dictionaries on Linux', () => {
    expect(web.spellcheck).toBe(false);
    expect(browserWindowOptions({ preloadPath: '/p', platform: 'win32' }).webPreferences?.spellcheck).toBe(true);
    expect(browserWindowOptions({ preloadPath: '/p', platform: 'darwin', iconPath: '/i.png' }).icon).toBeUndefined();
  });
});
