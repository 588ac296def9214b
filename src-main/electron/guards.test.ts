// Navigation, new windows, external links and permissions: the rules, and their wiring into a
// web contents (a stand-in with the same events, since Electron cannot run here).
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, test } from 'vitest';
import { allowPermission, externalLinkToOpen, isAllowedNavigation, isAppPage, windowOpenDecision } from './guards';
import { hardenWebContents } from './harden';

const appUrl = 'app://referent/index.html';
const devUrl = 'http://localhost:5173/';

describe('isAllowedNavigation', () => {
  test('only the app page itself, whatever its hash', () => {
    expect(isAllowedNavigation(appUrl, appUrl)).toBe(true);
    expect(isAllowedNavigation(`${appUrl}#/committee/1`, appUrl)).toBe(true);
    expect(isAllowedNavigation('app://referent/#/settings', appUrl)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/settings', devUrl)).toBe(true);
  });

  test('refuses the web, other files, other ports and other schemes', () => {
    for (const url of [
      'https://evil.example/',
      'app://referent/other.html',
      'app://evil/index.html',
      'file:///home/anna/referent/out/renderer/index.html',
      'file:///etc/passwd',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url, url.startsWith('http') ? devUrl : appUrl), url).toBe(false);
    }
  });

  test('a file:// copy of the page is never the app, whatever file it is', () => {
    expect(isAppPage('file:///opt/Referent/resources/app.asar/out/renderer/index.html', appUrl)).toBe(false);
    expect(isAppPage('file:///opt/Referent/resources/app.asar/out/renderer/index.html', 'file:///opt/Referent/resources/app.asar/out/renderer/index.html')).toBe(false);
  });
});

describe('external links', () => {
  test('http(s) links go to the system browser', () => {
    expect(externalLinkToOpen('https://www.haderslev.dk/politik')).toBe('https://www.haderslev.dk/politik');
    expect(windowOpenDecision('http://example.dk/a b')).toEqual({ action: 'deny', openExternally: 'http://example.dk/a%20b' });
  });

  test('other schemes and disguised addresses are never opened', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'https://bank.dk@evil.example/', 'ms-msdt:/id', '']) {
      expect(externalLinkToOpen(url), url).toBeNull();
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: null });
    }
  });
});

test('every permission request is refused', () => {
  for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(allowPermission(p)).toBe(false);
});

/** A web contents as far as the guards use it. */
function fakeContents(): { contents: WebContents; emitter: EventEmitter; openHandler: () => (d: { url: string }) => { action: string } } {
  const emitter = new EventEmitter();
  let handler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof handler) => {
      handler = h;
    },
  }) as unknown as WebContents;
  return { contents, emitter, openHandler: () => handler! };
}

function navEvent(url: string, isMainFrame = true): { url: string; isMainFrame: boolean; prevented: boolean; preventDefault: () => void } {
  const e = { url, isMainFrame, prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
}

describe('hardenWebContents', () => {
  test('window.open is denied and a web link opens in the system browser instead', () => {
    const opened: string[] = [];
    const { contents, openHandler } = fakeContents();
    hardenWebContents(contents, { appUrl, dev: false, openExternal: async (u) => void opened.push(u) });
    expect(openHandler()({ url: 'https://www.retsinformation.dk/' })).toEqual({ action: 'deny' });
    expect(openHandler()({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.retsinformation.dk/']);
  });

  test('navigating away is prevented (a clicked web link opens outside); the app page may reload', () => {
    const opened: string[] = [];
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents, { appUrl, dev: false, openExternal: async (u) => void opened.push(u) });
    const away = navEvent('https://www.ft.dk/');
    emitter.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    const home = navEvent(appUrl);
    emitter.emit('will-navigate', home);
    expect(home.prevented).toBe(false);
    const redirect = navEvent('https://evil.example/');
    emitter.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    const frame = navEvent('https://evil.example/', false);
    emitter.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
    const webview = navEvent('');
    emitter.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(opened).toEqual(['https://www.ft.dk/']);
  });
});
