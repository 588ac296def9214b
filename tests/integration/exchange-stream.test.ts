// An import file is read as a stream, a meeting at a time: its JSON is cut at any byte, its
// faults are named by their path in the whole document, and a fault changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { documentEvents, type DocumentEvent } from '../../src-main/core/exchange/json-stream';
import { call } from '../../src-main/core/dispatch';
import { cli } from '../helpers/cli';
import { tempDir, testContext } from '../helpers/store';
import { openSqliteStore } from '../../src-main/core/store/open';
import { importDocumentStream } from '../../src-main/core/exchange/import';

const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8');

async function events(text: string, chunk: number): Promise<DocumentEvent[]> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const out: DocumentEvent[] = [];
  for await (const e of documentEvents(Readable.from(chunks))) out.push(e);
  return out;
}

describe('reading a document as a stream', () => {
  test('the same meetings and fields, whatever the chunk size, with quotes, braces and æøå inside strings', async () => {
    const tricky = JSON.stringify({ format: 'referent/v1', committees: [{ name: 'Ø "}{][" \\ udvalg', numbering: 'per-year', members: [], meetings: [{ start: '2026-01-01T10:00', items: [{ title: 'a\\"}' }] }, { start: '2026-02-01T10:00', items: [] }] }] }, null, 2);
    for (const text of [fixture, tricky]) {
      const whole = JSON.parse(text) as { committees: { meetings: unknown[] }[] };
      for (const size of [1, 7, 4096]) {
        const got = await events(text, size);
        expect(got.filter((e) => e.kind === 'meeting').map((e) => (e as { value: unknown }).value)).toEqual(whole.committees.flatMap((c) => c.meetings));
        expect(got.filter((e) => e.kind === 'committee-field' && e.key === 'name').map((e) => (e as { value: unknown }).value)).toEqual(whole.committees.map((c) => (c as unknown as { name: string }).name));
      }
    }
  });

  test('malformed JSON is refused with the byte where it goes wrong', async () => {
    const bad = '{"format": "referent/v1", "committees": [{"name": "x",, }]}';
    await expect(events(bad, 5)).rejects.toMatchObject({ message: 'expected a quoted name', offset: bad.indexOf(',,') + 1 });
    await expect(events('{"format": "referent/v1", "committees": [', 5)).rejects.toThrow(/unexpected end/);
    await expect(events('[1, 2]', 5)).rejects.toThrow(/expected a JSON object/);
  });
});

describe('referent import of a file', () => {
  test('imports the same as the Api, and a committee whose meetings come before its members', async () => {
    const dir = tempDir();
    const doc = JSON.parse(fixture) as { committees: Record<string, unknown>[] };
    // Meetings first, members last: the order of a committee's fields is free.
    doc.committees = doc.committees.map(({ meetings, ...rest }) => ({ meetings, ...rest }));
    fs.writeFileSync(path.join(dir, 'f.json'), JSON.stringify(doc));
    const r = await cli(['import', 'f.json', '--db', path.join(dir, 'a.sqlite')], dir);
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/committees 2 added, 0 updated; meetings 5 added, 0 replaced, 0 unchanged; 12 items/) });
    const viaApi = testContext();
    await call(viaApi, 'exchange.import', { document: JSON.parse(fixture) });
    const fromFile = { store: openSqliteStore(path.join(dir, 'a.sqlite')), shell: 'cli' as const, version: 't' };
    // Meetings without an id in the document get a new one on each import, and each store's
    // change log its own entries (times, ids), so its own anchor.
    const strip = (d: object) => JSON.stringify(d).replace(/"id":"[0-9a-f-]{36}"/g, '"id":"…"').replace(/"anchor":"[0-9a-f]{64}:\d+"/, '"anchor":"…"');
    expect(strip(await call(fromFile, 'exchange.export', {}))).toBe(strip(await call(viaApi, 'exchange.export', {})));
    expect((await call(fromFile, 'meetingday.verify', {})).ok).toBe(true);
  });

  test('a fault in the second committee names its path in the whole document, and nothing is imported', async () => {
    const dir = tempDir();
    const doc = JSON.parse(fixture) as { committees: { meetings: { items: { title: string }[] }[] }[] };
    doc.committees[1]!.meetings[0]!.items[0]!.title = ' ';
    fs.writeFileSync(path.join(dir, 'f.json'), JSON.stringify(doc));
    const db = path.join(dir, 'b.sqlite');
    const r = await cli(['import', 'f.json', '--db', db], dir);
    expect(r).toMatchObject({ code: 2, err: 'referent import: f.json: committees[1].meetings[0].items[0].title: must not be empty\n' });
    const store = openSqliteStore(db);
    expect(store.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(0);
    await store.close();
    fs.writeFileSync(path.join(dir, 'g.json'), fixture.replace('"format": "referent/v1"', '"format": "referent/v2"'));
    expect(await cli(['import', 'g.json', '--db', db], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/format: must be "referent\/v1"/) });
    fs.writeFileSync(path.join(dir, 'h.json'), fixture.slice(0, 900));
    expect(await cli(['import', 'h.json', '--db', db], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/^referent import: h\.json: not valid JSON \(unexpected end of the document at byte \d+\)/) });
  });

  test('a committee whose name, numbering and members come first is written a meeting at a time, its faults named by their own index', async () => {
    const meeting = (month: number, title = `Punkt ${month}`) => ({ start: `2026-0${month}-02T15:00`, items: [{ title, sections: [{ kind: 'summary', body: 'Tekst.' }] }] });
    const committee = { name: 'Økonomiudvalget', numbering: 'per-meeting', members: [{ key: 'a', name: 'Anne', role: 'chair' }], meetings: [meeting(1), meeting(2), meeting(3)], template: { decisionFirst: true } };
    const stream = (doc: unknown) => documentEvents(Readable.from([Buffer.from(JSON.stringify(doc))]));
    // On a file of its own on either dialect's run: it watches the import's own connection mid-transaction.
    const fileContext = () => testContext(openSqliteStore(path.join(tempDir(), 'r.sqlite')));
    const ctx = fileContext();
    // Each meeting is in the database before the next one is read: the import never holds the committee.
    const written: number[] = [];
    async function* watched(): AsyncGenerator<DocumentEvent> {
      for await (const e of stream({ format: 'referent/v1', committees: [committee] })) {
        if (e.kind === 'meeting') written.push(ctx.store.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get() as number);
        yield e;
      }
    }
    const report = await importDocumentStream(ctx.store, watched());
    expect(written).toEqual([0, 1, 2]);
    expect(report).toMatchObject({ committees: { added: 1, updated: 0 }, meetings: { added: 3 }, items: 3, settings: [] });
    expect(ctx.store.sqlite.prepare('SELECT title FROM items ORDER BY title').pluck().all()).toEqual(['Punkt 1', 'Punkt 2', 'Punkt 3']);
    // The template came after the meetings and is kept all the same.
    expect(ctx.store.sqlite.prepare('SELECT template FROM committees').pluck().get()).toContain('"decisionFirst":true');

    // Imported again with another template after the meetings: ours is kept and the difference reported once, as when it comes first.
    const again = await importDocumentStream(ctx.store, stream({ format: 'referent/v1', committees: [{ ...committee, template: { decisionFirst: false } }] }));
    expect(again).toMatchObject({ committees: { added: 0, updated: 1 }, meetings: { added: 0, replaced: 3 } });
    expect(again.settings).toEqual([{ setting: 'committee.template', committee: 'Økonomiudvalget', current: null, file: null, adopted: false }]);
    expect(ctx.store.sqlite.prepare('SELECT template FROM committees').pluck().get()).toContain('"decisionFirst":true');

    const SAME = '0b6f3c1e-5d2a-4c8e-9f00-1a2b3c4d5e6f';
    const refused = async (broken: unknown): Promise<string> => {
      const other = fileContext();
      const e = (await importDocumentStream(other.store, stream({ format: 'referent/v1', committees: [broken] })).catch((x: unknown) => x)) as Error;
      expect(other.store.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(0);
      expect(other.store.sqlite.prepare('SELECT count(*) FROM committees').pluck().get()).toBe(0);
      return e.message;
    };
    expect(await refused({ ...committee, meetings: [meeting(1), meeting(2), meeting(3, ' ')] })).toBe('committees[0].meetings[2].items[0].title: must not be empty');
    expect(await refused({ ...committee, meetings: [meeting(1), meeting(2), meeting(1)] })).toBe('committees[0].meetings[2].start: repeats the meeting start 2026-01-02T15:00 of this committee');
    expect(await refused({ ...committee, meetings: [{ ...meeting(1), id: SAME }, { ...meeting(2), id: SAME }] })).toBe(`committees[0].meetings[1].id: repeats the meeting id ${SAME}`);
    const ghost = { ...meeting(2), attendance: [{ member: 'ghost', status: 'present' }] };
    expect(await refused({ ...committee, meetings: [meeting(1), ghost] })).toBe('committees[0].meetings[1].attendance[0].member: names "ghost", who is not a member of this committee');
    // A fault in a field after the meetings still undoes the meetings already written.
    expect(await refused({ ...committee, template: { decisionFirst: 'yes' } })).toMatch(/^committees\[0\]\.template\.decisionFirst: /);
  });
});

describe('referent export-json', () => {
  test('writes, a batch of meetings at a time, exactly the document the Api returns, to stdout and to a file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'e.sqlite');
    fs.writeFileSync(path.join(dir, 'f.json'), fixture);
    expect((await cli(['import', 'f.json', '--db', db], dir)).code).toBe(0);
    const ctx = { store: openSqliteStore(db), shell: 'cli' as const, version: 't' };
    const expected = `${JSON.stringify(await call(ctx, 'exchange.export', {}), null, 2)}\n`;
    const obu = `${JSON.stringify(await call(ctx, 'exchange.export', { committee: 'OBU', year: 2026 }), null, 2)}\n`;
    const none = `${JSON.stringify(await call(ctx, 'exchange.export', { committee: 'KB', year: 1999 }), null, 2)}\n`;
    await ctx.store.close();
    expect((await cli(['export-json', '--db', db], dir)).out).toBe(expected);
    expect((await cli(['export-json', '--db', db, '--committee', 'OBU', '--year', '2026'], dir)).out).toBe(obu);
    expect((await cli(['export-json', '--db', db, '--committee', 'KB', '--year', '1999'], dir)).out).toBe(none);
    expect(await cli(['export-json', '--db', db, '--out', 'out.json'], dir)).toMatchObject({ code: 0, err: 'Wrote out.json\n' });
    expect(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe(expected);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
