// No statement binds an IN (…) list that grows with the archive: ESLint refuses one unless it is
// a literal, a subquery or a `batch`, and verify works on more locked items than SQLite binds.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { batches, IN_BATCH } from '../../src-main/core/store/batches';

const eslint = new ESLint({ cwd: process.cwd() });

async function inListErrors(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src-main/core/x.ts' });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const prelude = "import type { Db } from './store/database';\nexport async function f(db: Db, ids: string[]) {\n";

describe('IN lists', () => {
  test('a list of ids bound whole is refused, in where() and in an expression builder', async () => {
    expect((await inListErrors(`${prelude}  return db.selectFrom('items').selectAll().where('id', 'in', ids).execute();\n}\n`)).join(' ')).toMatch(/bind it in batches/);
    expect((await inListErrors(`${prelude}  return db.selectFrom('items').selectAll().where((eb) => eb('id', 'not in', ids.map((i) => i))).execute();\n}\n`)).length).toBe(1);
  });
  test('literals, subqueries and batches pass', async () => {
    expect(await inListErrors(`${prelude}  return db.selectFrom('meetings').selectAll().where('status', 'in', ['planned', 'held']).execute();\n}\n`)).toEqual([]);
    expect(await inListErrors(`${prelude}  return db.selectFrom('items').selectAll().where('meeting_id', 'in', (eb) => eb.selectFrom('meetings').select('id')).execute();\n}\n`)).toEqual([]);
    expect(await inListErrors(`${prelude}  for (const batch of ids) await db.selectFrom('items').selectAll().where('id', 'in', batch).execute();\n}\n`)).toEqual([]);
  });
  test('batches cut a list into slices no longer than IN_BATCH, in order', () => {
    const ids = Array.from({ length: IN_BATCH * 2 + 3 }, (_, i) => i);
    const slices = [...batches(ids)];
    expect(slices.map((s) => s.length)).toEqual([IN_BATCH, IN_BATCH, 3]);
    expect(slices.flat()).toEqual(ids);
  });
});

describe('verify over more locked items than one statement can bind', () => {
  test('34,000 approved items in 1,700 meetings verify, and a change to the last is found', async () => {
    const { testContext } = await import('../helpers/store');
    const { call } = await import('../../src-main/core/dispatch');
    const { hashMeeting, readMeetings } = await import('../../src-main/core/meetings/meeting-content');
    const ctx = testContext();
    const sqlite = ctx.store.sqlite;
    const now = '2026-01-01T00:00:00.000Z';
    sqlite.transaction(() => {
      sqlite.prepare("INSERT INTO committees (id, name, numbering, created_at, updated_at) VALUES ('c', 'Økonomiudvalget', 'per-meeting', ?, ?)").run(now, now);
      const meeting = sqlite.prepare("INSERT INTO meetings (id, committee_id, start, status, locked_at, created_at, updated_at) VALUES (?, 'c', ?, 'minutes-approved', ?, ?, ?)");
      const item = sqlite.prepare('INSERT INTO items (id, meeting_id, position, number, title) VALUES (?, ?, ?, ?, ?)');
      // Locks as a version before the seal's snapshots left them: checked by their content hash.
      const legacySeal = sqlite.prepare('INSERT INTO meeting_seals (meeting_id, content, sealed_at) VALUES (?, NULL, ?)');
      for (let m = 0; m < 1700; m++) {
        const day = new Date(Date.UTC(1980, 0, 1 + m * 7)).toISOString().slice(0, 10);
        meeting.run(`m${m}`, `${day}T14:30`, now, now, now);
        legacySeal.run(`m${m}`, now);
        for (let i = 0; i < 20; i++) item.run(`m${m}i${i}`, `m${m}`, i, i + 1, `Punkt ${i + 1} den ${day}`);
      }
    })();
    const seal = sqlite.prepare('UPDATE meetings SET content_hash = ? WHERE id = ?');
    for (let m = 0; m < 1700; m += 100) {
      const meetingIds = Array.from({ length: 100 }, (_, i) => `m${m + i}`);
      for (const c of await readMeetings(ctx.store.db, { meetingIds })) seal.run(hashMeeting(c.meeting), c.row.id);
    }

    expect(await call(ctx, 'meetingday.verify', {})).toMatchObject({ ok: true, lockedMeetings: 1700, fault: null });
    sqlite.prepare("UPDATE items SET title = 'Ændret' WHERE id = 'm1699i19'").run();
    expect((await call(ctx, 'meetingday.verify', {})).fault).toMatch(/were changed after approval/);
  }, 120_000);
});
