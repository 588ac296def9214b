// Roll a year forward in the store, apply it in one transaction, and export the calendar:
// .ics (with time zone and stable UIDs, re-importing without duplicates), .csv and .docx.
import { unzipSync, strFromU8 } from 'fflate';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { testContext } from '../helpers/store';
import { addCommittees, fixture, meetingCount, meetingsOf } from './calendar-helpers';

async function withCalendar(): Promise<{ ctx: CoreContext; ids: Record<string, string> }> {
  const ctx = testContext();
  const ids = await addCommittees(ctx);
  await call(ctx, 'calendar.applyImport', fixture('excel-da-2026.csv'));
  return { ctx, ids };
}

async function applyAll(ctx: CoreContext, edit: (start: string) => string = (s) => s): Promise<{ created: number; unchanged: number }> {
  const proposal = await call(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2027 });
  const meetings = proposal.proposals.flatMap((p) =>
    p.proposed === null ? [] : [{ committeeId: p.committeeId, start: edit(p.proposed), end: p.proposedEnd && `${edit(p.proposed).slice(0, 10)}${p.proposedEnd.slice(10)}`, location: p.location }],
  );
  return call(ctx, 'calendar.applyRollForward', { toYear: 2027, meetings });
}

describe('roll-forward in the store', () => {
  test('2026 becomes a 2027 proposal with reasons; applying creates the meetings with their standard items, once', async () => {
    const { ctx, ids } = await withCalendar();
    const proposal = await call(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2027 });
    expect(proposal.proposals).toHaveLength(22);
    expect(proposal.committees.map((c) => c.name)).toEqual(['Social- og Ældreudvalget', 'Økonomiudvalget']);
    const oeu = proposal.proposals.filter((p) => p.committeeId === ids.ØU);
    expect(oeu.map((p) => [p.source, p.proposed, p.reason])).toEqual([
      ['2026-01-15T16:00', '2027-02-04T16:00', 'flyttet fra 21. jan.: januar er mødefri'],
      ['2026-02-19T16:00', '2027-02-25T16:00', 'flyttet fra 18. feb.: uge 7 er vinterferie'],
      ['2026-03-19T16:00', '2027-03-18T16:00', '3. torsdag i marts, som i 2026'],
      ['2026-04-16T16:00', '2027-04-15T16:00', '3. torsdag i april, som i 2026'],
      ['2026-05-21T16:00', '2027-05-20T16:00', '3. torsdag i maj, som i 2026'],
      ['2026-06-18T16:00', '2027-06-17T16:00', '3. torsdag i juni, som i 2026'],
      ['2026-08-20T16:00', '2027-08-19T16:00', '3. torsdag i august, som i 2026'],
      ['2026-09-17T16:00', '2027-09-16T16:00', '3. torsdag i september, som i 2026'],
      ['2026-10-15T16:00', '2027-10-28T16:00', 'flyttet fra 21. okt.: uge 42 er efterårsferie'],
      ['2026-11-19T16:00', '2027-11-18T16:00', '3. torsdag i november, som i 2026'],
      ['2026-12-17T16:00', '2027-12-16T16:00', '3. torsdag i december, som i 2026'],
    ]);
    expect(oeu.every((p) => p.location === 'Rådhuset, mødelokale 1' && p.proposedEnd?.endsWith('T18:00'))).toBe(true);
    expect(proposal.blockedDays.find((d) => d.day === '2027-02-18')).toEqual({ day: '2027-02-18', kind: 'winter', label: 'uge 7 er vinterferie' });

    expect(await applyAll(ctx)).toEqual({ created: 22, unchanged: 0 });
    const y2027 = await meetingsOf(ctx, ids.ØU!, 2027);
    expect(y2027).toHaveLength(11);
    expect(y2027[1]).toEqual({ start: '2027-02-25T16:00', end: '2027-02-25T18:00', location: 'Rådhuset, mødelokale 1', itemCount: 1 });
    const again = await call(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2027 });
    expect(again.proposals.every((p) => p.planned)).toBe(true);
    expect(again.proposals.map((p) => p.proposed)).toEqual(proposal.proposals.map((p) => p.proposed));
    expect(await applyAll(ctx)).toEqual({ created: 0, unchanged: 22 });
    expect(await meetingCount(ctx)).toBe(44);
  });

  test('a hand-edited date is kept; a bad one changes nothing', async () => {
    const { ctx, ids } = await withCalendar();
    const before = await meetingCount(ctx);
    const proposal = await call(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2027, committeeId: ids.ØU });
    const meetings = proposal.proposals.map((p) => ({ committeeId: p.committeeId, start: p.proposed!, end: p.proposedEnd, location: p.location }));
    const outside = meetings.map((m, i) => (i === 3 ? { ...m, start: '2028-04-13T16:00', end: null } : m));
    await expect(call(ctx, 'calendar.applyRollForward', { toYear: 2027, meetings: outside })).rejects.toThrow('meetings[3]: 2028-04-13 16:00 is not in 2027.');
    const twice = meetings.map((m, i) => (i === 3 ? { ...meetings[2]!, start: `${meetings[2]!.start.slice(0, 10)}T09:00`, end: null } : m));
    await expect(call(ctx, 'calendar.applyRollForward', { toYear: 2027, meetings: twice })).rejects.toThrow('meetings[3]: the committee already has meetings[2] on 2027-03-18.');
    expect(await meetingCount(ctx)).toBe(before);

    const edited = meetings.map((m, i) => (i === 1 ? { ...m, start: '2027-02-11T16:00', end: '2027-02-11T18:00' } : m));
    expect(await call(ctx, 'calendar.applyRollForward', { toYear: 2027, meetings: edited })).toEqual({ created: 11, unchanged: 0 });
    expect((await meetingsOf(ctx, ids.ØU!, 2027)).map((m) => m.start).slice(0, 3)).toEqual(['2027-02-04T16:00', '2027-02-11T16:00', '2027-03-18T16:00']);
  });

  test('the organisation’s rules change the proposal: winter week 8 and an extra period', async () => {
    const { ctx, ids } = await withCalendar();
    expect(await call(ctx, 'calendar.getBlockedPeriods', {})).toEqual({ winterWeek: 7, extra: [] });
    await call(ctx, 'calendar.setBlockedPeriods', { winterWeek: 8, extra: [{ from: '2027-09-13', until: '2027-09-17', reason: 'uge 37 er budgetuge' }] });
    expect(await call(ctx, 'calendar.getBlockedPeriods', {})).toEqual({ winterWeek: 8, extra: [{ from: '2027-09-13', until: '2027-09-17', reason: 'uge 37 er budgetuge' }] });
    const proposal = await call(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2027, committeeId: ids.ØU });
    const bySource = new Map(proposal.proposals.map((p) => [p.source, p]));
    expect(bySource.get('2026-02-19T16:00')).toMatchObject({ proposed: '2027-02-18T16:00', moved: false });
    expect(bySource.get('2026-09-17T16:00')).toMatchObject({ proposed: '2027-09-23T16:00', reason: 'flyttet fra 16. sep.: uge 37 er budgetuge' });
    await expect(call(ctx, 'calendar.setBlockedPeriods', { extra: [{ from: '2027-09-17', until: '2027-09-13', reason: 'x' }] })).rejects.toThrow('ends (2027-09-13) before it begins (2027-09-17)');
  });

  test('--to must be the year after --from', async () => {
    const { ctx } = await withCalendar();
    await expect(call(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2028 })).rejects.toThrow('one year at a time');
  });
});

describe('exporting the calendar', () => {
  test('.ics: every meeting with its time zone and a stable UID; re-importing it duplicates nothing', async () => {
    const { ctx, ids } = await withCalendar();
    await applyAll(ctx);
    const one = await call(ctx, 'calendar.export', { format: 'ics', year: 2027 });
    const two = await call(ctx, 'calendar.export', { format: 'ics', year: 2027 });
    expect(one.fileName).toBe('moedekalender-2027.ics');
    expect(two.base64).toBe(one.base64);
    const text = Buffer.from(one.base64, 'base64').toString('utf8');
    const cal = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(22);
    for (const e of events) expect(e.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Copenhagen');
    const feb = events.find((e) => String(e.getFirstPropertyValue('dtstart')) === '2027-02-25T16:00:00');
    expect(feb?.getFirstPropertyValue('summary')).toBe('Økonomiudvalget');
    expect(feb?.getFirstPropertyValue('location')).toBe('Rådhuset, mødelokale 1');
    // 16:00 Copenhagen winter time is 15:00 UTC.
    expect(new ICAL.Event(feb!).startDate.toJSDate().toISOString()).toBe('2027-02-25T15:00:00.000Z');

    const before = await meetingCount(ctx);
    const again = await call(ctx, 'calendar.applyImport', { fileName: one.fileName, base64: one.base64 });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 22 });
    expect(await meetingCount(ctx)).toBe(before);

    // A meeting moved in the store keeps its UID: the next re-import of the old file moves it back instead of adding one.
    const moved = (await call(ctx, 'meetings.list', { committeeId: ids.ØU!, year: 2027 }))[0]!;
    await ctx.store.db.updateTable('meetings').set({ start: '2027-02-03T16:00', end: '2027-02-03T18:00' }).where('id', '=', moved.id).execute();
    expect(await call(ctx, 'calendar.applyImport', { fileName: one.fileName, base64: one.base64 })).toMatchObject({ added: 0, updated: 1, unchanged: 21 });
    expect((await call(ctx, 'meetings.get', { id: moved.id })).start).toBe('2027-02-04T16:00');
  });

  test('.ics into another Referent: added once, then unchanged', async () => {
    const { ctx } = await withCalendar();
    await applyAll(ctx);
    const file = await call(ctx, 'calendar.export', { format: 'ics', year: 2027 });
    const other = testContext();
    await addCommittees(other);
    expect(await call(other, 'calendar.applyImport', { fileName: file.fileName, base64: file.base64 })).toMatchObject({ added: 22 });
    expect(await call(other, 'calendar.applyImport', { fileName: file.fileName, base64: file.base64 })).toMatchObject({ added: 0, unchanged: 22 });
  });

  test('.csv: Excel’s Danish dialect, and it re-imports as unchanged', async () => {
    const { ctx, ids } = await withCalendar();
    await applyAll(ctx);
    const file = await call(ctx, 'calendar.export', { format: 'csv', year: 2027, committeeId: ids.ØU });
    expect(file.fileName).toBe('moedekalender-2027-ØU.csv');
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Udvalg;Dato;Tidspunkt;Sluttid;Mødested;UID');
    expect(lines[2]).toMatch(/^Økonomiudvalget;25-02-2027;16:00;18:00;Rådhuset, mødelokale 1;[0-9a-f-]{36}@referent$/);
    expect(lines).toHaveLength(12);
    expect(await call(ctx, 'calendar.applyImport', { fileName: file.fileName, base64: file.base64 })).toMatchObject({ added: 0, unchanged: 11 });
  });

  test('.docx: "Politisk mødekalender 2027", a table of months by committee', async () => {
    const { ctx } = await withCalendar();
    await call(ctx, 'settings.update', { name: 'Haderslev Kommune' });
    await applyAll(ctx);
    const file = await call(ctx, 'calendar.export', { format: 'docx', year: 2027 });
    expect(file.fileName).toBe('moedekalender-2027.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')))['word/document.xml']!);
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(paragraphs[0]).toBe('Politisk mødekalender 2027');
    expect(paragraphs).toContain('Haderslev Kommune');
    const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' | ')));
    expect(rows[0]).toEqual(['Måned', 'Social- og Ældreudvalget', 'Økonomiudvalget']);
    expect(rows[1]).toEqual(['Januar', '', '']);
    expect(rows[2]).toEqual(['Februar', 'Tirs. 2. kl. 14.30 | Tirs. 9. kl. 14.30', 'Tors. 4. kl. 16.00 | Tors. 25. kl. 16.00']);
    expect(rows[7]).toEqual(['Juli', '', '']);
    expect(paragraphs).toContain('Økonomiudvalget: Rådhuset, mødelokale 1');
  });
});
