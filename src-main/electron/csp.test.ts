// The CSP reaches the app's own pages (and only those), replacing any policy they came with.
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/csp';
import { headersWithCsp, metaCsp } from './csp';

const appUrl = 'app://referent/index.html';

describe('headersWithCsp', () => {
  test('the built page gets the strict policy: no inline script, nothing remote', () => {
    const headers = headersWithCsp(appUrl, {}, { appUrl, dev: false });
    const csp = headers?.['Content-Security-Policy'];
    expect(csp).toEqual([contentSecurityPolicy({ dev: false })]);
    expect(String(csp)).toContain("script-src 'self';");
    expect(String(csp)).toContain("object-src 'none'");
    expect(String(csp)).not.toMatch(/unsafe-eval|https?:/);
  });

  test('scripts and styles beside the page get it too, and a policy already there is replaced', () => {
    const headers = headersWithCsp('app://referent/assets/index-abc.js', { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }, { appUrl, dev: false });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy({ dev: false })] });
  });

  test('the dev server gets the dev policy that Vite’s refresh preamble needs', () => {
    const dev = 'http://localhost:5173/';
    expect(headersWithCsp('http://localhost:5173/src/main.tsx', {}, { appUrl: dev, dev: true })?.['Content-Security-Policy']).toEqual([contentSecurityPolicy({ dev: true })]);
  });

  test('responses that are not the app’s own are left alone', () => {
    expect(headersWithCsp('https://example.com/', { a: ['b'] }, { appUrl, dev: false })).toBeNull();
    expect(headersWithCsp('file:///etc/passwd', {}, { appUrl, dev: false })).toBeNull();
  });
});

describe('metaCsp', () => {
  test('is the same policy without frame-ancestors, which a <meta> tag cannot carry', () => {
    const meta = metaCsp({ dev: false });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("script-src 'self'");
    expect(contentSecurityPolicy({ dev: false }).startsWith(meta)).toBe(true);
  });
});
