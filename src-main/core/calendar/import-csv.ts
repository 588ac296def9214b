// Reads a calendar .csv as Excel writes it in Denmark: semicolon (or comma, or tab), UTF-8 with
// a BOM or Windows-1252, quoted fields with doubled quotes and line breaks inside.
import { badFile, type CalendarRow, type ParsedCalendar } from './calendar-row';
import { mapHeaders, toRow } from './tabular';
import { checkRow, MAX_CALENDAR_ROWS, tooManyRows } from './calendar-limits';

/** UTF-8 when it decodes cleanly (with or without a BOM); else Windows-1252, Excel's default. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

type Record_ = { line: number; cells: string[] };

/** RFC 4180 with the delimiter given; each record keeps the line it starts on. */
function splitRecords(text: string, delimiter: string, file: string): Record_[] {
  const records: Record_[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) throw badFile(file, `line ${quoteLine}`, 'a quoted field is never closed; the file is truncated or damaged', 'et felt i anførselstegn bliver aldrig afsluttet; filen er afkortet eller beskadiget');
  if (cell !== '' || cells.length) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}

function guessDelimiter(headerLine: string): string {
  const count = (d: string): number => headerLine.split(d).length - 1;
  return [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ';');
}

export function parseCsv(bytes: Uint8Array, file: string, committee: string | null = null): ParsedCalendar {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw badFile(file, null, 'is not a text file (it holds binary data)', 'er ikke en tekstfil (den indeholder binære data)');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Excel's "sep=;" hint line
  const sep = /^sep=(.)\s*$/i.exec(firstLine);
  const body = sep ? text.slice(firstLine.length).replace(/^\r?\n/, '') : text;
  const delimiter = sep ? sep[1]! : guessDelimiter(body.split(/\r?\n/, 1)[0] ?? '');
  const records = splitRecords(body, delimiter, file).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const offset = sep ? 1 : 0;
  const header = records[0];
  if (!header) throw badFile(file, null, 'is empty', 'er tom');
  const map = mapHeaders(header.cells, file, `line ${header.line + offset}`, committee === null);
  // Counted before any row is read.
  if (records.length - 1 > MAX_CALENDAR_ROWS) throw tooManyRows(file);
  const rows: CalendarRow[] = [];
  for (const r of records.slice(1)) {
    const row = toRow(r.cells, map, r.line + offset, `line ${r.line + offset}`, file, committee);
    if (row) {
      checkRow(row, file, `line ${r.line + offset}`);
      rows.push(row);
    }
  }
  if (rows.length === 0) throw badFile(file, null, 'holds a header but no meetings', 'har en overskriftsrække, men ingen møder');
  return { rows, notes: [] };
}
