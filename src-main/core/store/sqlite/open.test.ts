// A command that only reads (referent search, verify, export-json) opens an up-to-date file through
// one read-only connection: it reads the version and the search index's notes itself, with no peek
// beside it. The connections are counted where they are made (better-sqlite3's constructor).
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test, vi } from 'vitest';
import { call } from '../../dispatch';
import { tempDir } from '../../../../tests/helpers/store';
import { openSqliteStore, openSqliteStoreReady } from './open';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('better-sqlite3', async (importOriginal) => {
  const Real = (await importOriginal<{ default: typeof BetterSqlite3 }>()).default;
  class Counted extends Real {
    constructor(file?: string | Buffer, options?: BetterSqlite3.Options) {
      super(file, options);
      opened.push(options?.readonly ? 'read-only' : 'read-write');
    }
  }
  return { default: Counted };
});

async function seeded(): Promise<string> {
  const file = path.join(tempDir(), 'referent.sqlite');
  const store = openSqliteStore(file);
  const ctx = { store, shell: 'cli' as const, version: 'test' };
  const c = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', shortName: 'ØU', numbering: 'per-meeting' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-02T14:30' });
  await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Budgetopfølgning' });
  await store.close();
  return file;
}

describe('opening a file only to read', () => {
  test('an up-to-date file: one read-only connection, and the rows come back', async () => {
    const file = await seeded();
    opened.length = 0;
    const store = await openSqliteStoreReady(file, { readOnly: true });
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    expect((await call(ctx, 'committees.list', {})).map((c) => c.name)).toEqual(['Økonomiudvalget']);
    expect((await call(ctx, 'search.items', { query: 'budgetopfølgning' })).total).toBe(1);
    await store.close();
    expect(opened).toEqual(['read-only']);
  });

  test('notes left for the search index: indexed by a writing open first, then read through a new reader', async () => {
    const file = await seeded();
    const raw = openSqliteStore(file);
    raw.sqlite.prepare("UPDATE items SET title = 'Ambassadørens bolig'").run();
    await raw.close();
    opened.length = 0;
    const store = await openSqliteStoreReady(file, { readOnly: true });
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    expect(store.readOnly).toBe(true);
    expect(store.sqlite.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    expect((await call(ctx, 'search.items', { query: 'bolig' })).hits.map((i) => i.title)).toEqual(['Ambassadørens bolig']);
    await store.close();
    expect(opened.at(0)).toBe('read-only');
    expect(opened.at(-1)).toBe('read-only');
    expect(opened).toContain('read-write');
  });
});
