// The app:// protocol that serves the renderer instead of file://: only files under the built
// renderer folder, each with the CSP and the other page headers; every way out of the folder refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/csp';
import { tempDir } from '../../tests/helpers/store';
import { APP_PAGE_URL, appProtocolResponse, appSchemePrivileges, resolveAppFile } from './app-protocol';

const renderer = tempDir('referent-renderer-');
fs.mkdirSync(path.join(renderer, 'assets'));
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Referent</title>');
fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log("referent")');
fs.writeFileSync(path.join(renderer, 'assets', 'Liberation Sans.woff2'), 'font');
// A secret beside the renderer folder, and a link from inside pointing at it.
const secret = path.join(path.dirname(renderer), `${path.basename(renderer)}-secret.txt`);
fs.writeFileSync(secret, 'root:x:0:0');
fs.symlinkSync(secret, path.join(renderer, 'assets', 'link.txt'));

describe('resolveAppFile', () => {
  test('the page and its assets map to files under the renderer folder', () => {
    expect(APP_PAGE_URL).toBe('app://referent/index.html');
    expect(resolveAppFile('app://referent/index.html', renderer)).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppFile('app://referent/', renderer)).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppFile('app://referent/assets/index-abc.js?v=2#x', renderer)).toBe(path.join(renderer, 'assets', 'index-abc.js'));
    expect(resolveAppFile('app://referent/assets/Liberation%20Sans.woff2', renderer)).toBe(path.join(renderer, 'assets', 'Liberation Sans.woff2'));
  });

  test('nothing outside the folder is ever named, however the path is spelt', () => {
    for (const url of [
      'app://referent/../../secret.txt',
      'app://referent/%2e%2e/%2e%2e/etc/passwd',
      'app://referent/assets/%2E%2E/%2E%2E/etc/passwd',
      'app://referent/assets%2f..%2f..%2fsecret.txt',
      'app://referent/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://referent/..%5c..%5cwindows%5cwin.ini',
      'app://referent/%2fetc%2fpasswd',
    ]) {
      const file = resolveAppFile(url, renderer);
      expect(file === null || file.startsWith(renderer + path.sep), `${url} -> ${file}`).toBe(true);
    }
  });

  test('refuses encoded separators, NUL, broken encodings, other hosts and other schemes', () => {
    for (const url of [
      'app://referent/assets%2f..%2f..%2fsecret.txt',
      'app://referent/..%5c..%5cwindows%5cwin.ini',
      'app://referent/%2fetc%2fpasswd',
      'app://referent/index.html%00.js',
      'app://referent/%E0%A4%A',
      'app://evil/index.html',
      'app:///index.html',
      'file:///etc/passwd',
      'https://referent/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(url, renderer), url).toBeNull();
    }
  });
});

describe('appProtocolResponse', () => {
  test('serves the page with its type, the strict CSP and no sniffing', async () => {
    const res = await appProtocolResponse(APP_PAGE_URL, { rendererDir: renderer, dev: false });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Referent</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ dev: false }));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await appProtocolResponse('app://referent/assets/index-abc.js', { rendererDir: renderer, dev: false });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ dev: false }));
  });

  test('a traversal, a link out of the folder or a missing file is a 404 that reveals nothing', async () => {
    for (const url of ['app://referent/%2e%2e/%2e%2e/etc/passwd', 'app://referent/assets/link.txt', 'app://referent/missing.js', 'app://referent/assets', 'app://other/index.html']) {
      const res = await appProtocolResponse(url, { rendererDir: renderer, dev: false });
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('root:');
    }
  });
});

test('the scheme is standard and secure, and never bypasses the CSP or runs service workers', () => {
  const [app] = appSchemePrivileges();
  expect(app?.scheme).toBe('app');
  expect(app?.privileges).toMatchObject({ standard: true, secure: true });
  expect(app?.privileges).not.toHaveProperty('bypassCSP');
  expect(app?.privileges).not.toHaveProperty('allowServiceWorkers');
});
