// "Politisk mødekalender 2027" as .docx, ready as a bilag: one table with a row per month and a
// column per committee (split into several tables when there are many committees), landscape A4.
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { MONTHS_DA, weekday } from '../../../src-shared/dates';
import type { ExportMeeting } from './export-meetings';

const MONTHS = MONTHS_DA.map((m) => m.charAt(0).toUpperCase() + m.slice(1));
const WEEKDAYS = ['Søn.', 'Man.', 'Tirs.', 'Ons.', 'Tors.', 'Fre.', 'Lør.'];
/** Columns per table: more do not fit a landscape A4 page legibly. */
const COLUMNS_PER_TABLE = 6;

/** "Tors. 25. kl. 16.00", as Danish meeting calendars write a date within its month. */
export const cellText = (v: string): string => `${WEEKDAYS[weekday(v)]} ${Number(v.slice(8, 10))}. kl. ${v.slice(11, 13)}.${v.slice(14, 16)}`;

const text = (t: string, bold = false): Paragraph => new Paragraph({ children: [new TextRun({ text: t, bold, size: 18 })] });

function headerCell(t: string): TableCell {
  return new TableCell({ children: [text(t, true)], shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E3EDF9' } });
}

type Column = { id: string; name: string; shortName: string | null };

function monthTable(columns: Column[], meetings: ExportMeeting[]): Table {
  const header = new TableRow({ tableHeader: true, children: [headerCell('Måned'), ...columns.map((c) => headerCell(c.name))] });
  const rows = MONTHS.map((month, i) => {
    const mm = String(i + 1).padStart(2, '0');
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ children: [text(month, true)] }),
        ...columns.map((c) => {
          const here = meetings.filter((m) => m.committeeId === c.id && m.start.slice(5, 7) === mm);
          return new TableCell({ children: here.length ? here.map((m) => text(cellText(m.start))) : [text('')] });
        }),
      ],
    });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

export async function buildDocx(meetings: ExportMeeting[], year: number, organization: string | null): Promise<Uint8Array> {
  const held = meetings.filter((m) => m.status !== 'cancelled');
  const columns: Column[] = [];
  for (const m of held) if (!columns.some((c) => c.id === m.committeeId)) columns.push({ id: m.committeeId, name: m.committee, shortName: m.shortName });
  columns.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const title = `Politisk mødekalender ${year}`;
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  if (organization) body.push(new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: organization, color: '5B6472' })] }));
  if (columns.length === 0) body.push(new Paragraph(`Der er ingen møder i ${year}.`));
  for (let i = 0; i < columns.length; i += COLUMNS_PER_TABLE) {
    if (i > 0) body.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    body.push(monthTable(columns.slice(i, i + COLUMNS_PER_TABLE), held));
  }
  // Where each committee meets: the place most of its meetings name.
  const places = columns
    .map((c) => {
      const counts = new Map<string, number>();
      for (const m of held) if (m.committeeId === c.id && m.location) counts.set(m.location, (counts.get(m.location) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1])[0];
      return top ? `${c.name}: ${top[0]}` : null;
    })
    .filter((x): x is string => x !== null);
  if (places.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun('Mødesteder')] }));
    for (const p of places) body.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: p, size: 20 })] }));
  }
  const doc = new Document({
    creator: 'Referent',
    title,
    styles: { default: { document: { run: { font: 'Arial', size: 20, language: { value: 'da-DK' } } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
