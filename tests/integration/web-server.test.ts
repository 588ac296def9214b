// The browser shell's HTTP adapter: 127.0.0.1 only, the access token (header or launch cookie),
// the Origin check, and the same Results as every other adapter.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import type { ApiHost } from '../../src-main/host/api-host';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { profileToken } from '../../src-main/web/profile-token';
import { newToken } from '../../src-main/web/security';
import { tempDir, testContext } from '../helpers/store';
import { rawRequest, type RawOptions, type RawReply } from '../helpers/raw-request';

let server: WebServer;
let host: ApiHost;
let staticDir: string;

beforeEach(async () => {
  staticDir = tempDir('referent-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Referent</title>');
  host = inProcessHost(testContext());
  server = await startWebServer({ host, staticDir });
});
afterEach(async () => {
  await server.close();
  await host.close();
});

/** A raw request, so that Host and Origin can be set as an attacker would. */
const request = (pathname: string, opts: RawOptions = {}): Promise<RawReply> => rawRequest(server.port, pathname, opts);

const post = (op: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers }, body: JSON.stringify(input) });

describe('HTTP adapter', () => {
  test('prints a loopback address carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  test('the launch address sets an HttpOnly, SameSite=Strict cookie and leaves the token out of the address bar', async () => {
    const launch = await request(`/?token=${server.token}`);
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    const cookie = launch.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^referent-${server.port}=${server.token}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const jar = cookie.split(';')[0]!;
    // A second tab or a bookmark of "/" carries the cookie alone: the page and the Api answer.
    const page = await request('/', { headers: { Cookie: jar } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Referent</title>');
    const created = await request('/api/committees.create', { method: 'POST', headers: { Cookie: jar, 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` }, body: JSON.stringify({ name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' }) });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Børne- og Skoleudvalget' } });
    // The cookie does not open the door to another page's request.
    const evil = await request('/api/committees.list', { method: 'POST', headers: { Cookie: jar, 'Content-Type': 'application/json', Origin: 'http://evil.example' }, body: '{}' });
    expect(evil.status).toBe(403);
  });

  test('a tab without the token gets a Danish page saying what to do, not an empty app', async () => {
    for (const [path, status] of [['/', 401], ['/?token=not-the-token', 401], ['/meeting/x', 401]] as const) {
      const r = await request(path);
      expect(r.status).toBe(status);
      expect(r.body).toContain('Referent kan ikke åbnes i denne fane');
      expect(r.body).toContain(`http://127.0.0.1:${server.port}/?token=`);
      expect(r.body).not.toContain(server.token);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    const api = await request('/api/committees.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(JSON.parse(api.body).error.messageDa).toBe('Adgangsnøglen mangler eller er forkert. Åbn Referent med den adresse, programmet skrev, da det startede.');
  });

  test('the profile token is the same after a restart and readable by its owner only', () => {
    const dir = tempDir('referent-profile-');
    const first = profileToken(dir);
    expect(first).toMatch(/^[0-9a-f]{48}$/);
    expect(profileToken(dir)).toBe(first);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'web-token')).mode & 0o777).toBe(0o600);
    fs.chmodSync(path.join(dir, 'web-token'), 0o644);
    expect(profileToken(dir)).toBe(first);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'web-token')).mode & 0o777).toBe(0o600);
    fs.writeFileSync(path.join(dir, 'web-token'), 'short');
    expect(profileToken(dir)).not.toBe(first);
    // An older version's base64url token that begins with a dash is made anew.
    fs.writeFileSync(path.join(dir, 'web-token'), '-Xq3v0c9TnQk2b7mWl1pYzRsAeUdFgHj');
    expect(profileToken(dir)).toMatch(/^[0-9a-f]{48}$/);
  });

  test('no access token begins with a dash, which a command line would read as an option (referent checkout --token …)', () => {
    const tokens = Array.from({ length: 2000 }, () => newToken());
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(new Set(tokens).size).toBe(2000);
  });

  test('an operation with the token answers with the same Result as IPC and the CLI', async () => {
    const created = await post('committees.create', { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', numbering: 'per-year' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Teknik- og Miljøudvalget', shortName: 'TMU' } });
    const list = JSON.parse((await post('committees.list', {})).body) as { ok: true; value: { name: string }[] };
    expect(list.value.map((c) => c.name)).toEqual(['Teknik- og Miljøudvalget']);
  });

  test('bad input is an Invalid result naming the field', async () => {
    const r = JSON.parse((await post('meetings.create', { committeeId: crypto.randomUUID(), start: '2. juni' })).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'Invalid', message: 'start: must be a local date and time like 2026-06-02T14:30' } });
  });

  test('no token, or a wrong one, is refused and changes nothing', async () => {
    const none = await request('/api/committees.create', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'X', numbering: 'per-meeting' }) });
    expect(none.status).toBe(401);
    const wrong = await post('committees.create', { name: 'X', numbering: 'per-meeting' }, { Authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('Forbidden');
    const list = JSON.parse((await post('committees.list', {})).body) as { value: unknown[] };
    expect(list.value).toEqual([]);
  });

  test('a request from another web page is refused even with the token', async () => {
    const r = await post('committees.create', { name: 'X', numbering: 'per-meeting' }, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toMatch(/other web pages/);
    const ok = await post('committees.list', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(ok.status).toBe(200);
  });

  test('a rebinding Host is refused', async () => {
    const r = await request('/api/committees.list', { method: 'POST', headers: { Host: 'evil.example', Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(421);
  });

  test('unknown operations, GET on the Api and non-JSON bodies are refused', async () => {
    expect((await post('committees.drop', {})).status).toBe(404);
    expect((await request('/api/committees.list', { headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(405);
    const text = await request('/api/committees.list', { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(text.status).toBe(415);
  });

  test('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const index = await request('/', { headers: { Authorization: `Bearer ${server.token}` } });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Referent</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    const escape = await request('/..%2f..%2fetc%2fpasswd');
    expect(escape.body).not.toContain('root:');
  });
});
