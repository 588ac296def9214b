// The desktop app against a `referent serve` (issue 14 §4): the address she enters is tried before
// it is kept, the choice survives a restart (never the password or the session), a local account
// signs in through the server's own form, each refusal is one Danish sentence, the session lives in
// the connection (the main process) and its end, by expiry or by the server, sends her back to the
// sign-in screen with a sentence. `createConnection` is exactly what the Electron main process and
// the browser shell run; the server is the real one, in this process.
import fs from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ConnectionState, ServerProbe } from '../../src-shared/api/connection';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import type { ApiHost } from '../../src-main/host/api-host';
import { CONNECTION_FILE, createConnection, type Connection, type ConnectionOptions } from '../../src-main/host/connection';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { accepted as ok, refusedDa } from '../helpers/result';
import { tempDir, testContext } from '../helpers/store';
import { rawRequest, splitInsideLetter } from '../helpers/raw-request';

const PASSWORD = 'korrekt hest batteri';
let server: WebServer;
let serverHost: ApiHost;
let ctx: CoreContext;
let laptop: CoreContext;
let dataDir: string;
let staticDir: string;
let base: string;
const opened: Connection[] = [];

beforeEach(async () => {
  staticDir = tempDir('referent-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Referent</title>');
  ctx = testContext();
  await call(ctx, 'settings.update', { name: 'Esbjerg Kommune' });
  const okonomi = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
  await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-year' });
  await call(ctx, 'accounts.add', { login: 'anne', displayName: 'Anne Holm', password: PASSWORD });
  await call(ctx, 'accounts.setRole', { login: 'anne', committeeId: okonomi.id, role: 'secretary' });
  serverHost = inProcessHost(ctx);
  server = await startWebServer({ host: serverHost, staticDir, accounts: {} });
  base = `http://127.0.0.1:${server.port}`;
  laptop = testContext();
  await call(laptop, 'committees.create', { name: 'Min egen fil', numbering: 'per-year' });
  dataDir = tempDir('referent-profile-');
});
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  await server.close();
  await serverHost.close();
});

const connect = (extra: Partial<ConnectionOptions> = {}): Connection => {
  const c = createConnection({ dataDir, env: {}, startLocal: async () => inProcessHost(laptop), ...extra });
  opened.push(c);
  return c;
};
const names = async (c: Connection): Promise<string[]> => (await ok<{ name: string }[]>(c.host.invoke('committees.list', {}))).map((x) => x.name);
/** A closed port on this machine: nothing answers there. */
const deadAddress = async (): Promise<string> => {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
};
const signedIn = async (c = connect()): Promise<Connection> => {
  await ok(c.call('connection.use', { mode: 'server', url: `${base}/` }));
  await ok(c.call('connection.signIn', { login: 'Anne', password: PASSWORD }));
  return c;
};

describe('connecting ("Forbind til server")', () => {
  test('the address is tried first: a Referent server says who it is; anything else is one sentence', async () => {
    const c = connect();
    expect(await ok<ServerProbe>(c.call('connection.probe', { url: ` ${base}/ ` }))).toMatchObject({ url: base, organisation: 'Esbjerg Kommune', passwords: true, oidc: false });
    const dead = await deadAddress();
    expect(await refusedDa(c.call('connection.probe', { url: dead }))).toBe(`Serveren ${dead} kan ikke nås (intet svarer på adressen). Kontrollér adressen og netværket, og prøv igen.`);
    const other = http.createServer((_req, res) => void res.writeHead(404).end('Not found'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      expect(await refusedDa(c.call('connection.probe', { url: otherUrl }))).toBe(`${otherUrl} svarer (404), men det er ikke en Referent-server (referent serve); kontrollér adressen.`);
      // Nothing that does not answer as Referent is kept.
      expect(await refusedDa(c.call('connection.use', { mode: 'server', url: otherUrl }))).toContain('det er ikke en Referent-server');
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
    expect(await refusedDa(c.call('connection.probe', { url: 'referent.kommune.dk' }))).toBe('"referent.kommune.dk" er ikke en serveradresse (for eksempel https://referent.kommune.dk).');
    // Her password would cross the network in clear: refused before anything is sent.
    expect(await refusedDa(c.call('connection.use', { mode: 'server', url: 'http://referent.kommune.local' }))).toBe(
      'http://referent.kommune.local er ikke krypteret (http): adgangskoden ville gå ukrypteret over netværket. Brug serverens https-adresse (for eksempel https://referent.kommune.local).',
    );
    expect((await ok<ConnectionState>(c.call('connection.status', {}))).mode).toBe('local');
    expect(await names(c)).toEqual(['Min egen fil']);
  });

  test('working against the server asks her to sign in first; the choice is kept between starts, never the password or the session', async () => {
    const c = connect();
    const state = await ok<ConnectionState>(c.call('connection.use', { mode: 'server', url: base }));
    expect(state).toMatchObject({ mode: 'server', url: base, override: false, account: null, signIn: { reason: null, login: null, oidc: false } });
    expect(await refusedDa(c.host.invoke('committees.list', {}))).toBe(`Log ind på serveren ${base} først.`);
    await ok(c.call('connection.signIn', { login: 'Anne', password: PASSWORD }));
    const kept = fs.readFileSync(path.join(dataDir, CONNECTION_FILE), 'utf8');
    expect(JSON.parse(kept)).toEqual({ mode: 'server', url: base, login: 'anne' });
    expect(kept).not.toContain(PASSWORD);
    // The next start: the same server, her login name filled in, and she signs in again.
    const next = connect();
    expect(await ok<ConnectionState>(next.call('connection.status', {}))).toMatchObject({ mode: 'server', url: base, account: null, signIn: { reason: null, login: 'anne' } });
    // Back to her own file, remembered too; the server's address stays for next time.
    expect(await ok<ConnectionState>(next.call('connection.use', { mode: 'local' }))).toMatchObject({ mode: 'local', url: base, signIn: null });
    expect(await names(next)).toEqual(['Min egen fil']);
    expect(await ok<ConnectionState>(connect().call('connection.status', {}))).toMatchObject({ mode: 'local', url: base });
  });

  test('$REFERENT_SERVER is the administrator’s override: the server is used, and the screen cannot change it', async () => {
    const c = connect({ env: { REFERENT_SERVER: base } });
    expect(await ok<ConnectionState>(c.call('connection.status', {}))).toMatchObject({ mode: 'server', url: base, override: true, signIn: { reason: null } });
    expect(await refusedDa(c.call('connection.use', { mode: 'local' }))).toBe(`Administratoren har indstillet denne computer til at arbejde mod ${base} ($REFERENT_SERVER); det kan ikke ændres her.`);
    await ok(c.call('connection.signIn', { login: 'anne', password: PASSWORD }));
    expect(await names(c)).toEqual(['Økonomiudvalget']);
  });
});

describe('signing in with a local account', () => {
  test('the calls then go to the server as her account: her committees, her name on what she changes', async () => {
    const c = await signedIn();
    const state = await ok<ConnectionState>(c.call('connection.status', {}));
    expect(state).toMatchObject({ mode: 'server', signIn: null, account: { login: 'anne', displayName: 'Anne Holm' } });
    // The page is told who she is, never the session: nothing of the cookie is in what it gets.
    expect(Object.keys(state).sort()).toEqual(['account', 'mode', 'override', 'signIn', 'url']);
    expect(await names(c)).toEqual(['Økonomiudvalget']);
    const okonomi = (await call(ctx, 'committees.list', {})).find((x) => x.name === 'Økonomiudvalget')!;
    await ok(c.host.invoke('meetings.create', { committeeId: okonomi.id, start: '2027-03-02T16:00' }));
    const entry = await ctx.store.db.selectFrom('change_log').select(['author']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.author).toBe('Anne Holm (anne)');
    // The laptop's file is untouched.
    expect((await call(laptop, 'committees.list', {})).map((x) => x.name)).toEqual(['Min egen fil']);
  });

  test('a wrong password, a locked and a disabled account, and a server that cannot be reached: one Danish sentence each', async () => {
    const c = connect();
    await ok(c.call('connection.use', { mode: 'server', url: base }));
    expect(await refusedDa(c.call('connection.signIn', { login: 'anne', password: 'forkert forkert' }))).toBe('Brugernavnet eller adgangskoden er forkert.');
    expect(await refusedDa(c.call('connection.signIn', { login: 'zoe', password: 'forkert forkert' }))).toBe('Brugernavnet eller adgangskoden er forkert.');
    for (let i = 0; i < 4; i++) await refusedDa(c.call('connection.signIn', { login: 'anne', password: `gæt nummer ${i}!` }));
    expect(await refusedDa(c.call('connection.signIn', { login: 'anne', password: PASSWORD }))).toBe(
      'For mange forkerte adgangskoder til dette brugernavn; vent et kvarter, eller bed en administrator om en ny adgangskode.',
    );
    await call(ctx, 'accounts.add', { login: 'bo', displayName: 'Bo Jensen', password: 'blå bil i regn' });
    await call(ctx, 'accounts.update', { login: 'bo', disabled: true });
    expect(await refusedDa(c.call('connection.signIn', { login: 'bo', password: 'blå bil i regn' }))).toBe('Kontoen er spærret; spørg en administrator.');
    expect((await ok<ConnectionState>(c.call('connection.status', {}))).account).toBeNull();
    await server.close();
    // The cause in brackets, in words: refused, or (a connection kept from before) broken off.
    expect(await refusedDa(c.call('connection.signIn', { login: 'bo', password: 'blå bil i regn' }))).toMatch(
      new RegExp(`^Serveren ${base} kan ikke nås \\((intet svarer på adressen|forbindelsen blev afbrudt)\\)\\. Kontrollér adressen og netværket, og prøv igen\\.$`),
    );
  });

  test('"Log ud" ends the session on the server too', async () => {
    const c = await signedIn();
    expect(await ctx.store.db.selectFrom('sessions').select('account_id').execute()).toHaveLength(1);
    expect(await ok<ConnectionState>(c.call('connection.signOut', {}))).toMatchObject({ mode: 'server', account: null, signIn: { reason: null, login: 'anne' } });
    expect(await ctx.store.db.selectFrom('sessions').select('account_id').execute()).toHaveLength(0);
    expect(await refusedDa(c.host.invoke('committees.list', {}))).toBe(`Log ind på serveren ${base} først.`);
  });
});

describe('the session ends', () => {
  const ENDED = 'Din session på serveren er slut (den er udløbet, eller serveren har afsluttet den); log ind igen. Det, du ikke nåede at gemme, gemmes, når du er logget ind.';

  test('after 12 hours the server refuses it: the next call says so and the sign-in screen gives the sentence', async () => {
    const c = await signedIn();
    await ctx.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect(await refusedDa(c.host.invoke('committees.list', {}))).toBe('Du er ikke logget ind, eller din session er udløbet; log ind igen.');
    expect(await ok<ConnectionState>(c.call('connection.status', {}))).toMatchObject({ account: null, signIn: { reason: { messageDa: ENDED }, login: 'anne' } });
    await ok(c.call('connection.signIn', { login: 'anne', password: PASSWORD }));
    expect(await names(c)).toEqual(['Økonomiudvalget']);
    expect((await ok<ConnectionState>(c.call('connection.status', {}))).signIn).toBeNull();
  });

  test('the app knows the 12 hours itself: past them it asks for a sign-in before calling', async () => {
    let clock = Date.now();
    const c = await signedIn(connect({ now: () => clock }));
    clock += 12 * 3_600_000 + 1000;
    expect(await refusedDa(c.host.invoke('committees.list', {}))).toBe(`Log ind på serveren ${base} først.`);
    expect(await ok<ConnectionState>(c.call('connection.status', {}))).toMatchObject({ signIn: { reason: { messageDa: ENDED } } });
  });

  test('a server restart: while it is down each call says so and changes nothing; back up, she works on; a server that lost the session sends her to sign in', async () => {
    const c = await signedIn();
    const port = server.port;
    await server.close();
    expect(await refusedDa(c.host.invoke('committees.list', {}))).toMatch(
      new RegExp(`^Serveren ${base} kan ikke nås \\((intet svarer på adressen|forbindelsen blev afbrudt)\\); intet blev ændret\\. Kontrollér netværket, og prøv igen\\.$`),
    );
    expect((await ok<ConnectionState>(c.call('connection.status', {}))).account?.login).toBe('anne');
    server = await startWebServer({ host: serverHost, staticDir, accounts: {}, port });
    expect(await names(c)).toEqual(['Økonomiudvalget']);
    // Restarted over a database without her session (restored from a backup, say).
    await ctx.store.db.deleteFrom('sessions').execute();
    expect(await refusedDa(c.host.invoke('committees.list', {}))).toBe('Du er ikke logget ind, eller din session er udløbet; log ind igen.');
    expect(await ok<ConnectionState>(c.call('connection.status', {}))).toMatchObject({ signIn: { reason: { messageDa: ENDED } } });
  });
});

describe('a server that does not answer', () => {
  /** Accepts the connection and never says a word (a server hung, or a firewall that swallows packets). */
  async function silentServer() {
    const silent = net.createServer();
    const asked: { closed: boolean; socket: net.Socket }[] = [];
    silent.on('connection', (socket) => {
      const one = { closed: false, socket };
      socket.on('close', () => (one.closed = true));
      asked.push(one);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const close = async (): Promise<void> => {
      for (const a of asked) a.socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    };
    return { silent, asked, url, close };
  }

  test('the status answers from what is known while the probe waits behind it, and asks the server once, not at every look', async () => {
    const { silent, asked, url, close } = await silentServer();
    try {
      // The app starts on the server she chose yesterday.
      fs.writeFileSync(path.join(dataDir, CONNECTION_FILE), JSON.stringify({ mode: 'server', url, login: 'anne' }));
      const c = connect();
      const reached = once(silent, 'connection');
      const status = await ok<ConnectionState>(c.call('connection.status', {}));
      // The page is told the answer is still coming, so that it asks again (the login button may yet appear).
      expect(status).toMatchObject({ mode: 'server', url, account: null, signIn: { reason: null, login: 'anne', oidc: false, checking: true } });
      await reached;
      // Answered while the server still had the question: the probe had neither its answer nor given up.
      expect(asked.map((a) => a.closed)).toEqual([false]);
      // Every screen asks again: each answer comes without a new question to the silent server.
      for (let i = 0; i < 3; i++) expect(await ok<ConnectionState>(c.call('connection.status', {}))).toEqual(status);
      expect(asked.length).toBe(1);
      // The server hangs up: the probe has its answer (none), and the page stops asking.
      asked[0]!.socket.destroy();
      await expect.poll(async () => (await ok<ConnectionState>(c.call('connection.status', {}))).signIn?.checking).toBe(false);
    } finally {
      await close();
    }
  });

  test('she turns to another server while the first is still silent: the status speaks of the one she chose, and the page stops asking', async () => {
    const { silent, asked, url, close } = await silentServer();
    try {
      fs.writeFileSync(path.join(dataDir, CONNECTION_FILE), JSON.stringify({ mode: 'server', url, login: 'anne' }));
      const c = connect();
      const reached = once(silent, 'connection');
      expect((await ok<ConnectionState>(c.call('connection.status', {}))).signIn?.checking).toBe(true);
      await reached;
      // The server she turns to has answered (connection.use tried it): nothing about it is still coming.
      const chosen = await ok<ConnectionState>(c.call('connection.use', { mode: 'server', url: base }));
      expect(chosen).toMatchObject({ url: base, signIn: { oidc: false, checking: false } });
      expect(await ok<ConnectionState>(c.call('connection.status', {}))).toEqual(chosen);
      // The silent server's question is still out, and was asked once.
      expect(asked.map((a) => a.closed)).toEqual([false]);
    } finally {
      await close();
    }
  });
});

describe('the browser shell standing in for the main process', () => {
  test('its connection routes answer only its own page with its token; referent serve has none', async () => {
    const c = connect();
    const shell = await startWebServer({ host: c.host, connection: c, staticDir });
    try {
      const post = (headers: Record<string, string>) =>
        rawRequest(shell.port, '/shell/connection.status', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
      const own = await post({ Authorization: `Bearer ${shell.token}`, Origin: `http://127.0.0.1:${shell.port}` });
      expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: { mode: 'local', signIn: null } });
      expect((await post({})).status).toBe(401);
      expect((await post({ Authorization: `Bearer ${shell.token}`, Origin: 'https://evil.example' })).status).toBe(403);
    } finally {
      await shell.close();
    }
    // On the server users open in their browsers, the route is no route: the page there signs in itself.
    const there = await rawRequest(server.port, '/shell/connection.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(JSON.parse(there.body).ok).toBe(false);
  });

  test('a password with æ, ø and å reaches the server whole when the page’s request comes in two packets split inside a letter', async () => {
    await call(ctx, 'accounts.add', { login: 'soren', displayName: 'Søren Ørsted', password: 'blåbærgrød' });
    const c = connect();
    await ok(c.call('connection.use', { mode: 'server', url: base }));
    const shell = await startWebServer({ host: c.host, connection: c, staticDir });
    try {
      const signIn = await rawRequest(shell.port, '/shell/connection.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shell.token}`, Origin: `http://127.0.0.1:${shell.port}` },
        body: splitInsideLetter(JSON.stringify({ login: 'soren', password: 'blåbærgrød' })),
      });
      expect(JSON.parse(signIn.body)).toMatchObject({ ok: true, value: { mode: 'server', account: { login: 'soren', displayName: 'Søren Ørsted' } } });
    } finally {
      await shell.close();
    }
  });
});
