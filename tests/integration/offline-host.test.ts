// The app holding two archives (issue 14 §4, host/laptop-hosts.ts): the page's operations go to the
// server or to the laptop's file as chosen; "take" checks the meeting out on the server and writes
// the copy into the file (or, when the copy cannot be written, frees the meeting again); "hand in"
// checks it in and only then releases the copy, so an unreachable server, or an answer lost on the
// way, never loses it; the result says what changed. The server is the browser shell's HTTP
// adapter over a store; the laptop is a SQLite file behind its own host.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import type { HandInReport, OfflineState } from '../../src-shared/api/offline';
import type { CheckoutInfo } from '../../src-shared/api/checkout';
import type { Result } from '../../src-shared/result';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { verifyChain } from '../../src-main/core/changelog/changelog';
import { openSqliteStore, SCHEMA_VERSION } from '../../src-main/core/store/open';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { laptopHosts, type LaptopHosts, type LaptopHostsOptions } from '../../src-main/host/laptop-hosts';
import type { ApiHost } from '../../src-main/host/api-host';
import { remoteApiHost } from '../../src-main/host/remote-host';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { tempDir, testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, seedMeetingDay } from './meetingday-fixture';

const OBU = 'Organisations- og Beredskabsudvalget';
const NOTAT = Buffer.from('%PDF-1.7\nNotat skrevet offline\n%%EOF\n');

let web: WebServer | null = null;
let server: CoreContext;
let laptop: CoreContext;
let app: LaptopHosts | null = null;
const staticDir = (): string => {
  const dir = tempDir('referent-static-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Referent</title>');
  return dir;
};
afterEach(async () => {
  await web?.close();
  await app?.host.close();
  await server?.store.close();
  web = app = null;
});

/** The laptop's file and the server (or none), as the app's connection hands them over. */
const hosts = (file: ApiHost, remote: { url: string; host: ApiHost } | null): LaptopHostsOptions => ({ laptop: async () => file, server: () => remote, holder: 'Anne Holm', close: () => file.close() });

/** A served archive, and a laptop app (its own file) connected to it with the server's token. */
async function start(fetchFn?: typeof fetch) {
  server = testContext();
  await seedMeetingDay(server);
  web = await startWebServer({ host: inProcessHost(server), staticDir: staticDir() });
  const url = `http://127.0.0.1:${web.port}`;
  laptop = testContext(openSqliteStore(path.join(tempDir(), 'laptop.sqlite')));
  app = await laptopHosts(hosts(inProcessHost(laptop), { url, host: remoteApiHost({ url, token: web.token, ...(fetchFn ? { fetch: fetchFn } : {}) }) }));
  return { url, app };
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  return r.value as T;
};
const offline = async <T>(name: string, input: unknown): Promise<T> => value<T>(await app!.offline.invoke(name, input));
const meetingOf = async (ctx: CoreContext) => (await call(ctx, 'exchange.export', { committee: OBU })).committees[0]!.meetings.find((m) => m.id === MEETING);

describe('the laptop app with a server and its own file', () => {
  test('takes a meeting offline, works on the copy in the file, and hands it in with what changed', async () => {
    const { url, app } = await start();
    expect(await offline<OfflineState>('offline.state', {})).toEqual({ server: { url }, archive: 'server', copies: [], unopened: null });
    // The page's operations go to the server: the meeting is there, not in the empty file.
    expect((await app.host.invoke('meetings.get', { id: MEETING })).ok).toBe(true);

    const copy = await offline<CheckoutInfo>('offline.take', { meetingId: MEETING });
    expect([copy.role, copy.holder, copy.committee]).toEqual(['copy', 'Anne Holm', OBU]);
    const held = await call(server, 'checkout.status', { meetingId: MEETING });
    expect([held?.role, held?.holder]).toEqual(['server', 'Anne Holm']);
    // Still on the server: an edit there is refused, it is held.
    const refused = await app.host.invoke('meetings.update', { id: MEETING, location: 'Byrådssalen' });
    expect(refused.ok || refused.error.code).toBe('Locked');

    // To the file: the same page operations now edit the copy.
    expect((await offline<OfflineState>('offline.use', { archive: 'laptop' })).archive).toBe('laptop');
    const view = value<Awaited<ReturnType<typeof seedMeetingDay>>>(await app.host.invoke('meetingday.get', { meetingId: MEETING }));
    value(await app.host.invoke('meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent }));
    value(await app.host.invoke('agenda.updateItem', { itemId: itemId(view, 2), title: 'Omdøbt offline' }));
    value(await app.host.invoke('agenda.addAttachment', { itemId: itemId(view, 3), fileName: 'Notat.pdf', base64: NOTAT.toString('base64') }));
    const onLaptop = await meetingOf(laptop);

    const report = await offline<HandInReport>('offline.handIn', { meetingId: MEETING });
    expect(report).toEqual({ meetingId: MEETING, committee: OBU, start: copy.start, entries: 3, files: 1, items: 8, itemsChanged: 2, attachmentsAdded: 1, alreadyMerged: false });
    expect(await meetingOf(server)).toEqual(onLaptop);
    expect((await verifyChain(server.store.db)).fault).toBeNull();
    expect(await call(laptop, 'checkout.copies', {})).toEqual([]);
    expect(await call(server, 'checkout.status', { meetingId: MEETING })).toBeNull();
    // Back on the server, the meeting can be edited again.
    await offline('offline.use', { archive: 'server' });
    expect((await app.host.invoke('meetings.update', { id: MEETING, location: 'Byrådssalen' })).ok).toBe(true);
  });

  test('an unreachable server refuses the hand-in in one sentence and the copy stays, whole; once back, it is handed in', async () => {
    const { url, app } = await start();
    await offline('offline.take', { meetingId: MEETING });
    // Working offline was chosen when the app started again with a copy in its file.
    const again = await laptopHosts(hosts(inProcessHost(laptop), { url, host: remoteApiHost({ url, token: web!.token }) }));
    expect(again.archive()).toBe('laptop');
    await offline('offline.use', { archive: 'laptop' });
    const view = value<Awaited<ReturnType<typeof seedMeetingDay>>>(await app.host.invoke('meetingday.get', { meetingId: MEETING }));
    value(await app.host.invoke('agenda.updateItem', { itemId: itemId(view, 2), title: 'Omdøbt offline' }));
    const port = web!.port;
    const token = web!.token;
    await web!.close();
    web = null;

    const r = await app.offline.invoke('offline.handIn', { meetingId: MEETING });
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'Busy', messageDa: expect.stringMatching(new RegExp(`^Serveren ${url} kan ikke nås \\(intet svarer på adressen\\); intet blev ændret\\.`)) }) });
    expect((await call(laptop, 'checkout.copies', {})).map((c) => c.meetingId)).toEqual([MEETING]);
    expect((await call(laptop, 'agenda.get', { meetingId: MEETING })).items[1]!.title).toBe('Omdøbt offline');
    expect((await verifyChain(laptop.store.db)).fault).toBeNull();

    web = await startWebServer({ host: inProcessHost(server), staticDir: staticDir(), port, token });
    const report = await offline<HandInReport>('offline.handIn', { meetingId: MEETING });
    expect([report.entries, report.itemsChanged, report.alreadyMerged]).toEqual([1, 1, false]);
    expect((await call(server, 'agenda.get', { meetingId: MEETING })).items[1]!.title).toBe('Omdøbt offline');
  });

  test('a hand-in whose answer was lost on the way is found merged at the next try, and only the copy is released', async () => {
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      // The server took it; the answer never reaches the laptop.
      if (String(input).endsWith('/api/checkout.checkin') && lose) {
        lose = false;
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      }
      return res;
    };
    const { app } = await start(losing);
    await offline('offline.take', { meetingId: MEETING });
    await offline('offline.use', { archive: 'laptop' });
    const view = value<Awaited<ReturnType<typeof seedMeetingDay>>>(await app.host.invoke('meetingday.get', { meetingId: MEETING }));
    value(await app.host.invoke('agenda.updateItem', { itemId: itemId(view, 2), title: 'Omdøbt offline' }));

    const lost = await app.offline.invoke('offline.handIn', { meetingId: MEETING });
    expect(lost.ok || lost.error.code).toBe('Busy');
    expect((await call(laptop, 'checkout.copies', {})).length).toBe(1);
    const entries = await server.store.db.selectFrom('change_log').select('action').where('action', '=', 'meeting.checkin').execute();
    expect(entries.length).toBe(1);

    const report = await offline<HandInReport>('offline.handIn', { meetingId: MEETING });
    expect([report.alreadyMerged, report.entries]).toEqual([true, 1]);
    expect(await call(laptop, 'checkout.copies', {})).toEqual([]);
    // Merged once.
    expect((await server.store.db.selectFrom('change_log').select('action').where('action', '=', 'meeting.checkin').execute()).length).toBe(1);
  });

  test('a copy that cannot be written frees the meeting on the server again', async () => {
    const { app } = await start();
    // The laptop's file holds a copy of the meeting already (its checkout was released on the server since).
    await call(laptop, 'checkout.receive', { package: await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Carl' }) });
    await call(server, 'checkout.release', { meetingId: MEETING, holder: 'Carl' });
    const r = await app.offline.invoke('offline.take', { meetingId: MEETING });
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'Conflict', messageDa: `Denne fil har allerede mødet i ${OBU} taget med offline (en kopi, der ikke er afleveret); aflever det først.` }) });
    expect(await call(server, 'checkout.status', { meetingId: MEETING })).toBeNull();
    const last = await server.store.db.selectFrom('change_log').select(['action', 'payload']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect([last.action, JSON.parse(last.payload).holder]).toEqual(['meeting.checkout-release', 'Anne Holm']);
  });

  test('a laptop file that will not open is said to, with why, never as "no copies"; nothing is taken or handed in until it opens', async () => {
    server = testContext();
    await seedMeetingDay(server);
    web = await startWebServer({ host: inProcessHost(server), staticDir: staticDir() });
    const url = `http://127.0.0.1:${web.port}`;
    // The laptop's file, written by a newer Referent (as after a downgrade): it does not open.
    const file = path.join(tempDir(), 'laptop.sqlite');
    await openSqliteStore(file).close();
    const setVersion = (v: number): void => {
      const raw = new BetterSqlite3(file);
      raw.pragma(`user_version = ${v}`);
      raw.close();
    };
    setVersion(SCHEMA_VERSION + 1);
    // As the connection does: each use tries to open the file again until it opens.
    let opened: ApiHost | null = null;
    let tries = 0;
    const open = async (): Promise<ApiHost> => (tries++, (opened ??= inProcessHost(testContext(openSqliteStore(file)))));
    app = await laptopHosts({ laptop: open, file, server: () => ({ url, host: remoteApiHost({ url, token: web!.token }) }), holder: 'Anne Holm', close: async () => opened?.close() });

    const why = `Databasen ${file} er skrevet af en nyere Referent (skema ${SCHEMA_VERSION + 1}; denne version kender op til ${SCHEMA_VERSION}). Opdater Referent for at åbne den.`;
    const sentence = `Denne computers egen Referent-fil kunne ikke åbnes, så det vides ikke, hvilke møder den har taget med offline, og intet kan tages med offline eller afleveres, før den kan åbnes: ${why}`;
    const state = await offline<OfflineState>('offline.state', {});
    expect(state).toEqual({ server: { url }, archive: 'server', copies: null, unopened: { message: expect.stringMatching(/^This computer's own Referent file could not be opened/), messageDa: sentence } });
    for (const [name, input] of [['offline.take', { meetingId: MEETING }], ['offline.handIn', { meetingId: MEETING }], ['offline.use', { archive: 'laptop' }]] as const) {
      const r = await app.offline.invoke(name, input);
      expect(r.ok || [r.error.code, r.error.messageDa]).toEqual(['TooNew', sentence]);
    }
    // The server's meeting was not taken: nobody holds it, it is still editable there.
    expect(await call(server, 'checkout.status', { meetingId: MEETING })).toBeNull();
    expect(app.archive()).toBe('server');
    // Tried when the app started and when she chose her file; every other look, the file unchanged, says the same without opening it again.
    expect(await offline<OfflineState>('offline.state', {})).toEqual(state);
    expect(tries).toBe(2);

    // Once the file opens (Referent updated), its copies are known again and the meeting can be taken.
    setVersion(SCHEMA_VERSION);
    expect(await offline<OfflineState>('offline.state', {})).toEqual({ server: { url }, archive: 'server', copies: [], unopened: null });
    expect(tries).toBe(3);
    expect((await offline<CheckoutInfo>('offline.take', { meetingId: MEETING })).role).toBe('copy');
    // The copy written into the file changed it: its copies are read again, and then kept.
    const asked = tries;
    expect((await offline<OfflineState>('offline.state', {})).copies?.map((c) => c.meetingId)).toEqual([MEETING]);
    expect(await offline<OfflineState>('offline.state', {})).toMatchObject({ copies: [{ meetingId: MEETING, role: 'copy' }], unopened: null });
    expect(tries).toBe(asked + 1);
  });

  test('the offline operations check their input and say so in both languages; without a server there is nothing to take', async () => {
    const { app } = await start();
    expect(await app.offline.invoke('offline.nothing', {})).toEqual({ ok: false, error: { code: 'NotFound', message: 'There is no operation called "offline.nothing".', messageDa: 'Der findes ingen handling ved navn "offline.nothing".' } });
    const bad = await app.offline.invoke('offline.take', { meetingId: 'not-an-id' });
    expect(bad.ok || [bad.error.code, bad.error.message]).toEqual(['Invalid', 'meetingId: must be an id']);
    const file = testContext(openSqliteStore(path.join(tempDir(), 'alone.sqlite')));
    const alone = await laptopHosts(hosts(inProcessHost(file), null));
    expect(value<OfflineState>(await alone.offline.invoke('offline.state', {}))).toEqual({ server: null, archive: 'laptop', copies: [], unopened: null });
    expect(await alone.offline.invoke('offline.take', { meetingId: MEETING })).toEqual({
      ok: false,
      error: { code: 'Invalid', message: 'Referent is not connected to a server, so there is nothing to take offline or hand in.', messageDa: 'Referent er ikke forbundet til en server, så der er intet at tage med offline eller aflevere.' },
    });
    expect((await alone.offline.invoke('offline.use', { archive: 'server' })).ok).toBe(false);
    await alone.host.close();
  });
});

describe('the browser shell answers the offline operations', () => {
  test('at /shell/… with the token, like the Api; not without it, and not where none are wired', async () => {
    const { url, app } = await start();
    const laptopWeb = await startWebServer({ host: app.host, offline: app.offline, staticDir: staticDir() });
    const plainWeb = await startWebServer({ host: app.host, staticDir: staticDir() });
    try {
      const post = (w: WebServer, route: string, token?: string) =>
        fetch(`http://127.0.0.1:${w.port}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${w.port}`, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: '{}' });
      const ok = await post(laptopWeb, '/shell/offline.state', laptopWeb.token);
      expect(await ok.json()).toEqual({ ok: true, value: { server: { url }, archive: 'server', copies: [], unopened: null } });
      expect((await post(laptopWeb, '/shell/offline.state')).status).toBe(401);
      const plain = await post(plainWeb, '/shell/offline.state', plainWeb.token);
      expect(plain.status).toBe(405);
    } finally {
      await laptopWeb.close();
      await plainWeb.close();
    }
  });
});
