// Issue 10 §4: tamper evidence that survives a rewrite. Meetings imported as approved are sealed
// in the change log as approval seals them; the chain's anchor (printed on approved minutes,
// written into exports) proves later that it was neither cut nor rebuilt; each entry's MAC under
// a key kept outside the file proves a rebuilt chain was not made by Referent.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { entryHash } from '../../src-main/core/changelog/changelog';
import { loadReferat } from '../../src-main/core/documents/documents.service';
import { hashMeeting, readMeetings } from '../../src-main/core/meetings/meeting-content';
import { verifyStore } from '../../src-main/core/meetingday/verify';
import { openSqliteStore, type Store } from '../../src-main/core/store/open';
import { seal as sealMigration } from '../../src-main/core/store/migrations/0070-seal';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';
import { approvedMeetingDayDocument, everyonePresent, meetingDayDocument, MEETING } from './meetingday-fixture';

const LABEL = `the approved minutes of Organisations- og Beredskabsudvalget on 02-06-2026 (meeting ${MEETING})`;

type Setup = { dir: string; file: string; keyFile: string; store: Store; ctx: CoreContext };

function keyedStore(): Setup {
  const dir = tempDir('referent-chain-');
  const file = path.join(dir, 'referent.sqlite');
  const keyFile = path.join(dir, 'config', 'referent.key');
  const store = openSqliteStore(file, { keyFile });
  return { dir, file, keyFile, store, ctx: { store, shell: 'cli', version: 'test' } };
}

/** Someone with the file and none of Referent's keys: a connection of their own. */
function raw<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS change_log_no_update; DROP TRIGGER IF EXISTS change_log_no_delete;');
    return fn(db);
  } finally {
    db.close();
  }
}

/** Recomputes every entry's hash from `from` on, so that the chain links up again (what a rewrite does). */
function rechain(db: BetterSqlite3.Database, options: { stripMacs?: boolean } = {}): void {
  const rows = db.prepare('SELECT * FROM change_log ORDER BY seq').all() as { seq: number; at: string; meeting_id: string | null; committee_id: string | null; action: string; payload: string; hash: string }[];
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const hash = entryHash(prev, r);
    db.prepare(`UPDATE change_log SET prev_hash = ?, hash = ?${options.stripMacs ? ', mac = NULL, mac_key = NULL' : ''} WHERE seq = ?`).run(prev, hash, r.seq);
    prev = hash;
  }
}

/** Changes the approved meeting's first decision and everything that records it: rows, sealed content, lock hash and the seal's entry. */
function rewriteApprovedDecision(db: BetterSqlite3.Database): void {
  const seal = db.prepare('SELECT content FROM meeting_seals WHERE meeting_id = ?').get(MEETING) as { content: string };
  const content = seal.content.replace('"outcome":"approved"', '"outcome":"rejected"');
  const hash = sha256Hex(content);
  db.prepare(`UPDATE decisions SET outcome = 'rejected' WHERE item_id = (SELECT id FROM items WHERE meeting_id = ? ORDER BY position LIMIT 1)`).run(MEETING);
  db.prepare('UPDATE meeting_seals SET content = ? WHERE meeting_id = ?').run(content, MEETING);
  db.prepare('UPDATE meetings SET content_hash = ? WHERE id = ?').run(hash, MEETING);
  const entry = db.prepare(`SELECT seq, payload FROM change_log WHERE meeting_id = ? AND payload LIKE '%contentHash%' ORDER BY seq DESC LIMIT 1`).get(MEETING) as { seq: number; payload: string };
  const payload = JSON.parse(entry.payload) as Record<string, unknown>;
  db.prepare('UPDATE change_log SET payload = ? WHERE seq = ?').run(JSON.stringify({ ...payload, contentHash: hash }), entry.seq);
  rechain(db);
  const sealEntry = db.prepare('SELECT hash, (SELECT count(*) FROM change_log c2 WHERE c2.seq <= c.seq) AS n FROM change_log c WHERE seq = ?').get(entry.seq) as { hash: string; n: number };
  db.prepare('UPDATE meeting_seals SET entry = ?, entry_hash = ? WHERE meeting_id = ?').run(sealEntry.n, sealEntry.hash, MEETING);
}

describe('a meeting imported as approved is sealed', () => {
  test('in the change log with its content hash, as approval seals it, and printed with its anchor', async () => {
    const s = keyedStore();
    await call(s.ctx, 'exchange.import', { document: approvedMeetingDayDocument() });
    const row = await s.store.db.selectFrom('meetings').select(['content_hash', 'locked_at']).where('id', '=', MEETING).executeTakeFirstOrThrow();
    const entry = await s.store.db.selectFrom('change_log').selectAll().where('meeting_id', '=', MEETING).where('action', '=', 'exchange.sealImported').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.payload)).toEqual({ lockedAt: row.locked_at, contentHash: row.content_hash });
    expect(entry.mac).toMatch(/^[0-9a-f]{64}$/);
    const { doc } = await loadReferat(s.store.db, { meetingId: MEETING, kind: 'minutes', public: false });
    const position = (await s.store.db.selectFrom('change_log').select('seq').where('seq', '<=', entry.seq).execute()).length;
    expect(doc.seal?.text).toBe(`Forseglet i ændringsloggen; kontrollér med referent verify --anchor ${entry.hash}:${position}`);
    expect(await verifyStore(s.store.db, { keyFiles: [s.keyFile] })).toMatchObject({ ok: true, lockedMeetings: 1, fault: null, notes: [] });
    await s.store.close();
  });

  test('its rows edited together with the lock hash: the seal in the change log names it', async () => {
    const s = keyedStore();
    await call(s.ctx, 'exchange.import', { document: approvedMeetingDayDocument() });
    raw(s.file, (db) => {
      db.exec(`UPDATE decisions SET text = 'Forkastet' WHERE item_id IN (SELECT id FROM items WHERE meeting_id = '${MEETING}');`);
      db.exec(`UPDATE meeting_seals SET content = replace(content, '"outcome":"approved"', '"outcome":"approved","text":"Forkastet"');`);
      const content = (db.prepare('SELECT content FROM meeting_seals').get() as { content: string }).content;
      db.prepare('UPDATE meetings SET content_hash = ? WHERE id = ?').run(sha256Hex(content), MEETING);
    });
    expect((await verifyStore(s.store.db, { keyFiles: [s.keyFile] })).fault).toBe(
      `${LABEL} carry a content hash that differs from the one the change log recorded when they were sealed`,
    );
    await s.store.close();
  });

  test('and rewritten down to the change log, re-chained: the MACs name it', async () => {
    const s = keyedStore();
    await call(s.ctx, 'exchange.import', { document: approvedMeetingDayDocument() });
    raw(s.file, rewriteApprovedDecision);
    const r = await verifyStore(s.store.db, { keyFiles: [s.keyFile] });
    expect(r.fault).toMatch(/^change log entry \d+ \(exchange\.sealImported\) carries a MAC that does not match it: the entry was rewritten by someone without the key/);
    await s.store.close();
  });
});

describe('the anchor, kept outside the database', () => {
  async function approvedWithAnchors(): Promise<Setup & { printed: string; exported: string }> {
    const s = keyedStore();
    await call(s.ctx, 'exchange.import', { document: meetingDayDocument() });
    await call(s.ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    const view = await call(s.ctx, 'meetingday.get', { meetingId: MEETING });
    for (const item of view.items) if (item.role !== 'signature') await call(s.ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved' });
    await call(s.ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
    const { doc } = await loadReferat(s.store.db, { meetingId: MEETING, kind: 'minutes', public: true });
    const printed = /--anchor ([0-9a-f]{64}:\d+)$/.exec(doc.seal!.text)![1]!;
    const exportFile = path.join(s.dir, 'backup.referent.json');
    fs.writeFileSync(exportFile, JSON.stringify(await call(s.ctx, 'exchange.export', {})));
    // Work goes on after the export: a later meeting gets an item.
    const next = (await call(s.ctx, 'meetings.list', { committeeId: view.meeting.committeeId })).find((m) => m.id !== MEETING)!;
    await call(s.ctx, 'agenda.addItem', { meetingId: next.id, title: 'Nyt punkt' });
    return { ...s, printed, exported: exportFile };
  }

  test("cutting the chain's tail (and unlocking) passes every other check, but not the anchor printed on the minutes or kept in an export", async () => {
    const s = await approvedWithAnchors();
    const sealedAt = Number(s.printed.split(':')[1]);
    raw(s.file, (db) => {
      const seq = (db.prepare('SELECT seq FROM change_log ORDER BY seq LIMIT 1 OFFSET ?').get(sealedAt - 1) as { seq: number }).seq;
      db.exec(`DELETE FROM change_log WHERE seq >= ${seq};`);
      db.exec(`UPDATE meetings SET locked_at = NULL, content_hash = NULL, status = 'held' WHERE id = '${MEETING}'; DELETE FROM meeting_seals;`);
      db.exec(`UPDATE decisions SET outcome = 'rejected' WHERE item_id IN (SELECT id FROM items WHERE meeting_id = '${MEETING}');`);
    });
    // What verify cannot see alone: the remaining entries link up and carry good MACs.
    expect(await verifyStore(s.store.db, { keyFiles: [s.keyFile] })).toMatchObject({ ok: true, lockedMeetings: 0 });
    const withPrinted = await verifyStore(s.store.db, { keyFiles: [s.keyFile], anchors: [{ head: s.printed.split(':')[0]!, length: sealedAt }] });
    expect(withPrinted.fault).toBe(`the change log has ${sealedAt - 1} entries, but the anchor ${s.printed} shows it once had ${sealedAt}: entries were removed from its end`);
    await s.store.close();
    const r = await cli(['verify', '--anchor', s.exported, '--db', s.file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^referent verify: FAULT: the change log has \d+ entries, but the anchor [0-9a-f]{64}:\d+ shows it once had \d+: entries were removed from its end\n$/);
  });

  test('rebuilding the chain with fresh hashes, MACs stripped, is named by the MAC check; without the key verify says plainly it could not check, and the anchor still catches it', async () => {
    const s = await approvedWithAnchors();
    raw(s.file, (db) => {
      rewriteApprovedDecision(db);
      rechain(db, { stripMacs: true });
    });
    const keyed = await verifyStore(s.store.db, { keyFiles: [s.keyFile] });
    expect(keyed.fault).toMatch(/^change log entry 1 \(meeting\.import\) carries no MAC: it was written or rewritten without the key \(\d+ entries fail their MAC check\)$/);
    fs.renameSync(s.keyFile, `${s.keyFile}.elsewhere`);
    const keyless = await verifyStore(s.store.db, { keyFiles: [s.keyFile] });
    expect(keyless).toMatchObject({ ok: true, fault: null });
    expect(keyless.notes).toContain(`The MACs of the change log were NOT checked: there is no key at ${s.keyFile}. The key is kept outside the database; put it back (or name it with --key) to check them.`);
    const [head, length] = s.printed.split(':');
    expect((await verifyStore(s.store.db, { keyFiles: [s.keyFile], anchors: [{ head: head!, length: Number(length) }] })).fault).toBe(
      `the change log no longer holds the anchor ${s.printed}: its entry at position ${length} has another hash, so the log was rewritten up to there`,
    );
    await s.store.close();
  });

  test('an anchor that holds is reported as holding; verify prints the anchor of now', async () => {
    const s = await approvedWithAnchors();
    await s.store.close();
    const r = await cli(['verify', '--anchor', s.printed, '--anchor', path.relative(process.cwd(), s.exported), '--key', s.keyFile, '--db', s.file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`The anchor ${s.printed} holds: the first ${s.printed.split(':')[1]} entries are as they were when it was taken.`);
    expect(r.out).toMatch(/\nAnchor now: [0-9a-f]{64}:\d+ \(keep it outside the database; "referent verify --anchor [0-9a-f]{64}:\d+" proves later that the log still holds it\)\.\n$/);
  });

  test('a bad --anchor is bad input, in one sentence', async () => {
    const r = await cli(['verify', '--anchor', 'abc:12', '--db', path.join(tempDir(), 'x.sqlite')]);
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/^referent verify: --anchor .*abc:12: neither an anchor \(HASH:LENGTH, 64 hexadecimal digits, a colon and a number\) nor a readable file\.\n$/) as unknown as string });
  });
});

describe('the key outside the database', () => {
  test('is created on the first write, readable by its owner only, never by opening or verifying', async () => {
    const s = keyedStore();
    expect(fs.existsSync(s.keyFile)).toBe(false);
    await verifyStore(s.store.db, { keyFiles: [s.keyFile] });
    expect(fs.existsSync(s.keyFile)).toBe(false);
    await call(s.ctx, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });
    expect(fs.statSync(s.keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(s.keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    const entry = await s.store.db.selectFrom('change_log').selectAll().executeTakeFirstOrThrow();
    expect(entry.mac).toMatch(/^[0-9a-f]{64}$/);
    // Another database of the same user signs with the same key.
    const other = openSqliteStore(path.join(s.dir, 'other.sqlite'), { keyFile: s.keyFile });
    await call({ store: other, shell: 'cli', version: 'test' }, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });
    expect((await other.db.selectFrom('change_log').select('mac_key').executeTakeFirstOrThrow()).mac_key).toBe(entry.mac_key);
    await other.close();
    await s.store.close();
  });

  test('entries signed by a key verify was not given are named, with the way to give it', async () => {
    const s = keyedStore();
    await call(s.ctx, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });
    const otherKey = path.join(s.dir, 'other.key');
    fs.writeFileSync(otherKey, `${'7'.repeat(64)}\n`, { mode: 0o600 });
    expect((await verifyStore(s.store.db, { keyFiles: [otherKey] })).fault).toMatch(/^change log entry 1 \(committee\.create\) was signed with the key [0-9a-f]{16}, which verify was not given \(name its file with --key\)$/);
    expect((await verifyStore(s.store.db, { keyFiles: [otherKey, s.keyFile] })).ok).toBe(true);
    await s.store.close();
  });

  test('a damaged key file is one sentence naming it, and nothing is written', async () => {
    const s = keyedStore();
    fs.mkdirSync(path.dirname(s.keyFile), { recursive: true });
    fs.writeFileSync(s.keyFile, 'not a key\n');
    await expect(call(s.ctx, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' })).rejects.toThrow(
      `The seal key ${s.keyFile} is damaged: it must hold 64 hexadecimal digits. Restore it from a backup.`,
    );
    expect(await s.store.db.selectFrom('committees').selectAll().execute()).toEqual([]);
    await s.store.close();
  });
});

describe('a database from before the seal', () => {
  test('is upgraded: its entries signed, its locks checked by content as before, and the first addendum seals a snapshot', async () => {
    const dir = tempDir('referent-legacy-');
    const file = path.join(dir, 'referent.sqlite');
    const keyFile = path.join(dir, 'referent.key');
    // The version before the seal, as the previous release wrote it: an approved meeting locked by its content hash alone.
    const old = openSqliteStore(file, { targetVersion: sealMigration.version - 1 });
    await call({ store: old, shell: 'cli', version: 'old' }, 'exchange.import', { document: meetingDayDocument() });
    const [content] = await readMeetings(old.db, { meetingIds: [MEETING] });
    old.sqlite.prepare(`UPDATE meetings SET status = 'minutes-approved', locked_at = '2026-06-10T09:00:00.000Z', content_hash = ? WHERE id = ?`).run(
      hashMeeting({ ...content!.meeting, status: 'minutes-approved' }),
      MEETING,
    );
    await old.close();

    const store = openSqliteStore(file, { keyFile });
    const ctx: CoreContext = { store, shell: 'cli', version: 'test' };
    expect(await store.db.selectFrom('meeting_seals').selectAll().execute()).toEqual([{ meeting_id: MEETING, content: null, entry: null, entry_hash: null, sealed_at: '2026-06-10T09:00:00.000Z' }]);
    const macs = await store.db.selectFrom('change_log').select('mac').execute();
    expect(macs.length).toBeGreaterThan(0);
    for (const m of macs) expect(m.mac).toMatch(/^[0-9a-f]{64}$/);
    const r = await verifyStore(store.db, { keyFiles: [keyFile] });
    expect(r).toMatchObject({ ok: true, lockedMeetings: 1 });
    expect(r.notes).toEqual(['1 approved meeting(s) were locked before Referent sealed what minutes print: their content is checked, but their names, template and logo are read as they are now.']);

    await call(ctx, 'meetingday.addAddendum', { meetingId: MEETING, text: 'Rettelse.' });
    const seal = await store.db.selectFrom('meeting_seals').selectAll().where('meeting_id', '=', MEETING).executeTakeFirstOrThrow();
    expect(JSON.parse(seal.content!).input.meeting.addenda).toEqual([{ at: expect.any(String) as unknown as string, text: 'Rettelse.' }]);
    const committeeId = (await call(ctx, 'committees.list', {})).find((c) => c.shortName === 'OBU')!.id;
    await call(ctx, 'committees.updateMember', { committeeId, key: 'hm', name: 'Holger M.' });
    const { doc } = await loadReferat(store.db, { meetingId: MEETING, kind: 'minutes', public: false });
    expect(JSON.stringify(doc)).not.toContain('Holger M.');
    expect(await verifyStore(store.db, { keyFiles: [keyFile] })).toMatchObject({ ok: true, notes: [] });
    await store.close();
  });
});
