// SQLite's own failures reach the user as one sentence naming the file and the way out, and
// leave the data as it was.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { call, invoke } from '../../src-main/core/dispatch';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';

/** A 1×1 PNG padded to about 1 MB with an ancillary chunk: a logo the settings accept, too big for a full disk. */
function largePng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('pAdd', Buffer.alloc(1_100_000)), chunk('IEND', Buffer.alloc(0))]);
}

describe('a write that fails inside SQLite', () => {
  test('disk full: the user learns the disk is full (not a failed rollback), and nothing was changed', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const store = openSqliteStore(file);
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    await call(ctx, 'settings.update', { name: 'Haderslev Kommune' });
    // The file may not grow by a single page: as on a full disk, SQLite answers SQLITE_FULL and
    // rolls the transaction back itself, so the ROLLBACK after it finds nothing to roll back.
    store.sqlite.pragma(`max_page_count = ${store.sqlite.pragma('page_count', { simple: true }) as number}`);
    const r = await invoke(ctx, 'settings.update', { name: 'Aabenraa Kommune', logo: { mime: 'image/png', base64: largePng().toString('base64') } });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'DiskFull',
        message: `The disk holding ${file} is full; nothing was changed. Free some space on it and try again.`,
        messageDa: `Disken med ${file} er fuld; intet blev ændret. Frigør plads på den, og prøv igen.`,
      },
    });
    expect(await call(ctx, 'settings.get', {})).toEqual({ name: 'Haderslev Kommune', logo: null });
    await store.close();
  });
});
