// Attachment bytes through the store's FileStore, on both dialects (the folder beside the file; the
// server's database): an attachment's row never names bytes that are not stored, whatever fails
// between the two, and verify finds a damaged blob and names its attachment.
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { addAttachment } from '../../src-main/core/agenda/attachments.service';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { testContext } from '../helpers/store';
import type { Store } from '../../src-main/core/store/open';
import { truncateBlob, storedBlob } from '../helpers/blobs';

const PDF = Buffer.from(`%PDF-1.7\nTrafiksikkerhedsplan\n${'x'.repeat(3000)}\n%%EOF\n`);

async function item() {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-year' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T15:00' });
  const i = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Trafiksikkerhedsplan 2027' });
  return { ctx, itemId: i.id };
}

describe('an attachment and its bytes', () => {
  test('are kept together: added, read back whole, and listed by the store under their hash', async () => {
    const { ctx, itemId } = await item();
    const a = await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Plan.pdf', title: 'Plan', base64: PDF.toString('base64') });
    expect(a.sha256).toBe(sha256Hex(PDF));
    expect((await call(ctx, 'agenda.readAttachment', { attachmentId: a.id })).base64).toBe(PDF.toString('base64'));
    expect(await ctx.store.files.list(ctx.store.db)).toEqual([a.sha256]);
  });

  test('a failure after the bytes are stored and before the row is committed leaves no row naming missing bytes', async () => {
    const { ctx, itemId } = await item();
    await expect(
      ctx.store.write(async (db) => {
        await addAttachment(db, ctx.store.files, { itemId, fileName: 'Plan.pdf', title: 'Plan', bytes: PDF });
        throw new Error('the process died here');
      }),
    ).rejects.toThrow('the process died here');
    expect(await ctx.store.db.selectFrom('attachments').select('id').execute()).toEqual([]);
    expect(await ctx.store.db.selectFrom('files').select('sha256').execute()).toEqual([]);
    // In the database the bytes went with the transaction; a folder may keep them, named by nothing (harmless, and checked by verify).
    if (ctx.store.files.transactional) expect(await storedBlob(ctx.store, sha256Hex(PDF))).toBeNull();
    const report = await call(ctx, 'meetingday.verify', {});
    expect(report.ok).toBe(true);
    expect(report.files?.faults).toEqual([]);
    // Added again, it is whole.
    const a = await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Plan.pdf', title: 'Plan', base64: PDF.toString('base64') });
    expect((await storedBlob(ctx.store, a.sha256!))?.equals(PDF)).toBe(true);
  });

  test('verify hashes every stored blob and names the attachment of a damaged one', async () => {
    const { ctx, itemId } = await item();
    const a = await call(ctx, 'agenda.addAttachment', { itemId, fileName: 'Plan.pdf', title: 'Plan', base64: PDF.toString('base64') });
    expect((await call(ctx, 'meetingday.verify', {})).files).toEqual({ checked: 1, faults: [], hashOnly: 0 });
    await truncateBlob(ctx.store, a.sha256!);
    const report = await call(ctx, 'meetingday.verify', {});
    expect(report.ok).toBe(false);
    expect(report.files?.faults).toEqual([
      `The file of the attachment "Plan" of the item "Trafiksikkerhedsplan 2027" (Teknik- og Miljøudvalget, meeting of 01-09-2026) is damaged or altered: its content no longer matches its SHA-256 (files/${a.sha256!.slice(0, 2)}/${a.sha256}).`,
    ]);
    // And a reader refuses it rather than hand out wrong bytes.
    await expect(call(ctx, 'agenda.readAttachment', { attachmentId: a.id })).rejects.toThrow(/"Plan" of the item "Trafiksikkerhedsplan 2027" .* is damaged or altered/);
    // A blob no attachment names is still hashed (on the server: a row of file_blobs).
    if ((ctx.store as Store).dialect === 'postgres') {
      await sql`INSERT INTO file_blobs (sha256, bytes) VALUES (${'0'.repeat(64)}, ${Buffer.from('not this')})`.execute(ctx.store.db);
      expect((await call(ctx, 'meetingday.verify', {})).files?.faults).toContain(`The stored file files/00/${'0'.repeat(64)}, which no attachment uses, is damaged or altered: its content no longer matches its SHA-256.`);
    }
  });
});
