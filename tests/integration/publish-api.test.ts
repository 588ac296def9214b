// The publish operations through the dispatcher: the website folder written into a folder (only
// what changed the second time), the same site as a .zip for the browser shell, and the public
// meeting page the Publicér dialog previews (the machine's Chromium prints the meeting's PDF).
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { tempStore, testContext } from '../helpers/store';
import { truncateBlob } from '../helpers/blobs';

async function committeeWithMeetings() {
  const store = tempStore();
  const ctx = testContext(store);
  const c = await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', numbering: 'per-meeting' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-23T17:00' });
  const open = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Cykelsti langs Ribevej', access: 'open' });
  await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Køb af Storegade 5', access: 'closed' });
  await call(ctx, 'meetings.setStatus', { id: m.id, status: 'agenda-published' });
  const planned = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T17:00' });
  return { ctx, c, m, planned, open, dir: store.dir };
}

describe('publish in the Api', () => {
  test('writes the year into a folder, then only what changed; the closed title is in no file', async () => {
    const { ctx, c, dir } = await committeeWithMeetings();
    const folder = path.join(dir, 'web');
    const first = await call(ctx, 'publish.toFolder', { committeeId: c.id, year: 2026, folder });
    expect(first.written).toEqual(expect.arrayContaining(['index.html', 'moedeplan.ics', 'publication.json', '2026/2026-06-23-tmu/index.html', '2026/2026-06-23-tmu/punkt-1.html', '2026/2026-06-23-tmu/punkt-2.html']));
    const page = fs.readFileSync(path.join(folder, '2026/2026-06-23-tmu/punkt-1.html'), 'utf8');
    expect(page).toContain('<h1>Punkt 1: Cykelsti langs Ribevej</h1>');
    for (const f of first.written) expect(fs.readFileSync(path.join(folder, f), 'utf8')).not.toContain('Storegade');
    const again = await call(ctx, 'publish.toFolder', { committeeId: c.id, year: 2026, folder });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(first.written.length);
  });

  test('publishes an open attachment as its stored bytes, and stops with a sentence when the stored file was altered', async () => {
    const { ctx, c, dir, open } = await committeeWithMeetings();
    const pdf = Buffer.from('%PDF-1.7\nCykelsti, skitse\n%%EOF\n');
    const att = await call(ctx, 'agenda.addAttachment', { itemId: open.id, fileName: 'Skitse.pdf', title: 'Skitse', base64: pdf.toString('base64') });
    const folder = path.join(dir, 'web');
    const r = await call(ctx, 'publish.toFolder', { committeeId: c.id, year: 2026, folder });
    expect(r.written).toContain('2026/2026-06-23-tmu/bilag/punkt-1-1-skitse.pdf');
    expect(fs.readFileSync(path.join(folder, '2026/2026-06-23-tmu/bilag/punkt-1-1-skitse.pdf'))).toEqual(pdf);
    await truncateBlob(ctx.store, att.sha256!);
    await expect(call(ctx, 'publish.toFolder', { committeeId: c.id, year: 2026, folder: path.join(dir, 'web2') })).rejects.toThrow(/Skitse/);
    expect(fs.existsSync(path.join(dir, 'web2'))).toBe(false);
  });

  test('gives the browser shell the same site as a .zip, and previews the public meeting page', async () => {
    const { ctx, c, m, planned } = await committeeWithMeetings();
    const zip = await call(ctx, 'publish.zip', { committeeId: c.id, year: 2026 });
    const entries = unzipSync(Buffer.from(zip.base64, 'base64'));
    // What the dialog counts is what the .zip holds.
    expect([...zip.files].sort()).toEqual(Object.keys(entries).sort());
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['index.html', 'publication.json', '2026/2026-06-23-tmu/punkt-2.html']));
    expect(new TextDecoder().decode(entries['2026/2026-06-23-tmu/punkt-2.html'])).toContain('<h1>Punkt 2: Lukket punkt</h1>');
    const preview = await call(ctx, 'publish.preview', { meetingId: m.id });
    expect(preview.path).toBe('2026/2026-06-23-tmu/index.html');
    expect(preview.html).toMatch(/<h1>Dagsorden: Teknik- og Miljøudvalget, Tirsdag d\. 23\. juni 2026<\/h1>/);
    expect((await call(ctx, 'publish.preview', { meetingId: planned.id })).path).toBeNull();
    // The browser shell's server writes into no folder a page names.
    await expect(call({ ...ctx, shell: 'web' }, 'publish.toFolder', { committeeId: c.id, year: 2026, folder: '/tmp/x' })).rejects.toThrow('The browser version cannot write into a folder; download the site as a .zip instead.');
  });
});
