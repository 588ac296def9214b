// The store on PostgreSQL: openStore takes a postgres:// URL, builds the schema once under an
// advisory lock (two opening at once migrate once), refuses a newer schema, keeps the change log
// append-only, reads booleans as booleans, and answers core's calls as the file does.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore, openStore, SCHEMA_VERSION, type Store } from '../../src-main/core/store/open';
import { MIGRATIONS } from '../../src-main/core/store/migrations';
import { BASELINE_VERSION } from '../../src-main/core/store/postgres/baseline';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { tempDir } from '../helpers/store';

let base: TestDatabase;
const opened: Store[] = [];
const open = async (url: string, options = {}): Promise<Store> => {
  const s = await openStore(url, { filesDir: tempDir(), ...options });
  opened.push(s);
  return s;
};

beforeAll(async () => {
  base = await createTestDatabase('store');
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await base?.drop();
});

describe('the store on PostgreSQL', () => {
  it('opens a postgres:// URL, creates the schema once even when two open at once, and says its version', async () => {
    const [a, b] = await Promise.all([open(base.url), open(base.url)]);
    expect(a.dialect).toBe('postgres');
    expect(a.file).toBe(base.url);
    expect(await a.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
    const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`.execute(a.db);
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['committees', 'meetings', 'items', 'change_log', 'referent_schema', 'search_documents', 'search_pending']));
    expect(a.backups).toBeNull();
    expect(a.features.checkIntegrity).toBeNull();
  });

  it('has every table and column of the file, and a PostgreSQL step for every migration after its baseline', async () => {
    for (const m of MIGRATIONS.filter((x) => x.version > BASELINE_VERSION)) expect(m.postgres, m.name).toBeTypeOf('function');
    const file = openSqliteStore(':memory:');
    // FTS5's own tables and its keys' notes; the server indexes in search_documents instead.
    const ftsOnly = /^(item_search.*|item_titles.*|search_keys|search_rekey|sqlite_.*)$/;
    const tables = file.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const columnsInFile = tables
      .filter((t) => !ftsOnly.test(t))
      .flatMap((t) => (file.sqlite.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).map((c) => `${t}.${c}`))
      // The file finds a word's inflections through its word list (migration 0150); the server's index stems by itself.
      .filter((c) => c !== 'search_words.stem')
      .sort();
    await file.close();
    const server = await open(base.url);
    const columns = await sql<{ c: string }>`SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public'`.execute(server.db);
    // The server's own: its schema version, its search table, its attachment bytes (the file keeps
    // them in its folder), and committees' insertion order (SQLite's rowid).
    const serverOnly = /^(referent_schema|search_documents|file_blobs)\.|^committees\.seq$/;
    expect(columns.rows.map((r) => r.c).filter((c) => !serverOnly.test(c)).sort()).toEqual(columnsInFile);
  });

  it('refuses a database written by a newer Referent, in English and Danish', async () => {
    const db = await createTestDatabase('store_newer');
    const s = await open(db.url);
    await sql`UPDATE referent_schema SET version = 999`.execute(s.db);
    const refusal = await openStore(db.url).catch((e: unknown) => e as { code: string; message: string; da: string });
    expect(refusal).toMatchObject({ code: 'TooNew' });
    expect((refusal as { message: string }).message).toContain('schema 999');
    expect((refusal as { da: string }).da).toContain('skrevet af en nyere Referent');
    await s.close();
    opened.splice(opened.indexOf(s), 1);
    await db.drop();
  });

  it('runs core operations: a committee, a meeting, items numbered, booleans read back as booleans, a verified change log', async () => {
    const store = await open(base.url);
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    const committee = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
    const meeting = await call(ctx, 'meetings.create', { committeeId: committee.id, start: '2027-02-03T16:00' });
    await call(ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Budgetopfølgning' });
    await call(ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Skolestruktur i Vojens' });
    const items = await store.db.selectFrom('items').select(['title', 'position', 'supplementary']).orderBy('position').execute();
    expect(items).toEqual([
      { title: 'Budgetopfølgning', position: 0, supplementary: false },
      { title: 'Skolestruktur i Vojens', position: 1, supplementary: false },
    ]);
    const v = await call(ctx, 'meetingday.verify', {});
    expect(v.fault).toBeNull();
    expect(v.entries).toBeGreaterThanOrEqual(4);
    await expect(sql`DELETE FROM change_log`.execute(store.db)).rejects.toThrow(/append-only/);
    const info = await call(ctx, 'system.info', {});
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('tells a constraint and a lost connection as one sentence each', async () => {
    const store = await open(base.url);
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting' });
    const twice = await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting' }).then(() => ({ code: 'none' }), (e: unknown) => e as { code: string });
    expect(twice.code).toMatch(/Conflict|Invalid/);
    const lost = store.features.mapError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(lost?.code).toBe('DiskError');
    expect(lost?.message).toContain('connection to the database');
    expect(lost?.message).not.toContain('password');
  });
});
