// Limits are the same at every entry and checked before work: no single text makes a meeting
// unexportable, a field has one size limit at the Api and at import, an archive cannot inflate
// past its limits, and a calendar import cannot flood the store or produce dates it cannot export.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { readBundle, readBundleStream } from '../../src-main/core/exchange/bundle';
import { importDocument, importDocumentStream } from '../../src-main/core/exchange/import';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { FIELD_LIMITS } from '../../src-shared/limits';
import { testContext } from '../helpers/store';
import { addCommittees, b64, danishWorkbook } from './calendar-helpers';

const NESTED_QUOTES = '>'.repeat(10_000) + ' dybt citat';
const DENSE_EMPHASIS = '*a**'.repeat(3_500);

const doc = (body: string, extra: Record<string, unknown> = {}) => ({
  format: 'referent/v1',
  committees: [{ name: 'Økonomiudvalget', numbering: 'per-meeting', members: [], meetings: [{ start: '2026-09-01T15:00', ...extra, items: [{ title: 'Budget', sections: [{ kind: 'summary', body }] }] }] }],
});

describe('Markdown that the parser cannot take in bounded stack and time', () => {
  test('is printed as the plain text it is, and the meeting still previews and exports', async () => {
    const ctx = testContext();
    const c = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T15:00' });
    for (const [title, body] of [['Citater', NESTED_QUOTES], ['Fremhævning', DENSE_EMPHASIS], ['Almindelig', '**fed** og *kursiv*']]) {
      const item = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: title! });
      await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [{ kind: 'summary', heading: null, body: body! }] });
    }
    const { html } = await call(ctx, 'documents.preview', { meetingId: m.id, kind: 'agenda' });
    expect(html).toContain(`<p>${NESTED_QUOTES}</p>`);
    expect(html).toContain(`<p>${DENSE_EMPHASIS}</p>`);
    expect(html).toContain('<strong>fed</strong> og <em>kursiv</em>');
    const docx = await call(ctx, 'documents.export', { meetingId: m.id, kind: 'agenda', format: 'docx' });
    const xml = new TextDecoder().decode(unzipSync(Buffer.from(docx.base64, 'base64'))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&')).join('');
    expect(text).toContain(NESTED_QUOTES);
    expect(text).toContain(DENSE_EMPHASIS);
    // It prints a PDF through Chromium: 4-5 s on a quiet machine, past 30 s at load 14 on 2 cores.
  }, 120_000);
});

describe('one size limit per field', () => {
  test('a body past the limit is refused, naming the field, at the Api and at import alike, and nothing is written', async () => {
    const ctx = testContext();
    const tooLong = 'x'.repeat(FIELD_LIMITS.body + 1);
    await expect(call(ctx, 'exchange.import', { document: doc(tooLong) })).rejects.toMatchObject({ code: 'Invalid', message: expect.stringContaining('committees[0].meetings[0].items[0].sections[0].body') });
    expect(await call(ctx, 'committees.list', {})).toEqual([]);
    const c = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T15:00' });
    const item = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Budget' });
    await expect(call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [{ kind: 'summary', heading: null, body: tooLong }] })).rejects.toMatchObject({ code: 'Invalid' });
    // The same for a place: the Api, an import and a calendar file refuse one character past the limit.
    const place = 'R'.repeat(FIELD_LIMITS.location + 1);
    await expect(call(ctx, 'meetings.update', { id: m.id, location: place })).rejects.toMatchObject({ code: 'Invalid' });
    await expect(call(ctx, 'exchange.import', { document: doc('ok', { location: place }) })).rejects.toMatchObject({ message: expect.stringContaining('committees[0].meetings[0].location') });
    await expect(call(ctx, 'calendar.applyImport', { fileName: 'k.csv', base64: b64(`Udvalg;Dato;Start;Sted\nØkonomiudvalget;19-02-2027;16:00;${place}\n`) })).rejects.toMatchObject({
      message: `k.csv, line 2: the place is longer than ${FIELD_LIMITS.location} characters`,
      da: `k.csv, linje 2: mødestedet er længere end ${FIELD_LIMITS.location} tegn.`,
    });
    expect((await call(ctx, 'meetings.list', { committeeId: c.id })).map((x) => x.location ?? null)).toEqual([null]);
  });
});

describe('archives are checked before they are inflated', () => {
  const json = strToU8(JSON.stringify(doc('ok')));
  test('a bundle that inflates a thousand times over, or past its size, is refused before inflating', () => {
    const bomb = zipSync({ 'referent.json': json, [`files/${'0'.repeat(64)}`]: new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => readBundle(bomb, 'bombe.referent.zip')).toThrow(/^bombe\.referent\.zip: "files\/0{64}" is compressed \d+ times, more than any real file \(a zip bomb\?\)$/);
  });

  test('a second referent.json (which would silently replace the first) is refused', () => {
    const a = zipSync({ 'referent.json': json });
    const b = zipSync({ 'referent.json': strToU8('{"format":"referent/v1","committees":[]}') });
    // Two archives' entries under one central directory: the same name twice.
    const twice = duplicateEntry(a, b);
    expect(() => readBundle(twice, 'to.referent.zip')).toThrow('to.referent.zip: the archive holds "referent.json" twice');
  });

  test('an entry that declares a small size but inflates to more comes out cut at that size, and fails its hash', async () => {
    const bytes = new Uint8Array(2_000_000).fill(7);
    const sha = sha256Hex(bytes);
    const zip = zipSync({ 'referent.json': json, [`files/${sha}`]: bytes }, { level: 1 });
    setDeclaredSize(zip, `files/${sha}`, 1000);
    const { document, files } = readBundle(zip, 'lyver.referent.zip');
    expect(files.get(sha)!.length).toBe(1000);
    const ctx = testContext();
    await expect(importDocument(ctx.store, document, { files })).rejects.toThrow(`files/${sha}: the file's content does not match its SHA-256 name`);
  });

  test('a referent.json read as a stream may not inflate past the size it declares either, and nothing is imported', async () => {
    const big = strToU8(JSON.stringify(doc('ok')) + ' '.repeat(200_000));
    const zip = zipSync({ 'referent.json': big }, { level: 1 });
    setDeclaredSize(zip, 'referent.json', 1000);
    const { events, files } = readBundleStream(zip, 'lyver.referent.zip');
    const ctx = testContext();
    await expect(importDocumentStream(ctx.store, events, { files })).rejects.toThrow('lyver.referent.zip: "referent.json" unpacks to more than the 1000 bytes it declares (a zip bomb?)');
    expect(await call(ctx, 'committees.list', {})).toEqual([]);
  });

  test('an .xlsx bomb is refused before exceljs sees it', async () => {
    const ctx = testContext();
    await addCommittees(ctx);
    const book = unzipSync(await danishWorkbook());
    book['xl/media/fyld.bin'] = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync(book, { level: 9 });
    await expect(call(ctx, 'calendar.previewImport', { fileName: 'bombe.xlsx', base64: b64(bomb) })).rejects.toMatchObject({ message: expect.stringMatching(/^bombe\.xlsx: "xl\/media\/fyld\.bin" is compressed \d+ times, more than any real file \(a zip bomb\?\)$/) });
  });
});

describe('calendar imports are capped', () => {
  test('more rows than a calendar holds, a series repeating within the day, and dates outside 1900-2200 are refused, each in one sentence', async () => {
    const ctx = testContext();
    await addCommittees(ctx);
    const rows = Array.from({ length: 5001 }, (_, i) => `Økonomiudvalget;${String((i % 28) + 1).padStart(2, '0')}-02-2027;16:00`).join('\n');
    const cases: [string, string, string][] = [
      ['mange.csv', `Udvalg;Dato;Start\n${rows}\n`, 'mange.csv: holds more than 5000 meetings; import it in parts (a year or a committee at a time)'],
      ['år.csv', 'Udvalg;Dato;Start\nØkonomiudvalget;19-02-2500;16:00\n', 'år.csv, line 2: the start 2500-02-19 is not in the years 1900 to 2200'],
      ['minut.ics', ics('DTSTART:20270219T160000Z\r\nRRULE:FREQ=MINUTELY;COUNT=100000'), 'minut.ics, line 4 (event "Økonomiudvalget"): repeats minutely; a meeting series may repeat daily at most'],
      ['gammel.ics', ics('DTSTART:18500219T160000Z'), 'gammel.ics, line 4 (event "Økonomiudvalget"): the start 1850-02-19 is not in the years 1900 to 2200'],
      ['fremtid.ics', ics('DTSTART:21991201T160000Z\r\nRRULE:FREQ=MONTHLY'), 'fremtid.ics, line 4 (event "Økonomiudvalget"): the start 2201-01-01 is not in the years 1900 to 2200'],
    ];
    for (const [fileName, text, message] of cases) {
      await expect(call(ctx, 'calendar.previewImport', { fileName, base64: b64(text) }), fileName).rejects.toMatchObject({ code: 'Invalid', message });
    }
    expect(await call(ctx, 'calendar.export', { format: 'csv', year: 2027 }).then((f) => Buffer.from(f.base64, 'base64').toString('utf8').trim().split('\r\n'))).toHaveLength(1);
  });
});

function ics(event: string): string {
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Økonomiudvalget\r\n${event}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
}

/** Central directory records: [offset, name]. */
function centralRecords(zip: Uint8Array): { at: number; name: string; local: number }[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = dv.getUint16(at + 28, true);
    out.push({ at, name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + n)), local: dv.getUint32(at + 42, true) });
    at += 46 + n + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return out;
}

function setDeclaredSize(zip: Uint8Array, name: string, size: number): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const r = centralRecords(zip).find((x) => x.name === name)!;
  dv.setUint32(r.at + 24, size, true);
  dv.setUint32(r.local + 22, size, true);
}

/** a's entries, then b's, under one central directory listing both. */
function duplicateEntry(a: Uint8Array, b: Uint8Array): Uint8Array {
  const cdA = centralRecords(a);
  const cdB = centralRecords(b);
  const dvA = new DataView(a.buffer, a.byteOffset, a.byteLength);
  const dvB = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const localA = a.subarray(0, dvA.getUint32(a.length - 22 + 16, true));
  const localB = b.subarray(0, dvB.getUint32(b.length - 22 + 16, true));
  const dirA = a.subarray(cdA[0]!.at, a.length - 22);
  const dirB = Uint8Array.from(b.subarray(cdB[0]!.at, b.length - 22));
  new DataView(dirB.buffer).setUint32(42, localA.length, true);
  const dir = new Uint8Array([...dirA, ...dirB]);
  const end = Uint8Array.from(a.subarray(a.length - 22));
  const dv = new DataView(end.buffer);
  dv.setUint16(8, 2, true);
  dv.setUint16(10, 2, true);
  dv.setUint32(12, dir.length, true);
  dv.setUint32(16, localA.length + localB.length, true);
  return new Uint8Array([...localA, ...localB, ...dir, ...end]);
}
