// Issue 10 §4 with §8's rolling backups: every backup records the chain's anchor (signed with the
// key kept outside the file), so `referent verify` names a database set back by hand to an older
// copy, `referent backup restore` records a restore in the log (and verify then passes), and a
// backup altered after it was made is refused for restoring and named by verify.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { call } from '../../src-main/core/dispatch';
import { entryHash } from '../../src-main/core/changelog/changelog';
import { openSqliteStore } from '../../src-main/core/store/open';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';
import { everyonePresent, meetingDayDocument, MEETING } from './meetingday-fixture';

type Setup = { dir: string; file: string; keyFile: string; ctx: CoreContext };

function keyedStore(): Setup {
  const dir = tempDir('referent-backup-anchor-');
  const file = path.join(dir, 'referent.sqlite');
  const keyFile = path.join(dir, 'config', 'referent.key');
  return { dir, file, keyFile, ctx: { store: openSqliteStore(file, { keyFile, appVersion: 'test' }), shell: 'cli', version: 'test' } };
}

async function approve(ctx: CoreContext): Promise<void> {
  await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
  for (const item of view.items) if (item.role !== 'signature') await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved' });
  await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
}

/** A draft meeting, backed up (A); then the minutes approved and backed up again (B). */
async function twoBackups(): Promise<Setup & { a: string; b: string }> {
  const s = keyedStore();
  await call(s.ctx, 'exchange.import', { document: meetingDayDocument() });
  const a = (await s.ctx.store.backups!.create('manual')).name;
  await approve(s.ctx);
  const b = (await s.ctx.store.backups!.create('manual')).name;
  await s.ctx.store.close();
  return { ...s, a, b };
}

const backupFile = (s: Setup, name: string): string => path.join(s.dir, 'backups', name);
const record = (s: Setup, name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(`${backupFile(s, name)}.json`, 'utf8')) as Record<string, unknown>;

/** The head of a file's change log, "HASH:LENGTH". */
function headOf(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const r = db.prepare('SELECT hash, seq FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hash: string; seq: number };
    return `${r.hash}:${r.seq}`;
  } finally {
    db.close();
  }
}

/** Someone with the file and not the key: rejects the approved meeting's first decision and re-chains the log. */
function rewrite(file: string): void {
  const db = new BetterSqlite3(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS change_log_no_update; DROP TRIGGER IF EXISTS change_log_no_delete;');
    db.exec(`UPDATE change_log SET payload = replace(payload, '"approved"', '"rejected"')`);
    const rows = db.prepare('SELECT * FROM change_log ORDER BY seq').all() as { seq: number; at: string; meeting_id: string | null; committee_id: string | null; action: string; payload: string }[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const hash = entryHash(prev, r);
      db.prepare('UPDATE change_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
  } finally {
    db.close();
  }
}

describe('a rolling backup', () => {
  test('records the anchor of the log it copied, signed with the key, and lists it', async () => {
    const s = await twoBackups();
    expect(record(s, s.b)).toMatchObject({ anchor: headOf(backupFile(s, s.b)), anchorMac: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown as string });
    expect(record(s, s.a).anchor).toBe(headOf(backupFile(s, s.a)));
    expect(record(s, s.a).anchor).not.toBe(record(s, s.b).anchor);
    const listed = await cli(['backup', 'list', '--json', '--db', s.file]);
    const backups = (JSON.parse(listed.out) as { backups: { name: string; anchor: string | null }[] }).backups;
    expect(backups.map((b) => [b.name, b.anchor])).toEqual([[s.b, record(s, s.b).anchor], [s.a, record(s, s.a).anchor]]);
    const r = await cli(['verify', '--key', s.keyFile, '--db', s.file]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('The anchors of 2 backup(s) hold: the change log is as it was when each was made, up to that point.');
  });

  test('names a database set back by hand to an older copy: the later backup\'s anchor is no longer in its log', async () => {
    const s = await twoBackups();
    // The approval undone by copying the draft's backup over the file, outside Referent.
    fs.copyFileSync(backupFile(s, s.a), s.file);
    for (const side of ['-wal', '-shm']) fs.rmSync(`${s.file}${side}`, { force: true });
    const r = await cli(['verify', '--key', s.keyFile, '--db', s.file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^referent verify: FAULT: the change log no longer holds the anchor ${String(record(s, s.b).anchor)} recorded with the backup ${s.b} \\(made [0-9T:.-]+Z\\): entries were removed or rewritten since, and not by a restore Referent recorded`));
  });

  test('restored by Referent is recorded in the log, and verify then passes, noting the backups from before the restore', async () => {
    const s = await twoBackups();
    const restored = await cli(['backup', 'restore', s.a, '--db', s.file], undefined, { keyFile: s.keyFile });
    expect(restored).toMatchObject({ code: 0, err: '' });
    const store = openSqliteStore(s.file, { readOnly: true });
    const last = await store.db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await store.close();
    expect(last.action).toBe('backup.restore');
    expect(JSON.parse(last.payload)).toMatchObject({ backup: s.a, anchor: record(s, s.a).anchor });
    const r = await cli(['verify', '--key', s.keyFile, '--db', s.file]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/\d+ backup\(s\) made before the restore of [0-9T:.-]+Z hold entries this file no longer has, as a restore leaves them\./);
  });

  test('altered after it was made is refused for restoring, the file left as it was, and named by verify', async () => {
    const s = await twoBackups();
    const before = fs.readFileSync(s.file);
    rewrite(backupFile(s, s.b));
    const refused = await cli(['backup', 'restore', s.b, '--db', s.file]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`The backup ${s.b} was altered after it was made`);
    expect(fs.readFileSync(s.file).equals(before)).toBe(true);
    const r = await cli(['verify', '--key', s.keyFile, '--db', s.file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^referent verify: FAULT: the backup ${s.b} was altered after it was made: its change log ends at [0-9a-f]{64}:\\d+, but it ended at ${String(record(s, s.b).anchor)} when it was made\\n$`));
    // Its record rewritten to match, by someone without the key: the record's MAC names it.
    fs.writeFileSync(`${backupFile(s, s.b)}.json`, JSON.stringify({ ...record(s, s.b), anchor: headOf(backupFile(s, s.b)) }));
    const again = await cli(['verify', '--key', s.keyFile, '--db', s.file]);
    expect(again.err).toBe(`referent verify: FAULT: the record of the backup ${s.b} carries a MAC that does not match its anchor: the record was rewritten by someone without the key\n`);
  });
});
