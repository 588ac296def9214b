// Opening an attachment never runs a program: adding refuses anything but a document whose bytes
// fit its name; an import keeps the bytes under a name that opens nothing; opening refuses what is
// not a document (a row from an older version included); download and publication stay inert.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { call, invoke } from '../../src-main/core/dispatch';
import { loadReferat } from '../../src-main/core/documents/documents.service';
import { publicationAttachments } from '../../src-main/core/documents/publication';
import { storeFile } from '../../src-main/core/files/file-store';
import type { ReferentDocument } from '../../src-shared/exchange';
import { cli } from '../helpers/cli';
import { tempDir, testContext } from '../helpers/store';

const PDF = Buffer.from('%PDF-1.7\nBudgetforslag 2027\n%%EOF\n');
const CMD = Buffer.from('@echo off\r\npowershell -enc SQBFAFgA\r\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

function recordingOpener() {
  const opened: string[] = [];
  return { opened, opener: { openFile: async (p: string) => void opened.push(p) } };
}

async function item(ctx: CoreContext) {
  const committee = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
  const meeting = await call(ctx, 'meetings.create', { committeeId: committee.id, start: '2026-09-01T15:00' });
  return { meetingId: meeting.id, itemId: (await call(ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Budget 2027' })).id };
}

const add = (ctx: CoreContext, itemId: string, fileName: string, bytes: Buffer) => invoke(ctx, 'agenda.addAttachment', { itemId, fileName, title: 'Budgetforslag 2027 (PDF)', base64: bytes.toString('base64') });

const received = (sha: string, file: string): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Økonomiudvalget',
      numbering: 'per-meeting',
      members: [],
      meetings: [{ start: '2026-09-01T15:00', items: [{ title: 'Budget 2027', attachments: [{ title: 'Budgetforslag 2027 (PDF)', sha256: sha, file }] }] }],
    },
  ],
});

describe('adding a file', () => {
  test('a program, a double extension or a "PDF" that is not one is refused in English and Danish, and nothing is stored', async () => {
    const ctx = testContext();
    const { itemId } = await item(ctx);
    expect(await add(ctx, itemId, 'Budgetforslag 2027.pdf.cmd', CMD)).toEqual({
      ok: false,
      error: {
        code: 'Invalid',
        message: '"Budgetforslag 2027.pdf.cmd" has a double extension (.pdf.cmd), a way to make a program look like a document; it cannot be attached.',
        messageDa: '"Budgetforslag 2027.pdf.cmd" har en dobbelt filendelse (.pdf.cmd), en måde at få et program til at ligne et dokument på; den kan ikke vedhæftes.',
      },
    });
    expect(await add(ctx, itemId, 'setup.exe', EXE)).toMatchObject({ ok: false, error: { code: 'Invalid', message: expect.stringMatching(/^"setup\.exe" is a \.exe file, which is not a document type Referent opens \(allowed: pdf, docx/) } });
    expect(await add(ctx, itemId, 'Budget.pdf', EXE)).toMatchObject({ ok: false, error: { messageDa: '"Budget.pdf" er ikke en PDF-fil: indholdet er af en anden slags; den kan ikke vedhæftes.' } });
    expect(await add(ctx, itemId, 'Faktura.exe.pdf', PDF)).toMatchObject({ ok: false, error: { message: expect.stringContaining('double extension (.exe.pdf)') } });
    expect((await call(ctx, 'agenda.getItem', { itemId })).attachments).toEqual([]);
    expect(await ctx.store.files.list(ctx.store.db)).toEqual([]);
  });

  test('a real document is taken, and its real file name travels beside the title', async () => {
    const ctx = testContext();
    const { itemId } = await item(ctx);
    const r = await add(ctx, itemId, 'Budgetforslag 2027.pdf', PDF);
    expect(r).toMatchObject({ ok: true, value: { title: 'Budgetforslag 2027 (PDF)', fileName: 'Budgetforslag 2027.pdf', openable: true } });
  });
});

describe('an imported file', () => {
  test('a bundle keeps the bytes of "Budgetforslag 2027.pdf.cmd" under a name that opens nothing; opening refuses, download is inert', async () => {
    const source = testContext();
    const sha = await storeFile(source.store.db, source.store.files, CMD);
    const dir = tempDir();
    const { opened, opener } = recordingOpener();
    const ctx: CoreContext = { ...testContext(), opener };
    fs.writeFileSync(path.join(dir, 'doc.json'), JSON.stringify(received(sha, 'Budgetforslag 2027.pdf.cmd')));
    // Through the bundle reader and importer, as a received .referent.zip arrives.
    const { writeBundle } = await import('../../src-main/core/exchange/bundle');
    const { readBundle } = await import('../../src-main/core/exchange/bundle');
    const { importDocument } = await import('../../src-main/core/exchange/import');
    const zip = await writeBundle(source.store.db, received(sha, 'Budgetforslag 2027.pdf.cmd'), source.store.files);
    const { document, files } = readBundle(zip, 'modtaget.referent.zip');
    const report = await importDocument(ctx.store, document, { files });
    expect(report.renamedFiles).toEqual([{ from: 'Budgetforslag 2027.pdf.cmd', to: 'Budgetforslag 2027_pdf_cmd' }]);

    const meeting = (await call(ctx, 'meetings.list', { committeeId: (await call(ctx, 'committees.list', {}))[0]!.id }))[0]!;
    const agenda = await call(ctx, 'agenda.get', { meetingId: meeting.id });
    const [attachment] = (await call(ctx, 'agenda.getItem', { itemId: agenda.items[0]!.id })).attachments;
    expect(attachment).toMatchObject({ title: 'Budgetforslag 2027 (PDF)', fileName: 'Budgetforslag 2027_pdf_cmd', openable: false, sha256: sha });

    expect(await invoke(ctx, 'agenda.openAttachment', { attachmentId: attachment!.id })).toMatchObject({ ok: false, error: { code: 'Forbidden', message: expect.stringContaining('is not opened: "Budgetforslag 2027_pdf_cmd" has no file type') } });
    expect(opened).toEqual([]);
    const download = await call(ctx, 'agenda.readAttachment', { attachmentId: attachment!.id });
    expect(download).toMatchObject({ fileName: 'Budgetforslag 2027_pdf_cmd', mime: 'application/octet-stream' });
    expect(Buffer.from(download.base64, 'base64').equals(CMD)).toBe(true);
  });

  test('the command line says which names it made inert', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'doc.json'), JSON.stringify(received('a'.repeat(64), 'Dagsorden.lnk')));
    const r = await cli(['import', 'doc.json', '--db', path.join(dir, 'r.sqlite')], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe('Note: the attachment file "Dagsorden.lnk" is not a document type Referent opens; it is kept as "Dagsorden_lnk", which opens nothing.\n');
  });

  test('a "PDF" whose bytes are a program is made inert too', async () => {
    const ctx = testContext();
    const { importDocument } = await import('../../src-main/core/exchange/import');
    const { sha256Hex } = await import('../../src-main/core/util/canonical');
    const sha = sha256Hex(EXE);
    const report = await importDocument(ctx.store, received(sha, 'Budget.pdf'), { files: new Map([[sha, EXE]]) });
    expect(report.renamedFiles).toEqual([{ from: 'Budget.pdf', to: 'Budget_pdf' }]);
  });
});

describe('opening', () => {
  test('refuses a row stored before these rules, by its name or by its bytes, and opens a real document', async () => {
    const { opened, opener } = recordingOpener();
    const ctx: CoreContext = { ...testContext(), opener };
    const { itemId } = await item(ctx);
    const good = (await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Budget.pdf', base64: PDF.toString('base64') })).id;
    const byName = (await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Budget2.pdf', base64: Buffer.concat([PDF, Buffer.from('2')]).toString('base64') })).id;
    await ctx.store.db.updateTable('attachments').set({ file_name: 'Budgetforslag 2027.pdf.cmd' }).where('id', '=', byName).execute();
    const sha = await storeFile(ctx.store.db, ctx.store.files, EXE);
    const byBytes = (await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Budget3.pdf', base64: Buffer.concat([PDF, Buffer.from('3')]).toString('base64') })).id;
    await ctx.store.db.updateTable('attachments').set({ sha256: sha }).where('id', '=', byBytes).execute();

    expect(await invoke(ctx, 'agenda.openAttachment', { attachmentId: byName })).toMatchObject({
      ok: false,
      error: { code: 'Forbidden', messageDa: 'Bilaget "Budget2" åbnes ikke: "Budgetforslag 2027.pdf.cmd" har en dobbelt filendelse (.pdf.cmd), en måde at få et program til at ligne et dokument på. Hent det, hvis du skal se det.' },
    });
    expect(await invoke(ctx, 'agenda.openAttachment', { attachmentId: byBytes })).toMatchObject({ ok: false, error: { code: 'Forbidden', message: 'The attachment "Budget3" is not opened: "Budget3.pdf" is not a PDF file: its content is of another kind. Download it if you must see it.' } });
    expect(opened).toEqual([]);
    expect((await call(ctx, 'agenda.readAttachment', { attachmentId: byBytes })).fileName).toBe('Budget3_pdf');
    expect(await call(ctx, 'agenda.openAttachment', { attachmentId: good })).toEqual({ opened: true });
    expect(opened.map((p) => path.basename(p))).toEqual(['Budget.pdf']);
  });
});

describe('the publication package', () => {
  test('leaves out a file that is not a document, and names no other extension than the checked one', async () => {
    const ctx = testContext();
    const { meetingId, itemId } = await item(ctx);
    await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Budget.pdf', title: 'Budgetforslag', base64: PDF.toString('base64') });
    const bad = (await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Bilag.pdf', title: 'Opdatering.exe', base64: Buffer.concat([PDF, Buffer.from('x')]).toString('base64') })).id;
    await ctx.store.db.updateTable('attachments').set({ file_name: 'Opdatering.exe' }).where('id', '=', bad).execute();
    const { input } = await loadReferat(ctx.store.db, { meetingId, kind: 'minutes', public: true });
    const pkg = await publicationAttachments(ctx.store.db, input, ctx.store.files);
    expect(pkg.attachments.map((e) => e.name)).toEqual(['2026-09-01 Økonomiudvalget Punkt 1 Bilag 1 - Budgetforslag.pdf']);
    expect(pkg.refused).toEqual(['Punkt 1: Opdatering.exe: "Opdatering.exe" is a .exe file, which is not a document type Referent opens (allowed: pdf, docx, doc, xlsx, xls, pptx, odt, ods, odp, rtf, txt, csv, png, jpg, jpeg, gif, tif, tiff, msg, eml)']);
  });
});
