// Reads a calendar .xlsx (first sheet, the same columns as a .csv) with exceljs; dates may be
// real Excel dates or text.
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { unzipBounded, type ZipLimits } from '../util/unzip-bounded';
import { badFile, type CalendarRow, type ParsedCalendar } from './calendar-row';
import { mapHeaders, toRow, type Cell } from './tabular';
import { checkRow, MAX_CALENDAR_ROWS, tooManyRows } from './calendar-limits';

/** A meeting calendar's workbook is small; its sheet XML compresses well, but not a thousand times. */
const XLSX_LIMITS: ZipLimits = { maxEntries: 1000, maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 300 };

/** exceljs hands dates over as UTC instants of the serial number: the wall clock is in UTC fields. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const hasDate = value.getUTCFullYear() > 1900;
    const h = value.getUTCHours();
    const min = value.getUTCMinutes() + (value.getUTCSeconds() >= 30 ? 1 : 0);
    return {
      date: { y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate(), h: min === 60 ? h + 1 : h, min: min % 60, hasDate, hasTime: h !== 0 || min !== 0 },
    };
  }
  if (typeof value === 'number') {
    // A time typed as a fraction of a day without a time format: 0.6666… is 16:00.
    if (value > 0 && value < 1) {
      const minutes = Math.round(value * 24 * 60);
      return { date: { y: 1899, m: 12, d: 30, h: Math.floor(minutes / 60), min: minutes % 60, hasDate: false, hasTime: true } };
    }
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return toCell((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in value) return null;
  return null;
}

export async function parseXlsx(bytes: Uint8Array, file: string, committee: string | null = null): Promise<ParsedCalendar> {
  // exceljs inflates whatever the zip holds: it only ever sees entries that passed the limits, at
  // their declared sizes (stored, so repacking costs little).
  const entries = unzipBounded(bytes, file, XLSX_LIMITS, (reason) => ({
    en: `is not a readable Excel workbook; it may be damaged or truncated (${reason})`,
    da: `er ikke en læsbar Excel-projektmappe; den kan være beskadiget eller afkortet (${reason})`,
  }));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(zipSync(entries, { level: 0 })) as unknown as ArrayBuffer);
  } catch (e) {
    throw badFile(file, null, `is not a readable Excel workbook; it may be damaged or truncated (${(e as Error).message})`,
      `er ikke en læsbar Excel-projektmappe; den kan være beskadiget eller afkortet (${(e as Error).message})`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw badFile(file, null, 'the first sheet is empty', 'det første ark er tomt');
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (headerRow === 0 && row.cellCount > 0) headerRow = n;
  });
  const cellsOf = (n: number): Cell[] => {
    const row = sheet.getRow(n);
    const out: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) out.push(toCell(row.getCell(c).value));
    return out;
  };
  const headers = cellsOf(headerRow).map((c) => (typeof c === 'string' ? c : ''));
  const map = mapHeaders(headers, file, `sheet "${sheet.name}", row ${headerRow}`, committee === null);
  if (sheet.actualRowCount - 1 > MAX_CALENDAR_ROWS) throw tooManyRows(file);
  const rows: CalendarRow[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = toRow(cellsOf(n), map, n, `sheet "${sheet.name}", row ${n}`, file, committee);
    if (row) {
      checkRow(row, file, `sheet "${sheet.name}", row ${n}`);
      rows.push(row);
    }
  }
  if (rows.length === 0) throw badFile(file, null, 'holds a header but no meetings', 'har en overskriftsrække, men ingen møder');
  return { rows, notes: [] };
}
