// The page cache (migration 5): numbers kept per meeting, kind and public flag, marked current
// only for the exact version they were measured on, and gone with their meeting.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open';
import { tempDir } from '../../../tests/helpers/store';
import { cachedPages, storePages } from './page-cache';

describe('the page cache', () => {
  it('arrives with migration 5 on an existing database, keeps the newest numbers and cascades with the meeting', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const old = openSqliteStore(file, { targetVersion: 2 });
    old.sqlite.exec(`INSERT INTO committees (id, name, numbering, created_at, updated_at) VALUES ('c1', 'OBU', 'per-year', 'x', 'x');
      INSERT INTO meetings (id, committee_id, start, created_at, updated_at) VALUES ('m1', 'c1', '2026-06-02T14:30', 'x', 'x');`);
    await old.close();

    const store = openSqliteStore(file);
    const key = { meetingId: 'm1', kind: 'minutes' as const, public: true, hash: 'v1' };
    expect(await cachedPages(store.db, key)).toBeNull();
    await storePages(store.db, key, new Map([['punkt_42', 2], ['punkt_43', 3]]));
    await storePages(store.db, { ...key, hash: 'v2' }, new Map([['punkt_42', 2], ['punkt_43', 4]]));
    expect(await cachedPages(store.db, { ...key, hash: 'v2' })).toEqual({ pages: new Map([['punkt_42', 2], ['punkt_43', 4]]), current: true });
    expect((await cachedPages(store.db, key))?.current).toBe(false);
    expect(await cachedPages(store.db, { ...key, public: false })).toBeNull();

    store.sqlite.exec(`DELETE FROM meetings WHERE id = 'm1'`);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM document_page_cache').get()).toEqual({ n: 0 });
    await store.close();
  });
});
