// The PostgreSQL search index after a large import: its GIN indexes' pending lists merged and the
// table analysed at once, so that the first searches use the index instead of reading through
// megabytes of pending entries (issue 14's bench: 65 ms for an absent word in 2,000 items).
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import type { Store } from '../../src-main/core/store/open';
import { openPostgresStore } from '../../src-main/core/store/postgres/open';
import type { ReferentDocument } from '../../src-shared/exchange';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

let database: TestDatabase;
let store: Store;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-pg-search-'));

beforeAll(async () => {
  database = await createTestDatabase('search_maintenance');
  store = await openPostgresStore(database.url, { filesDir });
});

afterAll(async () => {
  await store?.close();
  await database?.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** 30 meetings of 20 items, each with a paragraph of its own words. */
const archive = (): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Teknik- og Miljøudvalget',
      numbering: 'per-meeting',
      members: [],
      meetings: Array.from({ length: 30 }, (_, m) => ({
        start: `2025-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + Math.floor(m / 12) * 10).padStart(2, '0')}T15:00`,
        items: Array.from({ length: 20 }, (_, i) => ({
          title: `Vejplan ${m}-${i}`,
          sections: [{ kind: 'summary' as const, body: `Udvalget drøftede vejplanen for distrikt ${m * 20 + i} og kommunens budget for cykelstier, fortove og belysning.` }],
        })),
      })),
    },
  ],
});

test('a 600-item import leaves no pending GIN entries and an analysed table, and search finds its items', async () => {
  const ctx = { store, shell: 'cli' as const, version: 't' };
  await call(ctx, 'exchange.import', { document: archive() });
  const first = await call(ctx, 'search.items', { query: 'cykelstier' });
  expect(first.total).toBe(600);
  expect((await call(ctx, 'search.items', { query: '"distrikt 417"' })).hits.map((h) => h.title)).toEqual(['Vejplan 20-17']);
  // Merging again finds nothing left to merge: the refresh did it (before: 10 and more pages each).
  const cleaned = await sql<{ words: number; stems: number }>`SELECT gin_clean_pending_list('search_documents_lex'::regclass) AS words, gin_clean_pending_list('search_documents_stems'::regclass) AS stems`.execute(store.db);
  expect(cleaned.rows[0]).toEqual({ words: 0, stems: 0 });
  const analysed = await sql<{ n: string }>`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'search_documents'`.execute(store.db);
  expect(Number(analysed.rows[0]!.n)).toBe(600);
});
