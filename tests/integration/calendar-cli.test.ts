// `referent calendar import` and `referent calendar roll-forward`: output, --json shape, --apply, exit codes.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';
import { cli } from '../helpers/cli';
import { addCommittees, FIXTURES } from './calendar-helpers';

async function database(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'r.sqlite');
  const store = openSqliteStore(db);
  await addCommittees({ store, shell: 'cli', version: 'test' });
  await store.close();
  return { dir, db };
}

async function count(db: string): Promise<number> {
  const store = openSqliteStore(db);
  const n = (await store.db.selectFrom('meetings').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  await store.close();
  return n;
}

describe('referent calendar', () => {
  test('import, roll forward as JSON, apply', async () => {
    const { dir, db } = await database();
    const imported = await cli(['calendar', 'import', path.join(FIXTURES, 'excel-da-2026.csv'), '--db', db], dir);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('22 meetings added, 0 updated, 0 unchanged, 0 skipped.');

    const json = await cli(['calendar', 'roll-forward', '--from', '2026', '--to', '2027', '--committee', 'øu', '--json', '--db', db], dir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { proposals: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['proposals']);
    expect(parsed.proposals).toHaveLength(11);
    expect(parsed.proposals[1]).toEqual({ committee: 'Økonomiudvalget', source: '2026-02-19T16:00', proposed: '2027-02-25T16:00', moved: true, reason: 'flyttet fra 18. feb.: uge 7 er vinterferie' });
    for (const p of parsed.proposals) expect(Object.keys(p)).toEqual(['committee', 'source', 'proposed', 'moved', 'reason']);
    expect(await count(db)).toBe(22);

    const table = await cli(['calendar', 'roll-forward', '--from', '2026', '--to', '2027', '--db', db], dir);
    expect(table.out).toContain('Økonomiudvalget           19-02-2026 16:00  ->  25-02-2027 16:00  flyttet fra 18. feb.: uge 7 er vinterferie');

    const applied = await cli(['calendar', 'roll-forward', '--from', '2026', '--to', '2027', '--apply', '--db', db], dir);
    expect(applied.code).toBe(0);
    expect(applied.err).toContain('Created 22 meetings in 2027.');
    expect(await count(db)).toBe(44);
  });

  test('a bad file exits 2 with one line naming the file and the line, and imports nothing', async () => {
    const { dir, db } = await database();
    const r = await cli(['calendar', 'import', path.join(FIXTURES, 'broken-bad-date.csv'), '--db', db], FIXTURES);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `referent calendar: ${path.join(FIXTURES, 'broken-bad-date.csv')}, line 5: "31-04-2026" is not a date (write it like 19-02-2026, 19.02.2026, 19/2/2026 or 2026-02-19)`,
    ]);
    expect(await count(db)).toBe(0);
    const relative = await cli(['calendar', 'import', 'broken-truncated.ics', '--db', db], FIXTURES);
    expect(relative).toMatchObject({ code: 2, err: 'referent calendar: broken-truncated.ics, line 72: the file ends before END:VCALENDAR; it is truncated\n' });
    expect(dir).toBeTruthy();
  });

  test('bad arguments exit 2 with a reason', async () => {
    const { dir, db } = await database();
    expect(await cli(['calendar', 'import', 'nowhere.ics', '--db', db], dir)).toMatchObject({ code: 2, err: 'referent calendar: nowhere.ics: no such file\n' });
    expect((await cli(['calendar', 'roll-forward', '--from', '2026', '--db', db], dir)).code).toBe(2);
    expect((await cli(['calendar', 'roll-forward', '--from', '26', '--to', '2027', '--db', db], dir)).err).toContain('--from must be a year like 2026, not "26"');
    const unknown = await cli(['calendar', 'roll-forward', '--from', '2026', '--to', '2027', '--committee', 'Kulturudvalget', '--db', db], dir);
    expect(unknown).toMatchObject({ code: 2, err: 'referent calendar: There is no committee called "Kulturudvalget" (give its name or short name).\n' });
    expect((await cli(['calendar', 'sync', '--db', db], dir)).code).toBe(2);
  });
});
