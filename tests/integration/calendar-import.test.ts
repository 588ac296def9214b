// Importing meeting calendars: Outlook and Google .ics, Danish Excel .csv (BOM, ;), Windows-1252
// .csv and .xlsx, re-imports without duplicates, and broken files that change nothing.
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { AppError } from '../../src-main/core/errors';
import { testContext } from '../helpers/store';
import { addCommittees, b64, danishWorkbook, fixture, meetingCount, meetingsOf } from './calendar-helpers';

describe('importing an Outlook .ics', () => {
  test('Windows zone names, recurring series with EXDATE, a moved and a cancelled occurrence; all-day left out', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const preview = await call(ctx, 'calendar.previewImport', fixture('outlook-2026.ics'));
    expect(preview.format).toBe('ics');
    expect(preview.matches.map((m) => [m.source, m.committeeName, m.by, m.rows])).toEqual([
      ['Økonomiudvalget', 'Økonomiudvalget', 'name', 9],
      ['Teknik- og Miljøudvalget', 'Teknik- og Miljøudvalget', 'name', 9],
    ]);
    expect(preview.counts).toMatchObject({ add: 18, update: 0, unchanged: 0, unmatched: 0 });
    expect(preview.problems).toEqual([
      { message: '1 all-day event(s) were left out.', messageDa: '1 heldagsbegivenhed(er) blev udeladt.' },
      { message: '2 cancelled event(s) were skipped.', messageDa: '2 aflyst(e) begivenhed(er) blev sprunget over.' },
    ]);
    expect(await meetingCount(ctx)).toBe(0);

    const result = await call(ctx, 'calendar.applyImport', fixture('outlook-2026.ics'));
    expect(result).toMatchObject({ added: 18, updated: 0, unchanged: 0 });
    const oeu = await meetingsOf(ctx, ids.ØU!);
    expect(oeu.map((m) => m.start)).toEqual([
      '2026-02-19T16:00', '2026-03-19T16:00', '2026-04-16T16:00', '2026-05-21T16:00', '2026-06-18T16:00',
      '2026-08-20T16:00', '2026-09-17T16:00', '2026-11-19T16:00', '2026-12-17T16:00',
    ]);
    expect(oeu[0]).toMatchObject({ end: '2026-02-19T18:00', location: 'Rådhuset, mødelokale 1', itemCount: 0 });
    const tmu = (await meetingsOf(ctx, ids.TMU!)).map((m) => m.start);
    // January and July excluded, June cancelled, October's moved to the 8th; the first Tuesday at 15:00 otherwise.
    expect(tmu).toEqual([
      '2026-02-03T15:00', '2026-03-03T15:00', '2026-04-07T15:00', '2026-05-05T15:00', '2026-08-04T15:00',
      '2026-09-01T15:00', '2026-10-08T15:00', '2026-11-03T15:00', '2026-12-01T15:00',
    ]);

    const again = await call(ctx, 'calendar.applyImport', fixture('outlook-2026.ics'));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 18 });
    expect(await meetingCount(ctx)).toBe(18);
  });

  test('all-day events come in when asked, at the committee’s usual time', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    await call(ctx, 'calendar.applyImport', { ...fixture('outlook-2026.ics'), includeAllDay: true });
    const starts = (await meetingsOf(ctx, ids.ØU!)).map((m) => m.start);
    expect(starts).toContain('2026-08-27T16:00');
  });
});

describe('importing a Google .ics', () => {
  test('IANA zones and UTC times become Copenhagen wall clock; "Møde i …" finds the committee', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const preview = await call(ctx, 'calendar.previewImport', fixture('google-2026.ics'));
    expect(preview.matches).toEqual([{ source: 'Børne- og Skoleudvalget', committeeId: ids.BSU, committeeName: 'Børne- og Skoleudvalget', by: 'name', rows: 8 }]);
    await call(ctx, 'calendar.applyImport', fixture('google-2026.ics'));
    const bsu = await meetingsOf(ctx, ids.BSU!);
    expect(bsu).toHaveLength(8);
    // 13:00Z on 15 June is 15:00 summer time in Copenhagen.
    expect(bsu.find((m) => m.start.startsWith('2026-06-15'))).toMatchObject({ start: '2026-06-15T15:00', end: '2026-06-15T17:00' });
    expect(bsu.every((m) => m.start.endsWith('T15:00'))).toBe(true);
    expect(bsu[0]!.location).toBe('Rådhuset, Byrådssalen, Torvet 1, 6100 Haderslev');
  });
});

describe('importing .csv and .xlsx', () => {
  test('an Excel-made Danish .csv: BOM, semicolons, dd-mm-yyyy, quoted place', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const r = await call(ctx, 'calendar.applyImport', fixture('excel-da-2026.csv'));
    expect(r).toMatchObject({ added: 22 });
    const saeu = await meetingsOf(ctx, ids.SÆU!);
    expect(saeu).toHaveLength(11);
    expect(saeu[0]).toMatchObject({ start: '2026-01-06T14:30', end: '2026-01-06T17:00', location: 'Rådhuset, Indg. A, 3. sal, lokale "Nørre Vilstrup"' });
    expect((await call(ctx, 'calendar.applyImport', fixture('excel-da-2026.csv'))).unchanged).toBe(22);
    expect(await meetingCount(ctx)).toBe(22);
  });

  test('a Windows-1252 .csv with English headers, dd.mm.yyyy, d/m/yyyy, ISO and a short name', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const preview = await call(ctx, 'calendar.previewImport', fixture('windows-1252-2026.csv'));
    expect(preview.matches.map((m) => [m.source, m.by])).toEqual([
      ['Børne- og Skoleudvalget', 'name'],
      ['BSU', 'shortName'],
    ]);
    await call(ctx, 'calendar.applyImport', fixture('windows-1252-2026.csv'));
    expect(await meetingsOf(ctx, ids.BSU!)).toEqual([
      { start: '2026-03-02T15:00', end: '2026-03-02T17:00', location: 'Rådhuset, Byrådssalen', itemCount: 0 },
      { start: '2026-04-13T15:00', end: '2026-04-13T17:00', location: 'Rådhuset, Byrådssalen', itemCount: 0 },
      { start: '2026-05-11T15:00', end: '2026-05-11T17:00', location: 'Skovbørnehaven Æblegården', itemCount: 0 },
      { start: '2026-06-15T15:00', end: '2026-06-15T17:00', location: 'Rådhuset, Byrådssalen', itemCount: 0 },
    ]);
  });

  test('an .xlsx: first sheet, real Excel dates and times, dates as text', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const input = { fileName: 'mødeplan-2026.xlsx', base64: b64(await danishWorkbook()) };
    const preview = await call(ctx, 'calendar.previewImport', input);
    expect(preview.rows.map((r) => [r.line, r.source, r.start, r.end])).toEqual([
      [2, 'Økonomiudvalget', '2026-02-19T16:00', '2026-02-19T18:00'],
      [3, 'Økonomiudvalget', '2026-03-19T16:00', '2026-03-19T18:00'],
      [4, 'ØU', '2026-04-16T16:00', '2026-04-16T18:00'],
      [5, 'Teknik- og Miljøudvalget', '2026-02-03T15:00', '2026-02-03T17:00'],
    ]);
    await call(ctx, 'calendar.applyImport', input);
    expect((await meetingsOf(ctx, ids.ØU!)).map((m) => m.start)).toEqual(['2026-02-19T16:00', '2026-03-19T16:00', '2026-04-16T16:00']);
  });
});

describe('matching committees', () => {
  test('an unknown name is listed in the preview; apply refuses until it is mapped or skipped', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const csv = '\uFEFFUdvalg;Dato;Tidspunkt\r\nPlan- og Udviklingsudvalget;05-03-2026;17:00\r\nØkonomiudvalget;19-03-2026;16:00\r\n';
    const input = { fileName: 'plan.csv', base64: b64(csv) };
    const preview = await call(ctx, 'calendar.previewImport', input);
    expect(preview.counts).toMatchObject({ unmatched: 1, add: 1 });
    expect(preview.problems).toEqual([
      {
        message: '"Plan- og Udviklingsudvalget" matches no committee (1 row); choose one or skip it.',
        messageDa: '"Plan- og Udviklingsudvalget" passer ikke til noget udvalg (1 række); vælg et udvalg, eller spring over.',
      },
    ]);
    await expect(call(ctx, 'calendar.applyImport', input)).rejects.toThrow('plan.csv, line 2: the committee "Plan- og Udviklingsudvalget" matches no committee; choose one in the preview or skip it');
    expect(await meetingCount(ctx)).toBe(0);

    const skipped = await call(ctx, 'calendar.applyImport', { ...input, mapping: { 'Plan- og Udviklingsudvalget': null } });
    expect(skipped).toMatchObject({ added: 1, skipped: 1 });
    const mapped = await call(ctx, 'calendar.applyImport', { ...input, mapping: { 'Plan- og Udviklingsudvalget': ids.TMU! } });
    expect(mapped).toMatchObject({ added: 1, unchanged: 1 });
    expect((await meetingsOf(ctx, ids.TMU!)).map((m) => m.start)).toEqual(['2026-03-05T17:00']);
  });

  test('--committee puts every row of a file without an Udvalg column on one committee', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const csv = 'Dato;Tidspunkt;Sted\r\n05-03-2026;17:00;Byrådssalen\r\n';
    await call(ctx, 'calendar.applyImport', { fileName: 'tmu.csv', base64: b64(csv), committee: 'tmu' });
    expect(await meetingsOf(ctx, ids.TMU!)).toEqual([{ start: '2026-03-05T17:00', end: null, location: 'Byrådssalen', itemCount: 0 }]);
  });
});

describe('broken files fail cleanly: one sentence naming file and line, and nothing imported', () => {
  const cases: [string, () => Promise<{ fileName: string; base64: string }>, string][] = [
    ['a truncated .ics', async () => fixture('broken-truncated.ics'), 'broken-truncated.ics, line 72: the file ends before END:VCALENDAR; it is truncated'],
    ['an .ics with 32 May', async () => fixture('broken-date.ics'), 'broken-date.ics, line 54 (event "Møde i Børne- og Skoleudvalget"): DTSTART "2026-05-32T15:00:00" is not a real date'],
    ['a .csv with 31 April', async () => fixture('broken-bad-date.csv'), 'broken-bad-date.csv, line 5: "31-04-2026" is not a date (write it like 19-02-2026, 19.02.2026, 19/2/2026 or 2026-02-19)'],
    ['a .csv without a date column', async () => fixture('broken-missing-column.csv'), 'broken-missing-column.csv, line 1: missing the column Dato/Date (found: Udvalg, Tidspunkt, Mødested)'],
    ['a truncated .csv', async () => fixture('broken-truncated.csv'), 'broken-truncated.csv, line 14: a quoted field is never closed; the file is truncated or damaged'],
    [
      'a truncated .xlsx',
      async () => {
        const bytes = await danishWorkbook();
        return { fileName: 'halv.xlsx', base64: b64(bytes.subarray(0, Math.floor(bytes.length / 2))) };
      },
      'halv.xlsx: is not a readable Excel workbook; it may be damaged or truncated',
    ],
    ['an end before the start', async () => ({ fileName: 'tid.csv', base64: b64('Udvalg;Dato;Start;Slut\nØU;19-02-2026;16:00;18:00\nØU;19-03-2026;16:00;15:00\n') }), 'tid.csv, line 3: the end time 15:00 is not after the start time 16:00'],
    ['an .xls', async () => ({ fileName: 'gammel.xls', base64: b64('x') }), 'gammel.xls: is an old Excel 97–2003 workbook; save it as .xlsx or .csv and import that'],
  ];
  for (const [name, input, message] of cases) {
    test(name, async () => {
      const ctx = testContext();
      await addCommittees(ctx);
      const file = await input();
      const err = await call(ctx, 'calendar.applyImport', file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('Invalid');
      expect((err as AppError).message.startsWith(message)).toBe(true);
      expect((err as AppError).message).not.toContain('\n');
      await expect(call(ctx, 'calendar.previewImport', file)).rejects.toThrow(message);
      expect(await meetingCount(ctx)).toBe(0);
    });
  }
});

describe('importing an ESDH .ics', () => {
  test('a zone only the file defines, a Windows zone without definition, the committee named by the event category', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const preview = await call(ctx, 'calendar.previewImport', fixture('esdh-2026.ics'));
    expect(preview.matches.map((m) => [m.source, m.committeeName, m.by, m.rows])).toEqual([
      ['Teknik- og Miljøudvalget', 'Teknik- og Miljøudvalget', 'alias', 2],
      ['Social- og Ældreudvalget', 'Social- og Ældreudvalget', 'alias', 2],
    ]);
    await call(ctx, 'calendar.applyImport', fixture('esdh-2026.ics'));
    expect((await meetingsOf(ctx, ids.TMU!)).map((m) => [m.start, m.end])).toEqual([
      ['2026-03-10T09:00', '2026-03-10T12:00'],
      ['2026-06-09T09:00', '2026-06-09T12:00'],
    ]);
    // 15:00 in London is 16:00 in Copenhagen.
    expect((await meetingsOf(ctx, ids.SÆU!)).map((m) => [m.start, m.location])).toEqual([
      ['2026-06-16T13:00', 'Rådhuset, mødelokale 2'],
      ['2026-09-15T16:00', 'Studietur, London'],
    ]);
  });

  test('an unknown zone with no definition in the file fails and names the line', async () => {
    const ctx = testContext();
    await addCommittees(ctx);
    const text = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars Standard Time:20260915T150000\r\nSUMMARY:Økonomiudvalget\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    await expect(call(ctx, 'calendar.applyImport', { fileName: 'mars.ics', base64: b64(text) })).rejects.toThrow(
      'mars.ics, line 3 (event "Økonomiudvalget"): the time zone "Mars Standard Time" is neither a known zone nor defined in the file',
    );
    expect(await meetingCount(ctx)).toBe(0);
  });
});

describe('approved minutes are locked', () => {
  test('an import that would move a locked meeting fails, naming the line, and changes nothing', async () => {
    const ctx = testContext();
    const ids = await addCommittees(ctx);
    const first = await call(ctx, 'calendar.applyImport', fixture('outlook-2026.ics'));
    expect(first.notes.map((n) => n.message)).toEqual(['1 all-day event(s) were left out.', '2 cancelled event(s) were skipped.']);
    await ctx.store.db.updateTable('meetings').set({ locked_at: '2026-03-01T10:00:00Z', status: 'minutes-approved' }).where('committee_id', '=', ids.ØU!).where('start', '=', '2026-03-19T16:00').execute();
    const text = Buffer.from(fixture('outlook-2026.ics').base64, 'base64').toString('utf8');
    const moved = text.replace('DTEND;TZID=Romance Standard Time:20260219T180000', 'DTEND;TZID=Romance Standard Time:20260219T190000').replace('DTSTART;TZID=Romance Standard Time:20260319T160000', 'DTSTART;TZID=Romance Standard Time:20260319T170000');
    const input = { fileName: 'outlook-2026.ics', base64: b64(moved) };
    const preview = await call(ctx, 'calendar.previewImport', input);
    expect(preview.counts).toMatchObject({ update: 2, unchanged: 16 });
    expect(preview.problems).toContainEqual({
      message: 'Line 40: the meeting of 2026-03-19 16:00 has approved minutes and cannot be changed by an import.',
      messageDa: 'Linje 40: mødet torsdag d. 19. marts 2026 kl. 16:00 har et godkendt referat og kan ikke ændres ved en indlæsning.',
    });
    const err = await call(ctx, 'calendar.applyImport', input).catch((e: unknown) => e as AppError);
    expect(err).toMatchObject({ code: 'Locked', message: 'outlook-2026.ics, line 40: the meeting of 2026-03-19 16:00 has approved minutes and cannot be changed by an import.' });
    // the February change before it in the file was rolled back with it: all or nothing
    expect((await meetingsOf(ctx, ids.ØU!)).slice(0, 2).map((m) => [m.start, m.end])).toEqual([
      ['2026-02-19T16:00', '2026-02-19T18:00'],
      ['2026-03-19T16:00', '2026-03-19T18:00'],
    ]);
  });
});
