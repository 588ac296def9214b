// Attachment files are evidence beside the database: a file truncated under its final SHA-256 name
// (an interrupted import, a full disk) is rewritten when the bytes come again, refused by every
// reader with a sentence naming the attachment and its meeting, named by `referent verify`, and
// stops a .referent.zip backup instead of being left out of it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { call, invoke } from '../../src-main/core/dispatch';
import { filePath } from '../../src-main/core/files/file-store';
import { removeBlob, storedBlob, truncateBlob } from '../helpers/blobs';
import { openSqliteStore } from '../../src-main/core/store/open';
import { buildPublication } from '../../src-main/core/documents/publication';
import { cli } from '../helpers/cli';
import { tempDir, testContext } from '../helpers/store';

const COMMITTEE = 'Organisations- og Beredskabsudvalget';
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.7\n${text}\n${'x'.repeat(2000)}\n%%EOF\n`);
const BUDGET = pdf('Udvalgsbemærkninger budget 2027-2030');
const BEREDSKAB = pdf('Risikobaseret dimensionering');

async function seed(ctx: CoreContext) {
  const committee = await call(ctx, 'committees.create', { name: COMMITTEE, numbering: 'per-year' });
  const meeting = await call(ctx, 'meetings.create', { committeeId: committee.id, start: '2026-06-02T14:30' });
  const item = await call(ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Budget 2027-2030' });
  const budget = await call(ctx, 'agenda.addAttachment', { itemId: item.id, fileName: 'Budget.pdf', title: 'Udvalgsbemærkninger', base64: BUDGET.toString('base64') });
  const beredskab = await call(ctx, 'agenda.addAttachment', { itemId: item.id, fileName: 'Beredskab.pdf', title: 'Dimensionering', base64: BEREDSKAB.toString('base64') });
  return { meetingId: meeting.id, itemId: item.id, budget, beredskab };
}

/** A database file with the seed in it, for the `referent` command. */
async function seededFile(dir: string, name = 'r.sqlite') {
  const file = path.join(dir, name);
  const ctx = { ...testContext(openSqliteStore(file)) };
  const s = await seed(ctx);
  await ctx.store.close();
  return { file, ...s, blob: (sha: string) => filePath(path.join(dir, 'files'), sha) };
}

const truncate = (file: string): void => fs.truncateSync(file, 100);

describe('a stored file is checked before it is trusted', () => {
  test('adding the same file again rewrites a truncated copy under its final name', async () => {
    const ctx = testContext();
    const { itemId, budget } = await seed(ctx);
    await truncateBlob(ctx.store, budget.sha256!);
    await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Budget igen.pdf', base64: BUDGET.toString('base64') });
    expect((await storedBlob(ctx.store, budget.sha256!))?.equals(BUDGET)).toBe(true);
    // Under its final name, with no temporary file left beside it.
    if (ctx.store.dialect === 'sqlite') expect(fs.readdirSync(path.dirname(filePath(ctx.store.filesDir, budget.sha256!)))).toEqual([budget.sha256]);
  });

  test('importing a bundle again rewrites a truncated copy under its final name', async () => {
    const dir = tempDir();
    const a = await seededFile(dir, 'a.sqlite');
    expect((await cli(['export-json', '--out', 'all.referent.zip', '--db', a.file], dir)).code).toBe(0);
    const other = tempDir();
    fs.copyFileSync(path.join(dir, 'all.referent.zip'), path.join(other, 'all.referent.zip'));
    expect((await cli(['import', 'all.referent.zip', '--db', path.join(other, 'b.sqlite')], other)).code).toBe(0);
    const blob = filePath(path.join(other, 'files'), a.budget.sha256!);
    expect(fs.readFileSync(blob).equals(BUDGET)).toBe(true);
    truncate(blob);
    const again = await cli(['import', 'all.referent.zip', '--db', path.join(other, 'b.sqlite')], other);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(blob).equals(BUDGET)).toBe(true);
  });
});

describe('every reader checks what it read', () => {
  test('download and open refuse a truncated file, naming the attachment and its meeting', async () => {
    const opened: string[] = [];
    const ctx: CoreContext = { ...testContext(), opener: { openFile: async (p) => void opened.push(p) } };
    const { budget } = await seed(ctx);
    await truncateBlob(ctx.store, budget.sha256!);
    const expected = {
      ok: false,
      error: {
        code: 'Corrupt',
        message: `The file of the attachment "Udvalgsbemærkninger" of the item "Budget 2027-2030" (${COMMITTEE}, meeting of 02-06-2026) is damaged or altered: its content no longer matches its SHA-256 (files/${budget.sha256!.slice(0, 2)}/${budget.sha256}). Restore it from a backup or a .referent.zip that holds it.`,
        messageDa: `Filen til bilaget "Udvalgsbemærkninger" til punktet "Budget 2027-2030" (${COMMITTEE}, mødet den 02-06-2026) er beskadiget eller ændret: dens indhold passer ikke længere med dens SHA-256 (files/${budget.sha256!.slice(0, 2)}/${budget.sha256}). Gendan den fra en sikkerhedskopi eller en .referent.zip, der indeholder den.`,
      },
    };
    expect(await invoke(ctx, 'agenda.readAttachment', { attachmentId: budget.id })).toEqual(expected);
    expect(await invoke(ctx, 'agenda.openAttachment', { attachmentId: budget.id })).toEqual(expected);
    expect(opened).toEqual([]);
  });

  test('a missing file is refused as missing, by name', async () => {
    const ctx = testContext();
    const { budget } = await seed(ctx);
    await removeBlob(ctx.store, budget.sha256!);
    const r = await invoke(ctx, 'agenda.readAttachment', { attachmentId: budget.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'NotFound', message: expect.stringContaining(`The file of the attachment "Udvalgsbemærkninger" of the item "Budget 2027-2030" (${COMMITTEE}, meeting of 02-06-2026) is missing from the data folder`) } });
  });

  test('the publication package refuses an altered file before it prints anything', async () => {
    const ctx = testContext();
    const { meetingId, budget } = await seed(ctx);
    await truncateBlob(ctx.store, budget.sha256!);
    let printed = 0;
    const printer = { tagged: true, print: async () => (printed++, new Uint8Array()) };
    await expect(buildPublication(ctx.store.db, ctx.store.files, printer, meetingId)).rejects.toThrow(/"Udvalgsbemærkninger" of the item "Budget 2027-2030" .* is damaged or altered/);
    expect(printed).toBe(0);
  });
});

describe('referent verify hashes every stored file', () => {
  test('names each missing and each altered file, and fails', async () => {
    const dir = tempDir();
    const s = await seededFile(dir);
    expect(await cli(['verify', '--db', s.file], dir)).toMatchObject({ code: 0, out: expect.stringContaining('2 attachment file(s) match their hash') });
    truncate(s.blob(s.budget.sha256!));
    fs.rmSync(s.blob(s.beredskab.sha256!));
    const r = await cli(['verify', '--db', s.file], dir);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^referent verify: FAULT: The file of the attachment "Udvalgsbemærkninger" of the item "Budget 2027-2030" \(Organisations- og Beredskabsudvalget, meeting of 02-06-2026\) is damaged or altered/));
    expect(lines).toContainEqual(expect.stringMatching(/^referent verify: FAULT: The file of the attachment "Dimensionering" .* is missing from the data folder/));
  });

  test('a blob no attachment uses is hashed too', async () => {
    const dir = tempDir();
    const s = await seededFile(dir);
    const store = openSqliteStore(s.file);
    await store.db.deleteFrom('attachments').execute();
    await store.close();
    fs.appendFileSync(s.blob(s.budget.sha256!), 'tail');
    const r = await cli(['verify', '--db', s.file], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`The stored file files/${s.budget.sha256!.slice(0, 2)}/${s.budget.sha256}, which no attachment uses, is damaged or altered`);
  });
});

describe('a .referent.zip backup is complete or not written', () => {
  test('a missing or altered file fails the bundle, naming it, and writes nothing; plain JSON still exports', async () => {
    const dir = tempDir();
    const s = await seededFile(dir);
    fs.rmSync(s.blob(s.beredskab.sha256!));
    truncate(s.blob(s.budget.sha256!));
    const r = await cli(['export-json', '--out', 'backup.referent.zip', '--db', s.file], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^referent export-json: The bundle was not written: it would lack 2 attachment file\(s\)\./);
    expect(r.err).toContain('"Dimensionering" of the item "Budget 2027-2030" (Organisations- og Beredskabsudvalget, meeting of 02-06-2026) is missing');
    expect(r.err).toContain('"Udvalgsbemærkninger" of the item "Budget 2027-2030" (Organisations- og Beredskabsudvalget, meeting of 02-06-2026) is damaged or altered');
    expect(fs.readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);

    const json = await cli(['export-json', '--out', 'plain.json', '--db', s.file], dir);
    expect(json.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plain.json'), 'utf8')).toContain(s.budget.sha256!);
  });
});
