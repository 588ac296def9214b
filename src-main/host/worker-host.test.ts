// The core in its worker thread (issue 12 §7): operations, imports and document builds run there
// while the main thread does something else; what only the shell can do (print, open a file) is
// asked of the main thread; a store the worker cannot open is refused with the store's sentence.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { isMainThread, threadId } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { writeArchiveJson } from '../../bench/archive/files';
import { WORKER_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import { tempDir } from '../../tests/helpers/store';
import { playwrightPrinter } from '../core/documents/pdf-playwright';
import type { PdfPrinter } from '../core/documents/pdf';
import { openSqliteStore } from '../core/store/open';
import type { ApiHost } from './api-host';
import { inProcessHost } from './in-process-host';
import { startWorkerHost } from './worker-host';

const RICH = path.resolve(import.meta.dirname, '../../tests/fixtures/documents/rich-meeting.json');
const RICH_MEETING = '1b7f4c52-3a9e-4d0b-8c61-5e2a9f0d7c31';
/** The bundled worker, as the browser shell runs it (built from these sources by tests/setup/cli-bundle.ts). */
const BUNDLED = path.resolve(import.meta.dirname, '../..', WORKER_BUNDLE);

let hosts: ApiHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

async function start(options: Partial<Parameters<typeof startWorkerHost>[0]> = {}): Promise<{ host: ApiHost; dbFile: string }> {
  const dbFile = path.join(tempDir('referent-worker-'), 'referent.sqlite');
  const host = await startWorkerHost({ dbFile, shell: 'web', version: 'test', workerFile: BUNDLED, ...options });
  hosts.push(host);
  return { host, dbFile };
}

/**
 * Holds the main thread in a synchronous loop (no callback, message or timer of this thread can
 * run) until `done` is true or the deadline passes; answers whether `done` became true. Whatever
 * happened meanwhile happened on another thread.
 */
function blockUntil(done: () => boolean, deadlineMs: number): boolean {
  const until = Date.now() + deadlineMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() < until) {
    if (done()) return true;
    Atomics.wait(pause, 0, 0, 20);
  }
  return done();
}

/** A second, read-only connection: what any other program would see in the file. */
function reader(dbFile: string): { count: (sql: string) => number; close: () => void } {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  return { count: (sql) => db.prepare(sql).pluck().get() as number, close: () => db.close() };
}

/** The rich meeting's document with `pad` (white space) repeated after its first brace, past V8's longest string (2^29 - 24 characters). */
function paddedRich(pad: Buffer): Buffer[] {
  const text = fs.readFileSync(RICH, 'utf8');
  return [Buffer.from('{'), ...Array.from({ length: Math.floor(2 ** 29 / pad.length) + 1 }, () => pad), Buffer.from(text.slice(text.indexOf('{') + 1))];
}

/** Imports `file` (the padded rich meeting) in a worker: its one meeting and every item are stored; the file is removed after. */
async function expectRichImported(file: string): Promise<void> {
  const { host, dbFile } = await start();
  try {
    const report = await host.run('exchange.importFile', { filePath: file });
    expect(report.meetings.added).toBe(1);
    const db = reader(dbFile);
    try {
      expect(db.count(`SELECT count(*) FROM items WHERE meeting_id = '${RICH_MEETING}'`)).toBe(report.items);
      expect(report.items).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A zip of one deflated entry (zlib's, level 1), its sizes in a data descriptor as a streamed zip has them. */
async function writeOneEntryZip(file: string, name: string, pieces: Buffer[]): Promise<void> {
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const out = fs.createWriteStream(file);
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 6); // the sizes and CRC follow the data
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt16LE(nameBytes.length, 26);
  out.write(Buffer.concat([header, nameBytes]));
  let crc = 0;
  let size = 0;
  let compressed = 0;
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      if (!out.write(chunk)) deflate.pause();
    });
    out.on('drain', () => deflate.resume());
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (const piece of pieces) {
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc, 4);
  descriptor.writeUInt32LE(compressed, 8);
  descriptor.writeUInt32LE(size, 12);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + compressed + 16, 16);
  out.write(Buffer.concat([descriptor, central, nameBytes, end]));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

// A worker takes seconds to start on a loaded machine.
describe('startWorkerHost', { timeout: 120_000 }, () => {
  test('an operation runs in the worker: it is stored while the main thread is held and never yields', async () => {
    const { host, dbFile } = await start();
    const created = host.invoke('committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
    const db = reader(dbFile);
    try {
      expect(blockUntil(() => db.count("SELECT count(*) FROM committees WHERE name = 'Økonomiudvalget'") === 1, 120_000)).toBe(true);
    } finally {
      db.close();
    }
    expect(await created).toMatchObject({ ok: true, value: { name: 'Økonomiudvalget' } });
    expect(await host.invoke('committees.list', {})).toMatchObject({ ok: true, value: [{ name: 'Økonomiudvalget' }] });
  });

  test('the in-process host, by contrast, stores nothing while the main thread is held', async () => {
    const dbFile = path.join(tempDir('referent-worker-'), 'referent.sqlite');
    const host = inProcessHost({ store: openSqliteStore(dbFile), shell: 'cli', version: 'test' });
    hosts.push(host);
    const created = host.invoke('committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
    const db = reader(dbFile);
    try {
      expect(blockUntil(() => db.count('SELECT count(*) FROM committees') === 1, 300)).toBe(false);
    } finally {
      db.close();
    }
    expect(await created).toMatchObject({ ok: true });
  });

  test('a whole archive imports from a file while the main thread is held: every item is there, none half-written', async () => {
    const json = path.join(tempDir('referent-worker-'), 'archive.json');
    const items = await writeArchiveJson({ items: 1500, seed: 3 }, json);
    const { host, dbFile } = await start();
    const imported = host.run('exchange.importFile', { filePath: json });
    const db = reader(dbFile);
    try {
      expect(blockUntil(() => db.count('SELECT count(*) FROM items') === items, 300_000)).toBe(true);
    } finally {
      db.close();
    }
    const report = await imported;
    expect(report.items).toBe(items);
    // The worker's search index holds what it imported.
    const found = (await host.invoke('search.items', { query: 'omstilling' })) as { ok: true; value: { total: number } };
    expect(found.value.total).toBeGreaterThan(0);
  }, 400_000);

  test('an exchange file longer than a JavaScript string may be imports: it is read a meeting at a time, as `referent import` reads it', async () => {
    // A 250,000-item archive is 550 MB. Padding with whitespace (valid JSON) takes a small
    // document past V8's longest string (2^29 - 24 characters), which reading it whole cannot pass.
    const big = path.join(tempDir('referent-worker-'), 'arkiv-2016-2026.json');
    const pad = Buffer.alloc(1 << 24, 0x20);
    pad.fill(0x0a, 0, 1);
    const fd = fs.openSync(big, 'w');
    try {
      for (const piece of paddedRich(pad)) fs.writeSync(fd, piece);
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.statSync(big).size).toBeGreaterThan(2 ** 29);
    await expectRichImported(big);
  }, 400_000);

  test('a .referent.zip whose referent.json is longer than a JavaScript string may be imports: its JSON is read a meeting at a time too', async () => {
    // Deflated, as Referent writes a bundle, by the platform's zlib (fast) in a zip written here.
    // Whitespace drawn at random from JSON's four kinds compresses about 4x (a real archive's JSON
    // about 10x), inside the bundle's zip-bomb limits, and takes the document past V8's longest string.
    const big = path.join(tempDir('referent-worker-'), 'arkiv-2016-2026.referent.zip');
    const pad = Buffer.alloc(1 << 24);
    let seed = 2026;
    for (let i = 0; i < pad.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      pad[i] = [0x20, 0x09, 0x0a, 0x0d][seed >>> 30]!;
    }
    await writeOneEntryZip(big, 'referent.json', paddedRich(pad));
    await expectRichImported(big);
  }, 400_000);

  test('a file that is not JSON is told with the byte where it stops being JSON, and nothing is imported', async () => {
    const { host, dbFile } = await start();
    const cut = path.join(tempDir('referent-worker-'), 'referat-afbrudt.json');
    const text = fs.readFileSync(RICH, 'utf8');
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    await expect(host.run('exchange.importFile', { filePath: cut })).rejects.toMatchObject({
      code: 'Invalid',
      message: expect.stringMatching(/^referat-afbrudt\.json is not valid JSON \(.+ at byte \d+\)\.$/),
      da: expect.stringMatching(/^referat-afbrudt\.json er ikke gyldig JSON \(.+ ved byte \d+\)\.$/),
    });
    const db = reader(dbFile);
    try {
      expect(db.count('SELECT count(*) FROM meetings')).toBe(0);
    } finally {
      db.close();
    }
  });

  test('a JSON call is parsed and answered in the worker; a body that is not JSON is null', async () => {
    const { host } = await start();
    const answer = await host.invokeJson('committees.create', Buffer.from(JSON.stringify({ name: 'Teknik- og Miljøudvalget', numbering: 'per-year' })));
    expect(JSON.parse(Buffer.from(answer!).toString('utf8'))).toMatchObject({ ok: true, value: { name: 'Teknik- og Miljøudvalget' } });
    expect(await host.invokeJson('committees.create', Buffer.from('{"name": '))).toBeNull();
    const bad = await host.invokeJson('committees.create', Buffer.from('{"name": ""}'));
    expect(JSON.parse(Buffer.from(bad!).toString('utf8'))).toMatchObject({ ok: false, error: { code: 'Invalid' } });
  });

  test('the worker builds the document and the main thread prints it: the PDF holds the meeting', async () => {
    const chromium = playwrightPrinter();
    const printedOn: { main: boolean; thread: number; html: string }[] = [];
    const printer: PdfPrinter = {
      tagged: true,
      print: (html, options) => {
        printedOn.push({ main: isMainThread, thread: threadId, html });
        return chromium.print(html, options);
      },
    };
    try {
      const { host } = await start({ shell: 'electron', printer });
      await host.run('exchange.importFile', { filePath: RICH });
      const r = await host.invoke('documents.export', { meetingId: RICH_MEETING, kind: 'minutes', format: 'pdf' });
      expect(r).toMatchObject({ ok: true, value: { mime: 'application/pdf' } });
      const pdf = path.join(tempDir('referent-worker-'), 'referat.pdf');
      fs.writeFileSync(pdf, Buffer.from((r as { value: { base64: string } }).value.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Salg af areal ved Vestermarken');
      // Every print was asked of this (the main) thread, with the page the worker built.
      expect(printedOn.length).toBeGreaterThan(0);
      expect(printedOn.every((p) => p.main && p.thread === 0)).toBe(true);
      expect(printedOn.at(-1)!.html).toContain('Salg af areal ved Vestermarken');
    } finally {
      await chromium.close();
    }
  }, 120_000);

  test('a shell printer that measures is asked to measure and to print the measured page: one print, on the main thread', async () => {
    const chromium = playwrightPrinter();
    const calls: { kind: string; main: boolean }[] = [];
    const on = (kind: string): void => void calls.push({ kind, main: isMainThread && threadId === 0 });
    const printer: PdfPrinter = {
      tagged: true,
      print: (html, options) => (on('print'), chromium.print(html, options)),
      measure: (html) => (on('measure'), chromium.measure(html)),
      printMeasured: (pages, options) => (on('printMeasured'), chromium.printMeasured(pages, options)),
    };
    try {
      const { host } = await start({ shell: 'electron', printer });
      await host.run('exchange.importFile', { filePath: RICH });
      const r = await host.invoke('documents.export', { meetingId: RICH_MEETING, kind: 'minutes', format: 'pdf' });
      expect(r).toMatchObject({ ok: true, value: { mime: 'application/pdf' } });
      expect(calls).toEqual([
        { kind: 'measure', main: true },
        { kind: 'printMeasured', main: true },
      ]);
      const pdf = path.join(tempDir('referent-worker-'), 'referat.pdf');
      fs.writeFileSync(pdf, Buffer.from((r as { value: { base64: string } }).value.base64, 'base64'));
      const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
      // The table of contents prints the page the item's heading is on.
      const toc = /Salg af areal ved Vestermarken +(\d+)\n/.exec(pages[0]!);
      expect(toc).not.toBeNull();
      expect(pages[Number(toc![1]) - 1]).toContain('Punkt 3: Salg af areal ved Vestermarken');
    } finally {
      await chromium.close();
    }
  }, 120_000);

  // The worker's own Chromium (no shell printer) is started by whatever prints, not only by the
  // documents.* operations: the website's .zip prints each meeting's PDF. A Chromium left open keeps
  // the thread alive, and closing the app (or a test's teardown) then waited for ever.
  test('a worker that printed through its own Chromium for publish.zip stops when closed', async () => {
    const { host } = await start();
    await host.run('exchange.importFile', { filePath: RICH });
    const committees = (await host.invoke('committees.list', {})) as { ok: true; value: { id: string }[] };
    const committee = committees.value[0]!;
    const zip = await host.invoke('publish.zip', { committeeId: committee.id, year: 2026 });
    expect(zip).toMatchObject({ ok: true, value: { files: expect.arrayContaining([expect.stringMatching(/\.pdf$/)]) } });
    const stopped = await Promise.race([host.close().then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000))]);
    expect(stopped).toBe('stopped');
  }, 180_000);

  test('a printer that fails on the main thread is one sentence to the caller, and the next call still works', async () => {
    const printer: PdfPrinter = { tagged: true, print: () => Promise.reject(new Error('printer offline')) };
    const { host } = await start({ shell: 'electron', printer });
    await host.run('exchange.importFile', { filePath: RICH });
    const r = await host.invoke('documents.export', { meetingId: RICH_MEETING, kind: 'minutes', format: 'pdf' });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('printer offline') } });
    expect(await host.invoke('committees.list', {})).toMatchObject({ ok: true, value: [{ name: 'Organisations- og Beredskabsudvalget' }] });
  });

  test('opening an attachment asks the main thread’s opener for a copy under its own name', async () => {
    const opened: { main: boolean; file: string; bytes: Buffer }[] = [];
    const { host } = await start({ shell: 'electron', opener: { openFile: async (file) => void opened.push({ main: isMainThread, file, bytes: fs.readFileSync(file) }) } });
    const send = async (name: string, input: unknown): Promise<{ id: string }> => {
      const r = await host.invoke(name, input);
      expect(r).toMatchObject({ ok: true });
      return (r as { value: { id: string } }).value;
    };
    const committee = await send('committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
    const meeting = await send('meetings.create', { committeeId: committee.id, start: '2026-06-02T14:30' });
    const item = await send('agenda.addItem', { meetingId: meeting.id, title: 'Budget 2027-2030' });
    const bytes = Buffer.from('%PDF-1.7 budget');
    const attachment = await send('agenda.addAttachment', { itemId: item.id, fileName: 'Budgetnotat.pdf', base64: bytes.toString('base64') });
    expect(await host.invoke('agenda.openAttachment', { attachmentId: attachment.id })).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.main).toBe(true);
    expect(path.basename(opened[0]!.file)).toBe('Budgetnotat.pdf');
    expect(opened[0]!.bytes.equals(bytes)).toBe(true);
  });

  test('the worker reads the picked file itself (its bytes never reach this thread); a file gone since it was picked is one sentence, and nothing changes', async () => {
    const { host, dbFile } = await start();
    const gone = path.join(tempDir('referent-worker-'), 'referat-2026.json');
    await expect(host.run('exchange.importFile', { filePath: gone })).rejects.toMatchObject({
      code: 'Invalid',
      message: `${gone} cannot be read: it no longer exists.`,
      da: `${gone} kan ikke læses: den findes ikke længere.`,
    });
    // Her answer to adopt the file's organisation imports the same file again, read again.
    const first = await host.run('exchange.importFile', { filePath: RICH });
    const again = await host.run('exchange.importFile', { filePath: RICH, adoptOrganization: true });
    expect(again.meetings).toEqual({ added: 0, replaced: 0, unchanged: first.meetings.added });
    const db = reader(dbFile);
    try {
      expect(db.count('SELECT count(*) FROM meetings')).toBe(first.meetings.added);
    } finally {
      db.close();
    }
  });

  test('the worker writes the export where she chose (its bytes never reach this thread): JSON, or a bundle for a .zip name', async () => {
    const { host } = await start();
    await host.run('exchange.importFile', { filePath: RICH });
    const dir = tempDir('referent-worker-');
    const json = await host.run('exchange.exportFile', { filePath: path.join(dir, 'eksport.json') });
    expect(json).toEqual({ filePath: path.join(dir, 'eksport.json'), size: fs.statSync(path.join(dir, 'eksport.json')).size });
    expect(JSON.parse(fs.readFileSync(json.filePath, 'utf8')).committees.map((c: { name: string }) => c.name)).toEqual(['Organisations- og Beredskabsudvalget']);
    // Written a batch of meetings at a time, it is still the document as the core's exchange.export gives it, laid out as JSON.stringify(doc, null, 2) with a final newline.
    const whole = await host.invoke('exchange.export', {});
    expect(whole.ok && fs.readFileSync(json.filePath, 'utf8')).toBe(whole.ok && `${JSON.stringify(whole.value, null, 2)}\n`);
    const zip = await host.run('exchange.exportFile', { filePath: path.join(dir, 'eksport.referent.zip') });
    expect(fs.readFileSync(zip.filePath).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('an import the core refuses comes back as its sentence, in English and Danish, and changes nothing', async () => {
    const { host, dbFile } = await start();
    const noter = path.join(tempDir('referent-worker-'), 'noter.json');
    fs.writeFileSync(noter, 'Dagsorden: 1. Godkendelse');
    await expect(host.run('exchange.importFile', { filePath: noter })).rejects.toMatchObject({
      code: 'Invalid',
      message: expect.stringMatching(/^noter\.json is not valid JSON/),
      da: expect.stringMatching(/^noter\.json er ikke gyldig JSON/),
    });
    const db = reader(dbFile);
    try {
      expect(db.count('SELECT count(*) FROM committees')).toBe(0);
    } finally {
      db.close();
    }
  });

  test('a database from a newer Referent: the start is refused with the store’s own sentence (worker from the sources)', async () => {
    const dbFile = path.join(tempDir('referent-worker-'), 'referent.sqlite');
    const raw = new BetterSqlite3(dbFile);
    raw.pragma('user_version = 9999');
    raw.close();
    // No workerFile: the sources through tsx, as `npm run web` and the Electron tests start it.
    await expect(startWorkerHost({ dbFile, shell: 'web', version: 'test' })).rejects.toMatchObject({ code: 'TooNew', message: expect.stringContaining('newer Referent') });
  });

  test('close lets a call in flight land, refuses later ones, and closes the store cleanly', async () => {
    const { host, dbFile } = await start();
    const inFlight = host.invoke('committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
    const closed = host.close();
    expect(await host.invoke('committees.create', { name: 'For sent', numbering: 'per-year' })).toMatchObject({ ok: false, error: { message: /closing/, messageDa: /lukker/ } });
    await expect(host.run('exchange.exportFile', { filePath: path.join(tempDir('referent-worker-'), 'eksport.json') })).rejects.toMatchObject({ message: /closing/ });
    expect(await inFlight).toMatchObject({ ok: true });
    await closed;
    // SQLite folds its write-ahead log back in and removes it when the last connection closes cleanly.
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const db = reader(dbFile);
    try {
      expect(db.count("SELECT count(*) FROM committees WHERE name = 'Økonomiudvalget'")).toBe(1);
      expect(db.count("SELECT count(*) FROM committees WHERE name = 'For sent'")).toBe(0);
    } finally {
      db.close();
    }
  });
});
