// Eight secretaries writing to one committee at once, each in its own process with its own
// connections to the server (tests/helpers/pg-writer.ts): items added to published meetings of one
// year (so each takes the next free number of the year: a read, then a write), sections, a member
// each, reorders. Afterwards no number or position is taken twice, the change log's chain holds,
// and every writer's items are there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openStore, type Store } from '../../src-main/core/store/open';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { tempDir } from '../helpers/store';

const WRITERS = 8;
const ITEMS_EACH = 15;
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

type Report = { label: string; items: string[]; failures: { what: string; code: string; message: string }[] };

let database: TestDatabase;
let store: Store;
const filesDir = tempDir();

beforeAll(async () => {
  database = await createTestDatabase('concurrency');
  store = await openStore(database.url, { filesDir });
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

function writer(label: string, committeeId: string, meetings: string[]): { ready: Promise<void>; go: () => void; done: Promise<Report> } {
  const child = spawn(process.execPath, [tsx, path.join(root, 'tests/helpers/pg-writer.ts'), database.url, label, committeeId, JSON.stringify(meetings), String(ITEMS_EACH), filesDir], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<Report>((resolve, reject) =>
    child.on('close', (code) => {
      const line = out.split('\n').filter(Boolean).at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`writer ${label} exited ${code}: ${err || out}`));
      else resolve(JSON.parse(line) as Report);
    }),
  );
  return { ready, go: () => child.stdin.write('go\n'), done };
}

describe('eight writers on one committee', () => {
  it('take no number or position twice, keep the chain whole, and lose nothing', async () => {
    const ctx = { store, shell: 'cli' as const, version: 'test' };
    const committee = await call(ctx, 'committees.create', { name: 'Børne- og Uddannelsesudvalget', numbering: 'per-year' });
    const meetings: string[] = [];
    for (const start of ['2027-02-03T16:00', '2027-03-03T16:00', '2027-04-07T16:00']) {
      const m = await call(ctx, 'meetings.create', { committeeId: committee.id, start });
      await call(ctx, 'agenda.addItem', { meetingId: m.id, title: `Godkendelse af dagsorden ${start}` });
      // Published: every item added from now on takes the next free number of the year.
      await call(ctx, 'meetings.setStatus', { id: m.id, status: 'agenda-published' });
      meetings.push(m.id);
    }

    const writers = Array.from({ length: WRITERS }, (_, i) => writer(`w${i + 1}`, committee.id, meetings));
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const reports = await Promise.all(writers.map((w) => w.done));

    // Nothing an addition tried was refused; a reorder may be refused only because its list went stale.
    for (const r of reports) {
      expect(r.failures.filter((f) => f.what !== 'reorder')).toEqual([]);
      for (const f of r.failures) expect(f.code).toMatch(/^(Invalid|Conflict)$/);
      expect(r.items).toHaveLength(ITEMS_EACH);
    }
    // Every writer's items are there, with both sections.
    const added = reports.flatMap((r) => r.items);
    const rows = await store.db.selectFrom('items').select(['id', 'meeting_id', 'number', 'position']).where('meeting_id', 'in', meetings).execute();
    expect(rows.filter((r) => added.includes(r.id))).toHaveLength(WRITERS * ITEMS_EACH);
    const sections = await sql<{ n: number }>`SELECT count(*) AS n FROM item_sections WHERE item_id IN (SELECT id FROM items WHERE meeting_id IN (${sql.join(meetings)}))`.execute(store.db);
    expect(sections.rows[0]!.n).toBe(WRITERS * ITEMS_EACH * 2);
    // Numbers: unique across the committee's year; positions: unique per meeting.
    const numbers = rows.map((r) => r.number).filter((n) => n !== null);
    expect(numbers).toHaveLength(rows.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const m of meetings) {
      const positions = rows.filter((r) => r.meeting_id === m).map((r) => r.position);
      expect(new Set(positions).size).toBe(positions.length);
    }
    // Each writer's member is there, at a position of its own.
    const members = await store.db.selectFrom('memberships').select(['position']).where('committee_id', '=', committee.id).execute();
    expect(members).toHaveLength(WRITERS);
    expect(new Set(members.map((m) => m.position)).size).toBe(WRITERS);
    // The chain links up over every writer's entries.
    const verified = await call(ctx, 'meetingday.verify', {});
    expect(verified.fault).toBeNull();
    expect(verified.entries).toBeGreaterThan(WRITERS * ITEMS_EACH * 2);
  }, 300_000);
});
