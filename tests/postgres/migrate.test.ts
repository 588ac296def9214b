// referent migrate --from FILE --to postgres://… (issue 14 §7): a laptop's archive, attachments and
// change log included, moves into an empty server database; export-json of both sides is the same
// document, verify passes on the server, and a database that already holds an archive is refused.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore } from '../../src-main/core/store/open';
import { cli } from '../helpers/cli';
import { reopenTestStore, tempDir, tempStore, testContext } from '../helpers/store';

const fixture = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('referent migrate', () => {
  it('moves a file into an empty server database: the same export, verify passing, files and authors carried over', async () => {
    const cwd = tempDir();
    const keyFile = path.join(cwd, 'seal.key');
    const file = path.join(cwd, 'laptop.sqlite');
    expect((await cli(['import', fixture, '--db', file], cwd, { keyFile })).code).toBe(0);
    const laptop = testContext(openSqliteStore(file, { keyFile }));
    const [committee] = await call(laptop, 'committees.list', {});
    const meeting = (await call(laptop, 'meetings.list', { committeeId: committee!.id })).find((m) => !m.locked)!;
    const itemId = (await call(laptop, 'agenda.get', { meetingId: meeting.id })).items[0]!.id;
    const attachment = await call(laptop, 'agenda.addAttachment', { itemId, fileName: 'Budgetnotat.pdf', title: 'Budgetnotat', base64: PDF.toString('base64') });
    await call({ ...laptop, author: 'Anne Holm' }, 'agenda.updateItem', { itemId, caseNumber: '26/4881' });
    await laptop.store.close();

    const server = tempStore();
    await server.db.selectFrom('committees').select('id').execute(); // the database is made on first use
    const url = server.file;
    const moved = await cli(['migrate', '--from', file, '--to', url], cwd, { keyFile });
    expect(moved.err).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/^Moved 2 committee\(s\), \d+ meeting\(s\), \d+ item\(s\), \d+ change-log entries and 1 attachment file\(s\) from .*laptop\.sqlite to postgres:/);
    expect(moved.out).toMatch(/OK: export-json of the file and of the server are identical \(\d+ bytes, SHA-256 [0-9a-f]{64}\), and verify passes on the server \(\d+ change-log entries, \d+ approved meeting\(s\), 1 attachment file\(s\)\)\.\n$/);

    // Checked again from outside the command: the two exports, verify on the server, the file's bytes.
    const [before, after] = [await cli(['export-json', '--db', file], cwd), await cli(['export-json', '--db', url], cwd)];
    expect(after.out).toBe(before.out);
    expect((JSON.parse(after.out) as { committees: { name: string }[] }).committees.map((c) => c.name)).toContain(committee!.name);
    // The server's own search index is built from the moved items.
    expect((await cli(['search', 'Digitaliseringsstrategi', '--db', url], cwd)).out).toContain('Digitaliseringsstrategi 2026 - 2028');
    const verified = await cli(['verify', '--db', url], cwd, { keyFile });
    expect(verified.err).toBe('');
    expect(verified.out).toMatch(/^OK: the change log's \d+ entries link up/);
    const onServer = testContext(await reopenTestStore(url, { keyFile }));
    try {
      expect((await call(onServer, 'agenda.readAttachment', { attachmentId: attachment.id })).base64).toBe(PDF.toString('base64'));
      // The bytes are in the database, under their hash, not in a folder beside it.
      const blobs = await sql<{ sha256: string; hash: string }>`SELECT sha256, encode(sha256(bytes), 'hex') AS hash FROM file_blobs`.execute(onServer.store.db);
      expect(blobs.rows).toEqual([{ sha256: attachment.sha256, hash: attachment.sha256 }]);
      const entry = await onServer.store.db.selectFrom('change_log').select(['author', 'action']).where('author', 'is not', null).execute();
      expect(entry).toEqual([{ author: 'Anne Holm', action: 'item.update' }]);
      // The server writes on after the copied entries, and verify still passes.
      await call(onServer, 'agenda.updateItem', { itemId, title: 'Skrevet på serveren' });
    } finally {
      await onServer.store.close();
    }
    expect((await cli(['verify', '--db', url], cwd, { keyFile })).code).toBe(0);

    // A second move into the same database is refused, and leaves it as it was.
    const again = await cli(['migrate', '--from', file, '--to', url], cwd, { keyFile });
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('already holds an archive (its committees is not empty); referent migrate moves a file into an empty database only.');
    expect((await cli(['export-json', '--db', url], cwd)).out).not.toBe(before.out);
    expect(fs.existsSync(file)).toBe(true);
  });
});
