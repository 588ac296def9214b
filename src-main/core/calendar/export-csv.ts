// The calendar as a .csv that Excel in Denmark opens as it is: UTF-8 with a BOM, semicolons,
// dates as 25-02-2027; the UID column lets a re-import update instead of duplicating.
import { formatShortDa } from '../../../src-shared/dates';
import type { ExportMeeting } from './export-meetings';
import { exportUid } from './export-meetings';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or CR before one) gets a
 * leading apostrophe, which Excel and LibreOffice show as text and never evaluate; the reader
 * (tabular.ts) takes it off again, so the file still re-imports as it was.
 */
export const inertCell = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const cell = (raw: string): string => {
  const v = inertCell(raw);
  return /[;"\r\n\t]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

export function buildCsv(meetings: ExportMeeting[]): Uint8Array {
  const lines = [['Udvalg', 'Dato', 'Tidspunkt', 'Sluttid', 'Mødested', 'UID']];
  for (const m of meetings) {
    if (m.status === 'cancelled') continue;
    lines.push([m.committee, formatShortDa(m.start), m.start.slice(11, 16), m.end?.slice(11, 16) ?? '', m.location ?? '', exportUid(m)]);
  }
  const text = lines.map((l) => l.map(cell).join(';')).join('\r\n') + '\r\n';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
