// Issue 13 §3: the archive package of approved minutes, and `referent verify --package` checking
// it without the database: the package as written verifies; an altered meeting, seal, attachment
// or an extra file is named; a meeting that is not approved is not archived.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore } from '../../src-main/core/store/open';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';
import type { CoreContext } from '../../src-main/core/context';
import { everyonePresent, meetingDayDocument, MEETING } from './meetingday-fixture';

const PDF_BYTES = Buffer.from('%PDF-1.7\n% a stand-in attachment, stored and hashed like any other\n');

type Setup = { file: string; keyFile: string; dir: string; zip: string };
let approved: Setup;

/** OBU's meeting of 2 June with a PDF attached to its first item, recorded, approved by two members and sealed, in a store that signs its log. */
beforeAll(async () => {
  const dir = tempDir('referent-archive-');
  const file = path.join(dir, 'referent.sqlite');
  const keyFile = path.join(dir, 'key', 'referent.key');
  const store = openSqliteStore(file, { keyFile });
  const ctx: CoreContext = { store, shell: 'cli', version: 'test' };
  await call(ctx, 'exchange.import', { document: meetingDayDocument() });
  const view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  await call(ctx, 'agenda.addAttachment', { itemId: view.items[0]!.id, fileName: 'Budgetnotat 2027.pdf', title: 'Budgetnotat', base64: PDF_BYTES.toString('base64') });
  for (const item of view.items) if (item.role !== 'signature') await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved' });
  await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
  await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'fl' });
  await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
  await store.close();
  approved = { file, keyFile, dir, zip: path.join(dir, 'arkiv.zip') };
  const r = await cli(['archive', '--meeting', MEETING, '--out', approved.zip, '--db', file]);
  expect(r).toMatchObject({ code: 0 });
}, 180_000);

const entriesOf = (zip: string): Record<string, Uint8Array> => unzipSync(fs.readFileSync(zip));

/** A copy of the package with `change` applied to its files, the manifest's hashes made to match again when `rehash`. */
function altered(change: (files: Record<string, Uint8Array>) => void, rehash: boolean): string {
  const files = entriesOf(approved.zip);
  change(files);
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string; sha256: string; size: number }[] };
    for (const f of manifest.files) if (files[f.path]) Object.assign(f, { sha256: sha256Hex(files[f.path]!), size: files[f.path]!.byteLength });
    files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  }
  const out = path.join(approved.dir, `altered-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(out, zipSync(files as Zippable));
  return out;
}

const editJson = (files: Record<string, Uint8Array>, name: string, edit: (text: string) => string): void => {
  files[name] = strToU8(edit(strFromU8(files[name]!)));
};

describe('the archive package of approved minutes', () => {
  test('holds the PDF/A minutes, the approved meeting, its seal and a manifest a person reads, and verifies without the database', async () => {
    const files = entriesOf(approved.zip);
    expect(Object.keys(files).sort()).toEqual(['LAESMIG.txt', 'bilag/01-Budgetnotat 2027.pdf', 'manifest.json', 'moede.referent.json', 'referat.pdf', 'segl.json']);
    expect(Buffer.from(files['bilag/01-Budgetnotat 2027.pdf']!).equals(PDF_BYTES)).toBe(true);
    expect(strFromU8(files['referat.pdf']!.slice(0, 5))).toBe('%PDF-');
    expect(strFromU8(files['referat.pdf']!)).toContain('pdfaid:part');
    const store = openSqliteStore(approved.file, { readOnly: true });
    const row = await store.db.selectFrom('meetings').select('content_hash').where('id', '=', MEETING).executeTakeFirstOrThrow();
    await store.close();
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { contentHash: string; approved: { by: { member: string; name: string }[] }; files: { path: string; sha256: string }[]; anchor: string };
    expect(manifest.contentHash).toBe(row.content_hash);
    // Who approved, by name as the minutes print them (not by key).
    expect(manifest.approved.by.map((b) => b.member)).toEqual(['hm', 'fl']);
    for (const b of manifest.approved.by) expect(b.name.length).toBeGreaterThan(3);
    for (const f of manifest.files) expect(sha256Hex(files[f.path]!)).toBe(f.sha256);
    const readme = strFromU8(files['LAESMIG.txt']!);
    expect(readme).toContain('Arkivpakke: godkendt referat af Organisations- og Beredskabsudvalget, møde 02-06-2026');
    expect(readme).toContain(`Ankerpunkt i ændringsloggen (trykt på referatet): ${manifest.anchor}`);
    expect(readme).toContain(manifest.approved.by[0]!.name);

    // Without the database: it is moved away first.
    fs.renameSync(approved.file, `${approved.file}.away`);
    try {
      const r = await cli(['verify', '--package', approved.zip, '--key', approved.keyFile]);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain(`OK: the archive package ${approved.zip} holds the approved minutes of Organisations- og Beredskabsudvalget on 02-06-2026 as they were sealed`);
      expect(fs.existsSync(approved.file)).toBe(false);
    } finally {
      fs.renameSync(`${approved.file}.away`, approved.file);
    }
    // The same package written as a folder verifies too.
    const folder = path.join(approved.dir, 'arkiv');
    expect((await cli(['archive', '--meeting', MEETING, '--out', folder, '--db', approved.file])).code).toBe(0);
    expect((await cli(['verify', '--package', folder])).code).toBe(0);
  }, 180_000);

  test('a tampered package fails verify --package, naming what was altered', async () => {
    const fault = async (zip: string): Promise<string> => {
      const r = await cli(['verify', '--package', zip, '--key', approved.keyFile]);
      expect(r.code).toBe(1);
      return r.err;
    };
    // A decision changed in the JSON, the manifest not updated.
    const decision = (t: string): string => t.replace('"outcome": "approved"', '"outcome": "rejected"');
    expect(await fault(altered((f) => editJson(f, 'moede.referent.json', decision), false))).toContain('moede.referent.json does not match its SHA-256 in the manifest: the file was altered or replaced');
    // ... and the manifest updated to match: the meeting is no longer what was sealed.
    expect(await fault(altered((f) => editJson(f, 'moede.referent.json', decision), true))).toContain('the meeting in moede.referent.json differs from the sealed content: it is not what was approved');
    // The sealed content changed as well: it no longer hashes to the seal's hash.
    const both = altered((f) => {
      editJson(f, 'moede.referent.json', decision);
      editJson(f, 'segl.json', (t) => t.replace('\\"outcome\\":\\"approved\\"', '\\"outcome\\":\\"rejected\\"'));
    }, true);
    expect(await fault(both)).toContain('the sealed content in segl.json does not hash to its content hash: it was altered');
    // The PDF replaced; a file slipped in.
    expect(await fault(altered((f) => (f['referat.pdf'] = strToU8('%PDF-1.7 another document')), false))).toContain('referat.pdf does not match its SHA-256 in the manifest');
    expect(await fault(altered((f) => (f['bilag/99-extra.pdf'] = PDF_BYTES), false))).toContain('bilag/99-extra.pdf is in the package but not in its manifest');
    // The attachment removed, and taken out of the manifest: the sealed meeting still names it.
    const without = altered((f) => {
      delete f['bilag/01-Budgetnotat 2027.pdf'];
      editJson(f, 'manifest.json', (t) => JSON.stringify({ ...JSON.parse(t), files: (JSON.parse(t) as { files: { path: string }[] }).files.filter((x) => !x.path.startsWith('bilag/')) }));
    }, false);
    expect(await fault(without)).toMatch(/the attachment "Budgetnotat" \(SHA-256 [0-9a-f]{64}\) is neither in the package nor listed as not included/);
  }, 120_000);

  test('a meeting that is not approved is not archived', async () => {
    const dir = tempDir('referent-archive-');
    const file = path.join(dir, 'referent.sqlite');
    const store = openSqliteStore(file);
    const committee = await call({ store, shell: 'cli', version: 't' }, 'committees.create', { name: 'Kulturudvalget', numbering: 'per-meeting' });
    const meeting = await call({ store, shell: 'cli', version: 't' }, 'meetings.create', { committeeId: committee.id, start: '2026-09-01T16:00' });
    await store.close();
    const r = await cli(['archive', '--meeting', meeting.id, '--out', path.join(dir, 'x.zip'), '--db', file]);
    expect(r.code).not.toBe(0);
    expect(r.err).toBe('referent archive: Only approved minutes are archived: the meeting of Kulturudvalget on 01-09-2026 is not approved and sealed (approve the minutes first; minutes approved before the seal get one with their first addendum).\n');
    expect(fs.existsSync(path.join(dir, 'x.zip'))).toBe(false);
  });
});
