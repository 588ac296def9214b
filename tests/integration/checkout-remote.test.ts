// The laptop against a server over HTTP (issue 14 §4): `referent checkout` takes the meeting from
// the server's Api into a local file, the server shows it held, `referent checkin` brings the
// offline work back and the server's export equals the laptop's. The remote ApiHost says an
// unreachable server or a wrong token in one sentence. The server is the browser shell's HTTP
// adapter over a store (SQLite, or PostgreSQL in the matrix); the laptop is a SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { verifyChain } from '../../src-main/core/changelog/changelog';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { remoteApiHost, serverFromEnv, signIn } from '../../src-main/host/remote-host';
import { openSqliteStore } from '../../src-main/core/store/open';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { cli } from '../helpers/cli';
import { tempDir, testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, seedMeetingDay } from './meetingday-fixture';

const OBU = 'Organisations- og Beredskabsudvalget';
const NOTAT = Buffer.from('%PDF-1.7\nNotat skrevet offline\n%%EOF\n');

let web: WebServer | null = null;
let server: CoreContext | null = null;
afterEach(async () => {
  await web?.close();
  await server?.store.close();
  web = server = null;
});

async function startServer() {
  server = testContext();
  await seedMeetingDay(server);
  const staticDir = tempDir('referent-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Referent</title>');
  web = await startWebServer({ host: inProcessHost(server), staticDir });
  const base = `http://127.0.0.1:${web.port}`;
  return { server, web, base, laptop: path.join(tempDir(), 'laptop.sqlite') };
}

async function meetingOf(ctx: CoreContext): Promise<unknown> {
  const doc = await call(ctx, 'exchange.export', { committee: OBU });
  return doc.committees[0]!.meetings.find((m) => m.id === MEETING);
}

describe('referent checkout and checkin against a server', () => {
  test('take the meeting to a laptop file, hold it on the server, and bring the offline work back exactly', async () => {
    const { server, web, base, laptop } = await startServer();
    const out = await cli(['checkout', '--server', base, '--meeting', MEETING, '--as', 'Anne Holm', '--token', web.token, '--db', laptop]);
    expect(out).toMatchObject({ code: 0, err: '' });
    expect(out.out).toBe(`Checked out the meeting of ${OBU} on 02-06-2026 into ${laptop} as Anne Holm; on the server it is read-only until "referent checkin".\n`);

    // Held on the server, as another secretary sees it through the same Api.
    const remote = remoteApiHost({ url: base, token: web.token });
    const refused = await remote.invoke('meetings.update', { id: MEETING, location: 'Byrådssalen' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^The meeting of Organisations- og Beredskabsudvalget on 02-06-2026 is checked out to Anne Holm for offline work \(since \d\d:\d\d on \d\d-\d\d-\d{4}\); it can be read, but not changed until it is checked in\.$/);
    const read = await remote.invoke('meetings.get', { id: MEETING });
    expect(read.ok).toBe(true);

    // The meeting day, offline.
    const store = openSqliteStore(laptop);
    const ctx = testContext(store);
    const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 1), outcome: 'approved' });
    await call(ctx, 'agenda.addItem', { meetingId: MEETING, title: 'Punkt tilføjet på mødet' });
    await call(ctx, 'agenda.addAttachment', { itemId: itemId(view, 3), fileName: 'Notat.pdf', base64: NOTAT.toString('base64') });
    const onLaptop = await meetingOf(ctx);
    await store.close();

    const back = await cli(['checkin', '--server', base, '--meeting', MEETING, '--token', web.token, '--db', laptop]);
    expect(back).toMatchObject({ code: 0, err: '' });
    expect(back.out).toBe('Checked in: the server took the meeting (9 item(s)), 4 change(s) made offline and 1 attachment file(s); it can be edited on the server again.\n');
    expect(await meetingOf(server)).toEqual(onLaptop);
    expect((await verifyChain(server.store.db)).fault).toBeNull();
    expect((await remote.invoke('meetings.update', { id: MEETING, location: 'Byrådssalen' })).ok).toBe(true);

    // Checked in once: a second check-in finds no copy on the laptop.
    const again = await cli(['checkin', '--server', base, '--meeting', MEETING, '--token', web.token, '--db', laptop]);
    expect(again).toMatchObject({ code: 2, err: 'referent checkin: This file holds no checked-out copy of that meeting.\n' });
  });

  test('referent checkin sent again after the server took it (the answer lost on the way) releases the copy, and nothing is merged twice', async () => {
    const { server, web, base, laptop } = await startServer();
    expect((await cli(['checkout', '--server', base, '--meeting', MEETING, '--as', 'Anne Holm', '--token', web.token, '--db', laptop])).code).toBe(0);
    const ctx = testContext(openSqliteStore(laptop));
    await call(ctx, 'meetings.update', { id: MEETING, location: 'Byrådssalen' });
    // The first try reached the server, which took it; its answer never came back.
    await call(server, 'checkout.checkin', { package: await call(ctx, 'checkout.prepare', { meetingId: MEETING }) });
    await ctx.store.close();
    const { entries } = await verifyChain(server.store.db);

    const again = await cli(['checkin', '--server', base, '--meeting', MEETING, '--token', web.token, '--db', laptop]);
    expect(again).toEqual({ code: 0, out: `Checked in already: the server had taken this copy at an earlier try whose answer was lost; nothing was sent twice, and the copy in ${laptop} is released.\n`, err: '' });
    expect((await verifyChain(server.store.db)).entries).toBe(entries);
    const after = testContext(openSqliteStore(laptop));
    expect(await call(after, 'checkout.copies', {})).toEqual([]);
    await after.store.close();
  });

  test('a second laptop cannot take a held meeting, and a copy that cannot be written leaves the meeting free', async () => {
    const { web, base, laptop } = await startServer();
    expect((await cli(['checkout', '--server', base, '--meeting', MEETING, '--as', 'Anne Holm', '--token', web.token, '--db', laptop])).code).toBe(0);
    const other = await cli(['checkout', '--server', base, '--meeting', MEETING, '--as', 'Bo Jensen', '--token', web.token, '--db', path.join(tempDir(), 'bo.sqlite')]);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/^referent checkout: The meeting of Organisations- og Beredskabsudvalget on 02-06-2026 is checked out to Anne Holm for offline work/);
    await cli(['checkin', '--server', base, '--meeting', MEETING, '--token', web.token, '--db', laptop]);

    // A laptop file that still holds a copy of the meeting (its checkout was released on the server):
    // taking the meeting into it again fails, and the command frees the meeting on the server again.
    const s = server!;
    const laptop2 = path.join(tempDir(), 'laptop2.sqlite');
    const l2 = testContext(openSqliteStore(laptop2));
    await call(l2, 'checkout.receive', { package: await call(s, 'checkout.take', { meetingId: MEETING, holder: 'Carl' }) });
    await l2.store.close();
    await call(s, 'checkout.release', { meetingId: MEETING, holder: 'Carl' });
    const twice = await cli(['checkout', '--server', base, '--meeting', MEETING, '--as', 'Carl', '--token', web.token, '--db', laptop2]);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('This file already holds the meeting of Organisations- og Beredskabsudvalget checked out');
    expect(await call(s, 'checkout.status', { meetingId: MEETING })).toBeNull();
  });

  test('a sign-in the server refuses, and --user without its password, are one sentence each', async () => {
    const { base, laptop } = await startServer();
    // A browser shell has no accounts: its answer to the sign-in form is no session.
    await expect(signIn(base, 'anne', 'hemmelig')).rejects.toThrow(`${base} did not sign in "anne" (it answered 405): the login or the password is wrong, or the server has no local accounts.`);
    const saved = process.env.REFERENT_PASSWORD;
    delete process.env.REFERENT_PASSWORD;
    try {
      const r = await cli(['checkout', '--server', base, '--meeting', MEETING, '--user', 'anne', '--db', laptop]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^referent checkout: put the password of anne in \$REFERENT_PASSWORD\n/);
    } finally {
      if (saved !== undefined) process.env.REFERENT_PASSWORD = saved;
    }
  });

  test('a wrong token and an unreachable server are one sentence each', async () => {
    const { base, laptop } = await startServer();
    const wrong = await cli(['checkout', '--server', base, '--meeting', MEETING, '--as', 'Anne Holm', '--token', 'nope', '--db', laptop]);
    expect(wrong).toMatchObject({ code: 1, err: 'referent checkout: The access token is missing or wrong; open Referent with the address it printed when it started.\n' });
    // Refused before the laptop's file was touched.
    expect(fs.existsSync(laptop)).toBe(false);
    await web!.close();
    web = null;
    const gone = await remoteApiHost({ url: base }).invoke('meetings.get', { id: MEETING });
    expect(gone).toEqual({ ok: false, error: expect.objectContaining({ code: 'Busy', message: expect.stringMatching(new RegExp(`^The server ${base} cannot be reached \\(nothing answers at that address\\); nothing was changed\\. Check the network and try again\\.$`)) }) });
  });
});

describe('the desktop app against a server', () => {
  test('works against the server $REFERENT_SERVER names, with its token, instead of its own file', async () => {
    expect(serverFromEnv({})).toBeNull();
    expect(serverFromEnv({ REFERENT_SERVER: 'https://referent.kommune.dk/', REFERENT_SERVER_TOKEN: 'abc' })).toEqual({ url: 'https://referent.kommune.dk', token: 'abc' });
    expect(() => serverFromEnv({ REFERENT_SERVER: 'ftp://x' })).toThrow('"ftp://x" is not an http or https address.');
    // The host it makes is the server's Api: what one secretary writes there, the app reads.
    const { server, web, base } = await startServer();
    const host = remoteApiHost(serverFromEnv({ REFERENT_SERVER: base, REFERENT_SERVER_TOKEN: web.token })!);
    await call(server, 'meetings.update', { id: MEETING, location: 'Byrådssalen' });
    const r = await host.invoke('meetings.get', { id: MEETING });
    expect(r.ok && (r.value as { location: string }).location).toBe('Byrådssalen');
    const exported = await host.run('exchange.exportFile', { filePath: path.join(tempDir(), 'eksport.json') });
    expect(JSON.parse(fs.readFileSync(exported.filePath, 'utf8')).committees.map((c: { name: string }) => c.name)).toContain(OBU);
    // Laid out as the worker writes it over the app's own file: the document, two-space indented, one final newline.
    expect(fs.readFileSync(exported.filePath, 'utf8')).toBe(`${JSON.stringify(await call(server, 'exchange.export', {}), null, 2)}\n`);
  });

  test('a .referent.zip is refused with one sentence before the server is asked or the file read, and nothing is written', async () => {
    const { web, base } = await startServer();
    const asked: string[] = [];
    const host = remoteApiHost({ url: base, token: web.token, fetch: (url, init) => (asked.push(String(url)), fetch(url, init)) });
    const dir = tempDir();
    const sentence = {
      code: 'Invalid',
      message: 'A .referent.zip bundle is imported and exported on the server itself (referent import / export-json --out on the server); connected to it, use plain JSON.',
      da: 'En .referent.zip-pakke importeres og eksporteres på selve serveren (referent import / export-json --out dér); forbundet til den, brug almindelig JSON.',
    };
    await expect(host.run('exchange.exportFile', { filePath: path.join(dir, 'eksport.referent.zip') })).rejects.toMatchObject(sentence);
    await expect(host.run('exchange.importFile', { filePath: path.join(dir, 'findes-ikke.referent.zip') })).rejects.toMatchObject(sentence);
    expect(asked).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('Eksportér… writes the server’s whole archive as the server writes it to a file, streamed, never as one Api answer', async () => {
    const { server, web, base } = await startServer();
    const asked: string[] = [];
    const spy: typeof fetch = (url, init) => {
      asked.push(String(url).slice(base.length));
      return fetch(url, init);
    };
    const host = remoteApiHost({ url: base, token: web.token, fetch: spy });
    const target = path.join(tempDir(), 'eksport.json');
    const written = await host.run('exchange.exportFile', { filePath: target });
    const expected = `${JSON.stringify(await call(server, 'exchange.export', {}), null, 2)}\n`;
    expect(fs.readFileSync(target, 'utf8')).toBe(expected);
    expect(written).toEqual({ filePath: target, size: Buffer.byteLength(expected) });
    // The Api's exchange.export answers with one document, which at 250,000 items is longer than a JavaScript string may be.
    expect(asked).toEqual(['/export/referent.json']);
    // A wrong token is the server's sentence, and no file is left.
    const wrong = remoteApiHost({ url: base, token: 'nope' });
    const refused = path.join(tempDir(), 'afvist.json');
    await expect(wrong.run('exchange.exportFile', { filePath: refused })).rejects.toMatchObject({ code: 'Forbidden', message: expect.stringMatching(/^The access token is missing or wrong/) });
    expect(fs.existsSync(refused)).toBe(false);
  });

  test('a file larger than one request to the server may be is one sentence naming its size and the way to import it, told before it is read, and nothing changes', async () => {
    const { server, web, base } = await startServer();
    const host = remoteApiHost({ url: base, token: web.token });
    const before = await call(server, 'exchange.export', {});
    // A valid document: the server's own export, with whitespace past the 64 MB one request carries.
    const big = path.join(tempDir(), 'arkiv-2016-2026.json');
    const text = JSON.stringify(before);
    const fd = fs.openSync(big, 'w');
    try {
      fs.writeSync(fd, '{');
      fs.writeSync(fd, Buffer.alloc(65 * 1024 * 1024, 0x20));
      fs.writeSync(fd, text.slice(1));
    } finally {
      fs.closeSync(fd);
    }
    await expect(host.run('exchange.importFile', { filePath: big })).rejects.toMatchObject({
      code: 'Invalid',
      message: 'arkiv-2016-2026.json is too large to import through the connection to the server (66 MB; one request carries at most 64 MB). Nothing was imported. Import it on the server itself: referent import arkiv-2016-2026.json.',
      da: 'arkiv-2016-2026.json er for stor til at blive importeret gennem forbindelsen til serveren (66 MB; én forespørgsel kan højst rumme 64 MB). Intet blev importeret. Importér den på selve serveren: referent import arkiv-2016-2026.json.',
    });
    expect(await call(server, 'exchange.export', {})).toEqual(before);
  });
});
