// The store: pragmas, migrations from an empty file and from the previous version with rows
// kept (after a backup copy), a newer file refused, a damaged file refused.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openSqliteStore, schemaVersion, SCHEMA_VERSION } from '../../src-main/core/store/open';
import { MIGRATIONS } from '../../src-main/core/store/migrations';
import { call } from '../../src-main/core/dispatch';
import { tempDir } from '../helpers/store';

describe('store', () => {
  test('migrations are numbered 1..N without gaps, so none can be skipped by a later one', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => `${String(m.version * 10).padStart(4, '0')}-${m.name.slice(5)}`));
  });

  test('a new file is migrated to the newest schema with WAL and foreign keys on', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const store = openSqliteStore(file);
    expect(schemaVersion(store.sqlite)).toBe(SCHEMA_VERSION);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    for (const t of ['committees', 'people', 'memberships', 'meetings', 'items', 'item_sections', 'attachments', 'files', 'attendance', 'guests', 'item_absences', 'decisions', 'votes', 'dissents', 'approvals', 'addenda', 'change_log', 'settings']) {
      expect(tables).toContain(t);
    }
    // No backup is made of a file that had nothing in it.
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    await store.close();
  });

  test('migrating from the previous version keeps the rows, and copies the file first', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'referent.sqlite');
    const previous = MIGRATIONS[MIGRATIONS.length - 2]!.version;
    const old = openSqliteStore(file, { targetVersion: previous });
    expect(schemaVersion(old.sqlite)).toBe(previous);
    // Rows written in the previous version's own terms: today's services speak the newest schema.
    old.sqlite.exec(`
      INSERT INTO committees (id, name, short_name, numbering, created_at, updated_at)
        VALUES ('c-1', 'Børne- og Familieudvalget', 'BFU', 'per-meeting', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO meetings (id, committee_id, start, created_at, updated_at) VALUES ('m-1', 'c-1', '2026-03-03T15:00', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO items (id, meeting_id, position, title) VALUES ('item-x', 'm-1', 5, 'Skolestruktur i Vojens');
    `);
    await old.close();

    const store = openSqliteStore(file);
    expect(schemaVersion(store.sqlite)).toBe(SCHEMA_VERSION);
    const meetings = await store.db.selectFrom('meetings').innerJoin('committees', 'committees.id', 'meetings.committee_id').select(['committees.name', 'meetings.start']).execute();
    expect(meetings).toEqual([{ name: 'Børne- og Familieudvalget', start: '2026-03-03T15:00' }]);
    // The search index takes in the rows that were there before.
    const hits = await call({ store, shell: 'cli', version: 'test' }, 'search.items', { query: 'Vojens' });
    expect(hits.hits.map((h) => h.itemId)).toEqual(['item-x']);
    // The copy is a checked backup in backups/ (tests/integration/backups.test.ts says more).
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^referent-.+-pre-migration\.sqlite$/);
    const copy = new BetterSqlite3(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(previous);
    expect(copy.prepare('SELECT count(*) FROM items').pluck().get()).toBe(1);
    copy.close();
    await store.close();
  });

  test('a file whose agendas were reordered before version 16 lists their hits in agenda order after migrating', async () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const store = openSqliteStore(file);
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    const c = await call(ctx, 'committees.create', { name: 'Teknik- og Klimaudvalget', numbering: 'per-year' });
    const meetingIds: string[] = [];
    for (const start of ['2026-05-05T15:00', '2026-06-02T15:00']) {
      const m = await call(ctx, 'meetings.create', { committeeId: c.id, start });
      meetingIds.push(m.id);
      for (const title of ['Havnen, første', 'Havnen, anden', 'Havnen, tredje']) await call(ctx, 'agenda.addItem', { meetingId: m.id, title: `${title} ${start.slice(5, 7)}` });
    }
    // The file as version 15 left it: no trigger noted the reorder of May's agenda.
    store.sqlite.exec(`
      DROP TRIGGER items_search_position; DROP TABLE search_rekey;
      UPDATE items SET position = -1 - position WHERE meeting_id = '${meetingIds[0]}';
      UPDATE items SET position = 3 + position WHERE meeting_id = '${meetingIds[0]}';
      PRAGMA user_version = ${MIGRATIONS.at(-2)!.version};
    `);
    await store.close();

    const again = openSqliteStore(file);
    // Only May's meeting was out of order, and only it is noted.
    expect(again.sqlite.prepare('SELECT meeting_id FROM search_rekey').pluck().all()).toEqual([meetingIds[0]]);
    const hits = await call({ store: again, shell: 'cli', version: 'test' }, 'search.items', { query: 'havnen' });
    expect(hits.hits.map((h) => h.title)).toEqual(['Havnen, første 06', 'Havnen, anden 06', 'Havnen, tredje 06', 'Havnen, tredje 05', 'Havnen, anden 05', 'Havnen, første 05']);
    await again.close();
  });

  test('a failing migration leaves the file at the last good version', () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const broken = [
      ...MIGRATIONS,
      { version: 99, name: '9990-broken', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);') },
    ];
    expect(() => openSqliteStore(file, { migrations: broken })).toThrow(/no such table: nowhere/);
    const db = new BetterSqlite3(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  test('a database written by a newer Referent is refused with a clear message', () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(`was written by a newer Referent (schema ${SCHEMA_VERSION + 5}; this version knows up to ${SCHEMA_VERSION}). Update Referent to open it.`);
  });

  test('a file that is not a database is refused, not overwritten', () => {
    const file = path.join(tempDir(), 'referent.sqlite');
    fs.writeFileSync(file, 'Dette er et Word-dokument, ikke en database. '.repeat(200));
    expect(() => openSqliteStore(file)).toThrow(/not a database/);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^Dette er et Word-dokument/);
  });

  test('the change log is append-only', async () => {
    const store = openSqliteStore(path.join(tempDir(), 'referent.sqlite'));
    await call({ store, shell: 'cli', version: 't' }, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    expect(() => store.sqlite.exec("UPDATE change_log SET action = 'x'")).toThrow(/append-only/);
    expect(() => store.sqlite.exec('DELETE FROM change_log')).toThrow(/append-only/);
    await store.close();
  });
});
