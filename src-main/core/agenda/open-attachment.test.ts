// "Åbn" on an attachment: with the desktop shell's opener the stored file is copied out under its
// own name and handed over; without one the renderer is told to download; no file is refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testContext } from '../../../tests/helpers/store';
import type { CoreContext } from '../context';
import { call, invoke } from '../dispatch';
import { filePath } from '../files/file-store';
import { safeFileName } from './open-attachment';

async function seedAttachment(ctx: CoreContext, fileName: string, bytes: Buffer) {
  const committee = await call(ctx, 'committees.create', { name: 'Organisations- og Beredskabsudvalget', numbering: 'per-year' });
  const meeting = await call(ctx, 'meetings.create', { committeeId: committee.id, start: '2026-06-02T14:30' });
  const item = await call(ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Budget 2027-2030' });
  const attachment = await call(ctx, 'agenda.addAttachment', { itemId: item.id, fileName, base64: bytes.toString('base64') });
  return Object.assign(attachment, { itemId: item.id });
}

/** An opener that only remembers what it was asked to open. */
function fakeOpener() {
  const opened: string[] = [];
  return { opened, opener: { openFile: async (p: string) => void opened.push(p) } };
}

const pdf = Buffer.from('%PDF-1.7\nUdvalgsbemærkninger OBU budget\n%%EOF\n');

describe('opening an attachment', () => {
  test('copies the stored file to a temp folder under its own name and opens that copy', async () => {
    const { opened, opener } = fakeOpener();
    const ctx: CoreContext = { ...testContext(), opener };
    const a = await seedAttachment(ctx, 'Udvalgsbemærkninger OBU budget 2027-2030.pdf', pdf);
    expect(await call(ctx, 'agenda.openAttachment', { attachmentId: a.id })).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    const copy = opened[0]!;
    expect(path.basename(copy)).toBe('Udvalgsbemærkninger OBU budget 2027-2030.pdf');
    expect(fs.readFileSync(copy).equals(pdf)).toBe(true);
    // A copy, never the store's own file: the viewer may lock or change what it opens.
    expect(path.resolve(copy).startsWith(path.resolve(ctx.store.filesDir))).toBe(false);

    // Edited and saved in the viewer: opening again shows the stored file, not the edit.
    fs.writeFileSync(copy, 'edited in Word');
    await call(ctx, 'agenda.openAttachment', { attachmentId: a.id });
    expect(opened[1]).toBe(copy);
    expect(fs.readFileSync(copy).equals(pdf)).toBe(true);
  });

  test('two attachments with the same file name but other contents open as two files', async () => {
    const { opened, opener } = fakeOpener();
    const ctx: CoreContext = { ...testContext(), opener };
    const a = await seedAttachment(ctx, 'Bilag.pdf', pdf);
    const b = await call(ctx, 'agenda.addAttachment', { itemId: a.itemId, fileName: 'Bilag.pdf', base64: Buffer.from('%PDF-1.7 andet').toString('base64') });
    await call(ctx, 'agenda.openAttachment', { attachmentId: a.id });
    await call(ctx, 'agenda.openAttachment', { attachmentId: b.id });
    expect(opened.map((p) => path.basename(p))).toEqual(['Bilag.pdf', 'Bilag.pdf']);
    expect(opened[0]).not.toBe(opened[1]);
    expect(fs.readFileSync(opened[0]!, 'latin1')).toContain('budget');
    expect(fs.readFileSync(opened[1]!, 'latin1')).toBe('%PDF-1.7 andet');
  });

  test('without an opener (browser shell, CLI) it answers opened: false, so the renderer downloads', async () => {
    const ctx = testContext();
    const a = await seedAttachment(ctx, 'Bilag - anlæg.pdf', pdf);
    expect(await call(ctx, 'agenda.openAttachment', { attachmentId: a.id })).toEqual({ opened: false });
  });

  test('an attachment without its file is refused, in English and Danish, and nothing is opened', async () => {
    const { opened, opener } = fakeOpener();
    const ctx: CoreContext = { ...testContext(), opener };
    const a = await seedAttachment(ctx, 'Bilag - anlæg.pdf', pdf);
    fs.rmSync(filePath(ctx.store.filesDir, a.sha256!));
    const missing = await invoke(ctx, 'agenda.openAttachment', { attachmentId: a.id });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'NotFound',
        message: expect.stringContaining('The file of the attachment "Bilag - anlæg" of the item "Budget 2027-2030" (Organisations- og Beredskabsudvalget, meeting of 02-06-2026) is missing from the data folder'),
        messageDa: expect.stringContaining('Filen til bilaget "Bilag - anlæg" til punktet "Budget 2027-2030" (Organisations- og Beredskabsudvalget, mødet den 02-06-2026) mangler i datamappen'),
      },
    });
    await ctx.store.db.updateTable('attachments').set({ sha256: null }).where('id', '=', a.id).execute();
    const none = await invoke(ctx, 'agenda.openAttachment', { attachmentId: a.id });
    expect(none).toMatchObject({ ok: false, error: { code: 'NotFound', messageDa: 'Bilaget "Bilag - anlæg" har ingen fil; det blev indlæst uden.' } });
    expect(opened).toEqual([]);
  });
});

describe('the name of the copy', () => {
  test('keeps a plain name and its extension', () => {
    expect(safeFileName('Udvalgsbemærkninger OBU budget 2027-2030.pdf')).toBe('Udvalgsbemærkninger OBU budget 2027-2030.pdf');
    expect(safeFileName('Notat.docx')).toBe('Notat.docx');
  });
  test('drops folders and characters a file system refuses, keeping the extension', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\Bilag: "ny"?.pdf')).toBe('Bilag_ _ny__.pdf');
    expect(safeFileName('Referat. ')).toBe('Referat');
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('.pdf')).toBe('_.pdf');
    expect(safeFileName('')).toBe('_');
  });
  test('shortens a very long name but keeps its extension', () => {
    const long = safeFileName(`${'Bilag '.repeat(60)}.docx`);
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('.docx')).toBe(true);
  });
});
