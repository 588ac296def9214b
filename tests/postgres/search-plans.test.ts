// How the server's search reads its rows (issue 14's bench: 30-70 ms a search at 2,000 items, a
// second and more at 26,000). Each item's vectors were stored out of line; the planner, costing a
// scan by the table's few pages, filtered every row and read every vector, and short columns were
// moved out of line too, so a sort by meeting read the TOAST table again. Asserted on the plans
// PostgreSQL runs (EXPLAIN ANALYZE, BUFFERS), which do not depend on the machine's speed: a rare,
// absent or stemmed word reads a few dozen pages, a phrase a few hundred, a common word at most
// the table's own pages once, and the order index serves a common word with no sort.
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { parseQuery } from '../../src-main/core/search/query';
import type { Database } from '../../src-main/core/store/database';
import type { Store } from '../../src-main/core/store/open';
import { openPostgresStore } from '../../src-main/core/store/postgres/open';
import { pgSearchIndex } from '../../src-main/core/store/postgres/pg-search-index';
import type { ReferentDocument } from '../../src-shared/exchange';
import { generateArchive, PLANTED } from '../../bench/archive/generate';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

let database: TestDatabase;
let store: Store;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-pg-plans-'));

/** The bench's archive (bench/archive/generate.ts) at the size of the first figures: items of real length. */
const ITEMS = 2000;
const archive = (): ReferentDocument => {
  const generated = generateArchive({ items: ITEMS });
  return { format: 'referent/v1', organization: generated.organization, committees: generated.committees.map((c) => ({ ...c.header, meetings: [...c.meetings()] })) };
};

type PlanNode = { 'Node Type': string; 'Actual Rows': number; 'Relation Name'?: string; 'Index Name'?: string; 'Shared Hit Blocks': number; 'Shared Read Blocks': number; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The statements the index runs for what she typed, each with the plan PostgreSQL ran it by. */
async function plansOf(text: string, setting?: string): Promise<{ sql: string; plan: PlanNode }[]> {
  const seen: CompiledQuery[] = [];
  const pool = new pg.Pool({ ...database.config, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void (e.level === 'query' && seen.push(e.query)) });
  try {
    await pgSearchIndex.query(db, { terms: parseQuery(text), filters: {}, offset: 0, limit: 50 });
    const out = [];
    if (setting) await sql.raw(setting).execute(db);
    for (const q of seen.filter((s) => /search_documents/.test(s.sql))) {
      const r = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.raw(q.sql.replace(/\$(\d+)/g, (_, i: string) => literal(q.parameters[Number(i) - 1])))}`.execute(db);
      out.push({ sql: q.sql, plan: r.rows[0]!['QUERY PLAN'][0].Plan });
    }
    return out;
  } finally {
    await db.destroy();
  }
}

const literal = (v: unknown): string => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
const blocks = (p: PlanNode): number => p['Shared Hit Blocks'] + p['Shared Read Blocks'];

beforeAll(async () => {
  database = await createTestDatabase('search_plans');
  store = await openPostgresStore(database.url, { filesDir });
  await call({ store, shell: 'cli', version: 't' }, 'exchange.import', { document: archive() });
  await store.search.refresh(store.db);
}, 120_000);

afterAll(async () => {
  await store?.close();
  await database?.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** What she types, the hits it finds (as on the file: bench/README.md), and the most pages its statements may read. */
const KINDS: [kind: string, text: string, total: number, pages: number][] = [
  ['common word', 'kommunen', 1000, 1500],
  ['prefix', 'kommu', 1000, 1500],
  ['rare word', PLANTED.rare, 0, 60],
  ['stem', PLANTED.stemForms[0]!, 5, 60],
  ['absent word', 'xyzzyq', 0, 60],
  ['phrase', `"${PLANTED.phrase}"`, 25, 400],
  ['phrase being typed', '"grøn omst', 25, 400],
];

test('each kind of search finds what it should and reads only the pages it needs, never every vector out of line', async () => {
  const ctx = { store, shell: 'cli' as const, version: 't' };
  const heapPages = Number((await sql<{ n: string }>`SELECT pg_relation_size('search_documents') / 8192 AS n`.execute(store.db)).rows[0]!.n);
  for (const [kind, text, total, pages] of KINDS) {
    expect((await call(ctx, 'search.items', { query: text })).total, kind).toBe(total);
    const plans = await plansOf(text);
    expect(plans.length, kind).toBeGreaterThan(0);
    // Before: 8,000-16,000 pages for every kind at this size (the rows' 63 pages and every vector in TOAST).
    for (const { plan } of plans) expect(blocks(plan), kind).toBeLessThan(Math.min(pages, heapPages + 100));
  }
});

test('a common word reads its rows in the order of the results and stops at the count, once the archive outgrows a page-by-page read', async () => {
  // What the planner chooses at 26,000 items (bench/README.md); at 2,000 it reads the 1,000 pages
  // of the table instead, so the other ways are ruled out here: the order index serves the query
  // with no sort, about one page per row returned.
  const plans = await plansOf('kommunen', 'SET enable_seqscan = off; SET enable_bitmapscan = off');
  const all = nodes(plans[0]!.plan);
  const matches = all.find((n) => n['Index Name'] === 'search_documents_order' && n['Actual Rows'] === 1001);
  expect(matches).toBeDefined();
  expect(blocks(matches!)).toBeLessThan(1200);
  expect(all.filter((n) => n['Node Type'] === 'Sort' && n.Plans?.some((c) => c['Index Name'] === 'search_documents_order'))).toEqual([]);
});
