// A server's attachment files kept in a folder (sessions 3-5) move into its database when it opens:
// each hash-checked, once, in one transaction; a missing or altered file stops the move with a
// sentence naming its attachment, and the database is left as it was. docs/server-design.md §6.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { filePath, folderFileStore } from '../../src-main/core/files/file-store';
import { openPostgresStore } from '../../src-main/core/store/postgres/open';
import type { Store } from '../../src-main/core/store/open';
import { sha256Hex } from '../../src-main/core/util/canonical';
import type { AppError } from '../../src-main/core/errors';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { tempDir } from '../helpers/store';

const PLAN = Buffer.from(`%PDF-1.7\nTrafiksikkerhedsplan\n${'x'.repeat(2000)}\n%%EOF\n`);
const KORT = Buffer.from(`%PDF-1.7\nKort over skolevejen\n${'y'.repeat(2000)}\n%%EOF\n`);

const opened: Store[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
  for (const d of databases.splice(0)) await d.drop();
});

const open = async (url: string, filesDir: string): Promise<Store> => {
  const s = await openPostgresStore(url, { filesDir });
  opened.push(s);
  return s;
};

/** A server as session 5 left it: two attachments whose rows are in the database and whose bytes are in `folder`. */
async function serverWithFolder(): Promise<{ url: string; folder: string; shas: string[] }> {
  const database = await createTestDatabase('files_move_in');
  databases.push(database);
  const folder = path.join(tempDir(), 'server-files');
  const store = await open(database.url, path.join(tempDir(), 'none'));
  const ctx = { store, shell: 'cli' as const, version: 't' };
  const c = await call(ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-year' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T15:00' });
  const i = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Skoleveje' });
  const shas: string[] = [];
  for (const [title, bytes] of [['Plan', PLAN], ['Kort', KORT]] as const) {
    shas.push((await call(ctx, 'agenda.addAttachment', { itemId: i.id, fileName: `${title}.pdf`, title, base64: bytes.toString('base64') })).sha256!);
    await folderFileStore(folder).put(store.db, sha256Hex(bytes), bytes);
  }
  // Back to the folder days: no bytes in the database.
  await sql`DELETE FROM file_blobs`.execute(store.db);
  await store.close();
  opened.pop();
  return { url: database.url, folder, shas };
}

const blobs = async (s: Store) => (await sql<{ sha256: string; hash: string }>`SELECT sha256, encode(sha256(bytes), 'hex') AS hash FROM file_blobs ORDER BY sha256`.execute(s.db)).rows;

describe('files a server kept in its folder', () => {
  test('move into the database on open, hash-checked, once; the folder is left as it was', async () => {
    const { url, folder, shas } = await serverWithFolder();
    const store = await open(url, folder);
    expect(await blobs(store)).toEqual([...shas].sort().map((s) => ({ sha256: s, hash: s })));
    const ctx = { store, shell: 'cli' as const, version: 't' };
    expect((await call(ctx, 'meetingday.verify', {})).files).toEqual({ checked: 2, faults: [], hashOnly: 0 });
    expect(fs.existsSync(filePath(folder, shas[0]!))).toBe(true);
    // Once: the folder is not read again (a file removed from it afterwards changes nothing).
    fs.rmSync(filePath(folder, shas[0]!));
    await store.close();
    opened.pop();
    const again = await open(url, folder);
    expect(await blobs(again)).toHaveLength(2);
  });

  test('a missing or altered file stops the move with a sentence naming its attachment, and nothing is moved', async () => {
    const { url, folder, shas } = await serverWithFolder();
    const [plan, kort] = [sha256Hex(PLAN), sha256Hex(KORT)];
    expect(shas).toEqual([plan, kort]);
    fs.rmSync(filePath(folder, plan));
    fs.writeFileSync(filePath(folder, kort), 'altered');
    const refused = (await openPostgresStore(url, { filesDir: folder }).then(
      () => null,
      (e: unknown) => e,
    )) as AppError;
    expect({ code: refused.code, message: refused.message, da: refused.da }).toEqual({
      code: 'Corrupt',
      // In hash order (Kort's, 14d4…, before Plan's, ceb0…).
      message: `The attachment files in ${folder} could not be moved into the database: the file of the attachment "Kort" of the item "Skoleveje" (Børne- og Skoleudvalget, meeting of 01-09-2026) no longer matches its SHA-256 (${filePath(folder, kort)}); the file of the attachment "Plan" of the item "Skoleveje" (Børne- og Skoleudvalget, meeting of 01-09-2026) is missing (${filePath(folder, plan)}). Put the right files back in the folder (from a backup) and start again; nothing was moved.`,
      da: expect.stringContaining('kunne ikke flyttes ind i databasen: filen til bilaget "Kort" til punktet "Skoleveje"'),
    });
    expect(await sql`SELECT count(*)::int AS n FROM file_blobs`.execute((await open(url, path.join(tempDir(), 'no-folder'))).db)).toMatchObject({ rows: [{ n: 0 }] });
    // Put right, the next start moves them.
    fs.writeFileSync(filePath(folder, plan), PLAN);
    fs.writeFileSync(filePath(folder, kort), KORT);
    const store = await open(url, folder);
    expect(await blobs(store)).toHaveLength(2);
  });
});
