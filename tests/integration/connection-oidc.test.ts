// The desktop app signs in through the municipality's identity provider (RFC 8252): the system
// browser goes app → referent serve → provider → serve → the app's loopback address with a
// one-time code, which the app redeems with its PKCE verifier for a session that only the app
// holds. Against the provider the serve tests run (tests/helpers/oidc-provider.ts), with a small
// browser that follows redirects and keeps cookies per site, as a real one does.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConnectionState } from '../../src-shared/api/connection';
import type { CoreContext } from '../../src-main/core/context';
import type { ApiHost } from '../../src-main/host/api-host';
import { createConnection, type Connection } from '../../src-main/host/connection';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { signInThroughBrowser } from '../../src-main/host/oidc-loopback';
import { HANDOFF_MS } from '../../src-main/web/app-handoff';
import { readBody } from '../../src-main/web/read-body';
import type { WebServer } from '../../src-main/web/server';
import type { TestProvider } from '../helpers/oidc-provider';
import { rawRequest } from '../helpers/raw-request';
import { accepted as ok, refusedDa } from '../helpers/result';
import { startOidcServedArchive } from '../helpers/oidc-served';
import { tempDir, testContext } from '../helpers/store';

let provider: TestProvider | undefined;
let server: WebServer | undefined;
let host: ApiHost | undefined;
let ctx: CoreContext;
let base: string;
let clock = Date.now();
const opened: Connection[] = [];

async function start(subject: string): Promise<void> {
  clock = Date.now();
  ({ provider, ctx, host, server, base } = await startOidcServedArchive(subject, { now: () => clock }));
}

afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  await server?.close();
  await host?.close();
  await provider?.close();
  server = undefined;
  host = undefined;
  provider = undefined;
});

type Visit = { url: string; status: number; body: string; location: string | undefined };
/** The system browser: follows every redirect, keeping each site's cookies; the pages it saw. */
function browser(): { open: (url: string) => Promise<void>; visits: Visit[]; cookies: (host: string) => string[] } {
  const jars = new Map<string, Map<string, string>>();
  const visits: Visit[] = [];
  const get = (url: URL): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> =>
    new Promise((resolve, reject) => {
      const jar = jars.get(url.host) ?? new Map<string, string>();
      jars.set(url.host, jar);
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      http
        .get(url, { headers: cookie ? { Cookie: cookie } : {} }, (res) => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair] = c.split(';');
            const eq = pair!.indexOf('=');
            if (/Max-Age=0/.test(c)) jar.delete(pair!.slice(0, eq));
            else jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
          }
          readBody(res).then((body) => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }), reject);
        })
        .on('error', reject);
    });
  return {
    visits,
    cookies: (host) => [...(jars.get(host)?.keys() ?? [])],
    open: async (start) => {
      let url = new URL(start);
      for (let i = 0; i < 10; i++) {
        const r = await get(url);
        visits.push({ url: url.href, status: r.status, body: r.body, location: r.headers.location });
        if (r.status < 300 || r.status >= 400) return;
        url = new URL(r.headers.location!, url);
      }
      throw new Error('too many redirects');
    },
  };
}

const connect = (openBrowser: (url: string) => Promise<void>): Connection => {
  const c = createConnection({
    dataDir: tempDir('referent-profile-'),
    env: {},
    startLocal: async () => inProcessHost(testContext()),
    signInWithProvider: (url) => signInThroughBrowser(url, { openBrowser, timeoutMs: 20_000 }),
  });
  opened.push(c);
  return c;
};
describe('signing in through the identity provider from the app', () => {
  test('the browser round trip ends with a session in the app, never in the browser', async () => {
    await start('a7f3-anne');
    const b = browser();
    const c = connect(b.open);
    const state = await ok<ConnectionState>(c.call('connection.use', { mode: 'server', url: base }));
    expect(state.signIn).toMatchObject({ oidc: true });
    const signedIn = await ok<ConnectionState>(c.call('connection.signInWithProvider', {}));
    expect(signedIn).toMatchObject({ signIn: null, account: { login: 'anne', displayName: 'Anne Holm', oidc: true } });
    expect(provider!.tokenRequests).toBe(1);
    // app → serve → provider → serve → the app's loopback address on 127.0.0.1, with a code and the state.
    const hops = b.visits.map((v) => new URL(v.url));
    expect(hops.map((u) => `${u.origin}${u.pathname}`)).toEqual([`${base}/auth/oidc/app`, `${provider!.issuer}/authorize`, `${base}/auth/oidc/callback`, `http://127.0.0.1:${hops[3]!.port}/callback`]);
    expect(hops[3]!.port).not.toBe(String(server!.port));
    expect(hops[3]!.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
    expect(b.visits[3]!.body).toContain('Du kan lukke dette vindue og vende tilbage til Referent.');
    // The app's calls go to the server as her account.
    const list = await ok<{ name: string }[]>(c.host.invoke('committees.list', {}));
    expect(list.map((x) => x.name)).toEqual(['Økonomiudvalget']);
    // The browser got no session from the callback (and the round trip's own cookie is cleared).
    expect(b.cookies(`127.0.0.1:${server!.port}`)).toEqual([]);
    expect(await ctx.store.db.selectFrom('sessions').select('account_id').execute()).toHaveLength(1);
  });

  test('someone the provider vouches for without a linked account gets the sentence in the app', async () => {
    await start('b9c1-stranger');
    const c = connect(browser().open);
    await ok(c.call('connection.use', { mode: 'server', url: base }));
    expect(await refusedDa(c.call('connection.signInWithProvider', {}))).toBe(
      'Identitetsudbyderen har logget dig ind, men ingen Referent-konto er knyttet til dig; bed en administrator om at oprette en.',
    );
    expect((await ok<ConnectionState>(c.call('connection.status', {}))).account).toBeNull();
  });
});

describe('the one-time code', () => {
  const VERIFIER = 'v'.repeat(43);
  const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
  /** The code as someone watching the app's loopback address would see it (nobody listens on port 9). */
  async function codeFor(challenge: string): Promise<string> {
    const b = browser();
    const q = new URLSearchParams({ redirect_uri: 'http://127.0.0.1:9/callback', state: 'kendt-state-0123456789', code_challenge: challenge, code_challenge_method: 'S256' });
    await b.open(`${base}/auth/oidc/app?${q}`).catch(() => undefined);
    const back = b.visits.find((v) => v.url.startsWith(`${base}/auth/oidc/callback`))!;
    expect(back.status).toBe(303);
    const target = new URL(back.location!);
    expect(`${target.origin}${target.pathname}`).toBe('http://127.0.0.1:9/callback');
    expect(target.searchParams.get('state')).toBe('kendt-state-0123456789');
    return target.searchParams.get('code')!;
  }
  const redeem = (code: string, verifier: string) =>
    rawRequest(server!.port, '/auth/app/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ code, code_verifier: verifier }).toString() });
  const BAD = 'Login kunne ikke overdrages til programmet: koden er ukendt, brugt eller over et minut gammel, eller den tilhørte ikke dette program; log ind igen.';
  const refusal = (r: { status: number; body: string }) => (expect(r.status).toBe(401), JSON.parse(r.body).error.messageDa as string);

  test('is good once, with the verifier of its challenge: the right one gives the session, a second try nothing', async () => {
    await start('a7f3-anne');
    const code = await codeFor(CHALLENGE);
    const first = await redeem(code, VERIFIER);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).value.account.login).toBe('anne');
    expect(first.headers['set-cookie']![0]).toMatch(/^referent-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(refusal(await redeem(code, VERIFIER))).toBe(BAD);
  });

  test('someone who saw the code but has not the verifier gets nothing, and spends it', async () => {
    await start('a7f3-anne');
    const code = await codeFor(CHALLENGE);
    expect(refusal(await redeem(code, 'w'.repeat(43)))).toBe(BAD);
    expect(refusal(await redeem(code, VERIFIER))).toBe(BAD);
    expect(refusal(await redeem('gættet-kode', VERIFIER))).toBe(BAD);
    expect(await ctx.store.db.selectFrom('sessions').select('account_id').execute()).toHaveLength(0);
  });

  test('lives one minute', async () => {
    await start('a7f3-anne');
    const code = await codeFor(CHALLENGE);
    clock += HANDOFF_MS + 1;
    expect(refusal(await redeem(code, VERIFIER))).toBe(BAD);
  });

  test('goes only to a loopback address on 127.0.0.1 with a state and an S256 challenge; anything else never reaches the provider', async () => {
    await start('a7f3-anne');
    const ok = { redirect_uri: 'http://127.0.0.1:4711/callback', state: 'kendt-state-0123456789', code_challenge: CHALLENGE, code_challenge_method: 'S256' };
    const bad = [
      { redirect_uri: 'https://evil.example/callback' },
      { redirect_uri: 'http://localhost:4711/callback' },
      { redirect_uri: 'http://127.0.0.1/callback' },
      { redirect_uri: 'http://user@127.0.0.1:4711/callback' },
      { state: 'kort' },
      { code_challenge_method: 'plain' },
      { code_challenge: 'for-kort' },
    ];
    for (const change of bad) {
      const r = await rawRequest(server!.port, `/auth/oidc/app?${new URLSearchParams({ ...ok, ...change })}`);
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(r.body).toContain('Dette login er ikke startet af Referent-programmet, som det skal');
    }
    expect((await rawRequest(server!.port, `/auth/oidc/app?${new URLSearchParams(ok)}`)).status).toBe(303);
    expect(provider!.tokenRequests).toBe(0);
  });

  test('the app’s loopback address ignores a request without this sign-in’s state, and still signs her in', async () => {
    await start('a7f3-anne');
    const b = browser();
    let forged: { status: number; body: string } | undefined;
    const c = connect(async (url) => {
      const loopback = new URL(new URL(url).searchParams.get('redirect_uri')!);
      forged = await rawRequest(Number(loopback.port), '/callback?code=untaget&state=forkert-state-0123456789', { headers: { Host: loopback.host } });
      await b.open(url);
    });
    await ok(c.call('connection.use', { mode: 'server', url: base }));
    expect(await ok<ConnectionState>(c.call('connection.signInWithProvider', {}))).toMatchObject({ account: { login: 'anne' } });
    expect(forged).toMatchObject({ status: 400 });
    expect(forged!.body).toContain('Denne side hører ikke til et login, Referent venter på.');
  });
});
