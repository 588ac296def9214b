// `referent serve`'s HTTP side (issue 14 §3): the sign-in page, sessions in HttpOnly cookies made
// anew at each sign-in and ended at sign-out, every Api call made as the signed-in account, the
// Origin and Host checks, slowed guessing, and no listening beyond loopback without accounts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BindRefused, startWebServer, type WebServer } from '../../src-main/web/server';
import type { ApiHost } from '../../src-main/host/api-host';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { call } from '../../src-main/core/dispatch';
import { runCli } from '../../src-main/cli/run';
import type { CoreContext } from '../../src-main/core/context';
import { reopenTestStore, tempDir, testContext } from '../helpers/store';
import { rawRequest, splitInsideLetter, type RawOptions, type RawReply } from '../helpers/raw-request';

let server: WebServer;
let host: ApiHost;
let ctx: CoreContext;
let staticDir: string;

beforeEach(async () => {
  staticDir = tempDir('referent-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Referent app</title>');
  ctx = testContext();
  const okonomi = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
  await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-year' });
  await call(ctx, 'accounts.add', { login: 'anne', displayName: 'Anne Holm', password: 'korrekt hest batteri' });
  await call(ctx, 'accounts.setRole', { login: 'anne', committeeId: okonomi.id, role: 'secretary' });
  host = inProcessHost(ctx);
  server = await startWebServer({ host, staticDir, accounts: {} });
});
afterEach(async () => {
  await server.close();
  await host.close();
});

/** A raw request, so that Host and Origin can be set as an attacker would. */
const request = (pathname: string, opts: RawOptions = {}): Promise<RawReply> => rawRequest(server.port, pathname, opts);

const origin = () => `http://127.0.0.1:${server.port}`;
const signIn = (login: string, password: string, cookie?: string) =>
  request('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin(), ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ login, password }).toString(),
  });
const jarOf = (r: RawReply): string => (r.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
const api = (op: string, input: unknown, cookie: string, headers: Record<string, string> = {}) =>
  request(`/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin(), Cookie: cookie, ...headers }, body: JSON.stringify(input) });

describe('signing in', () => {
  test('the app page sends a stranger to the Danish sign-in page', async () => {
    const app = await request('/');
    expect(app.status).toBe(303);
    expect(app.headers.location).toBe('/login');
    const page = await request('/login');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="da">');
    expect(page.body).toContain('Brugernavn');
    expect(page.body).toContain('<button type="submit">Log ind</button>');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect((await api('committees.list', {}, '')).status).toBe(401);
  });

  test('a wrong password is refused with one sentence, the same as an unknown login', async () => {
    const wrong = await signIn('anne', 'forkert forkert');
    const unknown = await signIn('zoe', 'forkert forkert');
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.body).toContain('Brugernavnet eller adgangskoden er forkert.');
      expect(r.body).toContain('The login name or the password is wrong.');
    }
  });

  test('a password with æ, ø and å signs in when a letter is split between two packets of the form', async () => {
    await call(ctx, 'accounts.add', { login: 'soren', displayName: 'Søren Ørsted', password: 'rødgrød med fløde på' });
    // A client may send the form's letters as UTF-8 rather than %-escaped; TCP may cut one in two.
    const form = (password: string) =>
      request('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin() }, body: splitInsideLetter(`login=soren&password=${password}`) });
    const signedIn = await form('rødgrød med fløde på');
    expect(signedIn.status).toBe(303);
    expect(JSON.parse((await api('accounts.me', {}, jarOf(signedIn))).body).value).toMatchObject({ login: 'soren', displayName: 'Søren Ørsted' });
    expect((await form('rødgrød med fløde')).status).toBe(401);
  });

  test('a form larger than the limit is refused with one sentence, not read as empty', async () => {
    const r = await request('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin() }, body: `login=anne&password=${'x'.repeat(9000)}` });
    expect(r.status).toBe(413);
    expect(r.body).toContain('Forespørgslen er for stor.');
  });

  test('a session cookie is HttpOnly and SameSite=Lax; the Api answers as the account, with her committees only', async () => {
    const r = await signIn('anne', 'korrekt hest batteri');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = r.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^referent-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const jar = jarOf(r);
    expect((await request('/', { headers: { Cookie: jar } })).body).toContain('Referent app');
    const list = JSON.parse((await api('committees.list', {}, jar)).body);
    expect(list.value.map((c: { name: string }) => c.name)).toEqual(['Økonomiudvalget']);
    const me = JSON.parse((await api('accounts.me', {}, jar)).body);
    expect(me.value).toMatchObject({ login: 'anne', displayName: 'Anne Holm', roles: [{ committee: 'Økonomiudvalget', role: 'secretary' }] });
    // Only the id's hash is kept: a copy of the database signs nobody in.
    const rows = await ctx.store.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toContain(jar.split('=')[1]!);
  });

  test('signing in again replaces the session; signing out ends it', async () => {
    const first = jarOf(await signIn('anne', 'korrekt hest batteri'));
    const second = jarOf(await signIn('anne', 'korrekt hest batteri', first));
    expect(second).not.toBe(first);
    expect((await api('committees.list', {}, first)).status).toBe(401);
    expect((await api('committees.list', {}, second)).status).toBe(200);
    const out = await request('/auth/logout', { method: 'POST', headers: { Origin: origin(), Cookie: second } });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login?signed-out');
    expect(out.headers['set-cookie']![0]).toMatch(/^referent-session=; .*Max-Age=0/);
    const after = await api('committees.list', {}, second);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body).error.messageDa).toBe('Du er ikke logget ind, eller din session er udløbet; log ind igen.');
    expect((await request('/login?signed-out')).body).toContain('Du er logget ud.');
  });

  test('a disabled account is signed out at once', async () => {
    const jar = jarOf(await signIn('anne', 'korrekt hest batteri'));
    await call(ctx, 'accounts.update', { login: 'anne', disabled: true });
    expect((await api('committees.list', {}, jar)).status).toBe(401);
    expect((await signIn('anne', 'korrekt hest batteri')).body).toContain('Kontoen er spærret; spørg en administrator.');
  });

  test('after five wrong passwords the login name is refused for a while, even with the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('anne', `gæt nummer ${i}!`)).status).toBe(401);
    const blocked = await signIn('anne', 'korrekt hest batteri');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toContain('For mange forkerte adgangskoder til dette brugernavn');
    expect(blocked.headers['set-cookie']).toBeUndefined();
  });
});

describe('requests from elsewhere', () => {
  test('another site’s page is refused, on the Api and on the sign-in form; a foreign Host too', async () => {
    const jar = jarOf(await signIn('anne', 'korrekt hest batteri'));
    expect((await api('committees.list', {}, jar, { Origin: 'https://evil.example' })).status).toBe(403);
    const forged = await request('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' }, body: 'login=anne&password=korrekt+hest+batteri' });
    expect(forged.status).toBe(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
    expect((await request('/login', { headers: { Host: `evil.example:${server.port}` } })).status).toBe(421);
  });

  test('behind https the cookie is Secure with the __Host- prefix, and the public address is accepted', async () => {
    const secure = await startWebServer({ host, staticDir, accounts: { publicUrl: 'https://referent.kommune.dk' } });
    try {
      const r = await rawRequest(secure.port, '/auth/login', { method: 'POST', headers: { Host: 'referent.kommune.dk', Origin: 'https://referent.kommune.dk', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'login=anne&password=korrekt+hest+batteri' });
      expect(r.status).toBe(303);
      expect(r.headers['set-cookie']![0]).toMatch(/^__Host-referent-session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/);
    } finally {
      await secure.close();
    }
  });
});

describe('listening beyond this machine', () => {
  test('the single user’s token mode refuses to, with one sentence', async () => {
    await expect(startWebServer({ host, staticDir, bindHost: '0.0.0.0' })).rejects.toThrow(
      new BindRefused('Referent will not listen on 0.0.0.0 without accounts: beyond this machine it runs only as `referent serve`, where everyone signs in.'),
    );
  });

  test('referent serve refuses to while nobody can sign in', async () => {
    const dir = tempDir('referent-serve-');
    const db = path.join(dir, 'empty.sqlite');
    let err = '';
    const code = await runCli(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0', '--public-url', 'https://referent.kommune.dk', '--static', staticDir], {
      out: () => {},
      err: (t) => (err += t),
      dbFile: (f) => f ?? db,
      open: async (f) => ({ store: await reopenTestStore(f ?? db), shell: 'cli', version: 'test' }),
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(err).toBe(
      'referent serve: Referent will not listen on 0.0.0.0 before anyone can sign in: add the first administrator with referent user add LOGIN --name "NAME" --admin --password-stdin, or configure the identity provider (--oidc-issuer).',
    );
  }, 120_000);
});

describe('referent user', () => {
  test('adds the first administrator with the password on standard input, sets a role, lists and disables', async () => {
    const dir = tempDir('referent-user-');
    const db = path.join(dir, 'referent.sqlite');
    const run = async (args: string[], stdin = '') => {
      let out = '';
      let err = '';
      const code = await runCli([...args, '--db', db], {
        out: (t) => (out += `${t}\n`),
        err: (t) => (err += `${t}\n`),
        open: async (f, mode) => ({ store: await reopenTestStore(f ?? db, { readOnly: mode?.readOnly === true }), shell: 'cli', version: 'test' }),
        stdin: async () => stdin,
        cwd: dir,
      });
      return { code, out, err };
    };
    expect((await run(['user', 'list'])).out).toContain('No accounts yet');
    expect(await run(['user', 'add', 'Mette', '--name', 'Mette Skov', '--admin', '--password-stdin'], 'et langt kodeord\n')).toMatchObject({
      code: 0,
      out: 'Added mette  Mette Skov  [admin]  (password; no roles).\n',
    });
    expect(await run(['user', 'add', 'ib', '--name', 'Ib'])).toMatchObject({ code: 2, err: expect.stringContaining('user add needs a way to sign in') });
    expect(await run(['user', 'add', 'ib', '--name', 'Ib', '--password-stdin'], 'kort\n')).toMatchObject({ code: 2, err: expect.stringContaining('password: must be at least 10 characters') });
    const store = await reopenTestStore(db);
    await call({ store, shell: 'cli', version: 'test' }, 'committees.create', { name: 'Økonomiudvalget', shortName: 'ØU', numbering: 'per-year' });
    await store.close();
    expect((await run(['user', 'role', 'mette', '--committee', 'øu', '--role', 'secretary'])).out).toBe('mette  Mette Skov  [admin]  (password; secretary of Økonomiudvalget).\n');
    expect((await run(['user', 'role', 'mette', '--committee', 'Kultur', '--role', 'reader'])).err).toContain('There is no committee called "Kultur" (there are: Økonomiudvalget).');
    expect((await run(['user', 'disable', 'mette'])).out).toBe('Disabled mette; its sessions have ended.\n');
    expect((await run(['user', 'list'])).out).toContain('mette  Mette Skov  [admin]  [disabled]');
    expect((await run(['user', 'passwd', 'mette'], 'endnu et langt kodeord\n')).out).toBe('Set a new password for mette; its sessions have ended.\n');
  }, 60_000);
});
