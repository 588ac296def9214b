// Shared by the calendar tests: committees of a municipality and the calendar files of tests/fixtures/calendar.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CoreContext } from '../../src-main/core/context';
import { call } from '../../src-main/core/dispatch';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/calendar');
export const fixture = (name: string): { fileName: string; base64: string } => ({ fileName: name, base64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') });

export const COMMITTEES = [
  { name: 'Økonomiudvalget', shortName: 'ØU', location: 'Rådhuset, mødelokale 1' },
  { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', location: null },
  { name: 'Børne- og Skoleudvalget', shortName: 'BSU', location: null },
  { name: 'Social- og Ældreudvalget', shortName: 'SÆU', location: null },
];

export async function addCommittees(ctx: CoreContext): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const c of COMMITTEES) {
    const made = await call(ctx, 'committees.create', {
      name: c.name,
      shortName: c.shortName,
      numbering: 'per-meeting',
      defaults: { location: c.location, start: '16:00' },
      template: { standardItems: [{ title: 'Godkendelse af dagsorden', role: 'agenda-approval', position: 'first' }] },
    });
    ids[c.shortName] = made.id;
  }
  return ids;
}

export async function meetingsOf(ctx: CoreContext, committeeId: string, year?: number): Promise<{ start: string; end: string | null; location: string | null; itemCount: number }[]> {
  return (await call(ctx, 'meetings.list', { committeeId, ...(year ? { year } : {}) })).map((m) => ({ start: m.start, end: m.end, location: m.location, itemCount: m.itemCount }));
}

export async function meetingCount(ctx: CoreContext): Promise<number> {
  return (await ctx.store.db.selectFrom('meetings').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

/** An .xlsx as a secretary makes it in Excel: Danish headers, real dates, times as text, one date typed as text. */
export async function danishWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mødeplan 2026');
  ws.addRow(['Udvalg', 'Dato', 'Tidspunkt', 'Sluttid', 'Mødested']);
  const rows: [string, Date | string, string, string, string][] = [
    ['Økonomiudvalget', new Date(Date.UTC(2026, 1, 19)), '16:00', '18:00', 'Rådhuset, mødelokale 1'],
    ['Økonomiudvalget', new Date(Date.UTC(2026, 2, 19)), '16:00', '18:00', 'Rådhuset, mødelokale 1'],
    ['ØU', '16.04.2026', '16.00', '18.00', 'Rådhuset, mødelokale 1'],
    ['Teknik- og Miljøudvalget', new Date(Date.UTC(2026, 1, 3)), '15:00', '17:00', 'Teknisk Forvaltning'],
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(2).numFmt = 'dd-mm-yyyy';
  // A time stored as a real Excel time (a fraction of a day) in the last row.
  ws.getCell('C5').value = new Date(Date.UTC(1899, 11, 30, 15, 0));
  ws.getCell('C5').numFmt = 'hh:mm';
  wb.addWorksheet('Noter').addRow(['Ikke en mødeplan']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');
