// Signing in to `referent serve` through the municipality's identity provider: OpenID Connect,
// authorization code with PKCE, against a provider run in this test (tests/helpers/oidc-provider.ts)
// that checks the client secret, the code, the redirect URI and the verifier. The person it
// vouches for signs in as the account linked to her; someone with no linked account is refused.
import http from 'node:http';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ApiHost } from '../../src-main/host/api-host';
import { readBody } from '../../src-main/web/read-body';
import type { WebServer } from '../../src-main/web/server';
import type { TestProvider } from '../helpers/oidc-provider';
import { startOidcServedArchive } from '../helpers/oidc-served';

let provider: TestProvider;
let server: WebServer;
let host: ApiHost;

type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };
const get = (url: string, cookie?: string): Promise<Reply> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers: cookie ? { Cookie: cookie } : {} }, (res) => {
        readBody(res).then((body) => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }), reject);
      })
      .on('error', reject);
  });
const jar = (r: Reply): string => (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

async function start(subject: string): Promise<void> {
  ({ provider, host, server } = await startOidcServedArchive(subject));
}

beforeEach(() => {
  provider = undefined as unknown as TestProvider;
});
afterEach(async () => {
  await server?.close();
  await host?.close();
  await provider?.close();
});

/** The browser's round trip: Referent → provider → Referent's callback. */
async function roundTrip(): Promise<{ callback: Reply; started: Reply }> {
  const base = `http://127.0.0.1:${server.port}`;
  const page = await get(`${base}/login`);
  expect(page.body).toContain('href="/auth/oidc"');
  const started = await get(`${base}/auth/oidc`);
  expect(started.status).toBe(303);
  const authorize = new URL(started.headers.location!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/auth/oidc/callback`);
  const back = await get(authorize.href);
  expect(back.status).toBe(302);
  return { callback: await get(back.headers.location!, jar(started)), started };
}

test('the person the provider vouches for signs in as her linked account', async () => {
  await start('a7f3-anne');
  const { callback } = await roundTrip();
  expect(callback.status).toBe(303);
  expect(callback.headers.location).toBe('/');
  expect(provider.tokenRequests).toBe(1);
  const session = (callback.headers['set-cookie'] ?? []).find((c) => c.startsWith('referent-session='))!;
  expect(session).toMatch(/HttpOnly; SameSite=Lax/);
  const me = await new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: '/api/accounts.me', method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session.split(';')[0]! } },
      (res) => {
        readBody(res).then((body) => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }), reject);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  expect(JSON.parse(me.body).value).toMatchObject({ login: 'anne', displayName: 'Anne Holm', oidc: true, password: false });
});

test('someone the provider signs in with no linked account is refused with one sentence', async () => {
  await start('b9c1-stranger');
  const { callback } = await roundTrip();
  expect(callback.status).toBe(401);
  expect(callback.body).toContain('Identitetsudbyderen har logget dig ind, men ingen Referent-konto er knyttet til dig; bed en administrator om at oprette en.');
  expect((callback.headers['set-cookie'] ?? []).some((c) => c.startsWith('referent-session='))).toBe(false);
});

test('a callback in a browser that did not start the sign-in is refused, and its code is not redeemed', async () => {
  await start('a7f3-anne');
  const base = `http://127.0.0.1:${server.port}`;
  const started = await get(`${base}/auth/oidc`);
  const back = await get(started.headers.location!);
  // The link arrives in another browser: no cookie of the round trip.
  const elsewhere = await get(back.headers.location!);
  expect(elsewhere.status).toBe(401);
  expect(elsewhere.body).toContain('the sign-in was not started in this browser');
  expect(provider.tokenRequests).toBe(0);
});
