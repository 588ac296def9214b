// Writes the store as a referent/v1 document a batch of meetings at a time, formatted exactly
// as JSON.stringify(document, null, 2) would: an archive of any size exports with memory bounded
// by one batch (a whole 250,000-item document is longer than a JavaScript string may be).
import type { ExMeeting } from '../../../src-shared/exchange';
import type { Db } from '../store/database';
import { streamMeetings } from '../meetings/meeting-content';
import { committeeHeaders, exportAnchor, organizationOf, type ExportFilter } from './export';
import { exportProposals } from '../flow/proposals.exchange';

const indent = (text: string, n: number): string => text.replace(/\n/g, `\n${' '.repeat(n)}`);

/** Calls `write` with consecutive pieces of the document; their concatenation is the document. `seen` is shown each meeting as it goes. */
export async function writeExport(db: Db, filter: ExportFilter, write: (piece: string) => void | Promise<void>, seen?: (meeting: ExMeeting, committee: string) => void): Promise<void> {
  // Read first: the anchor may only name entries the exported content already reflects.
  const anchor = await exportAnchor(db);
  const organization = await organizationOf(db);
  await write('{\n  "format": "referent/v1",\n');
  if (anchor) await write(`  "anchor": ${JSON.stringify(anchor)},\n`);
  if (organization) await write(`  "organization": ${indent(JSON.stringify(organization, null, 2), 2)},\n`);
  await write('  "committees": [');
  const committees = await committeeHeaders(db, filter);
  for (const [ci, { id, header }] of committees.entries()) {
    const head = JSON.stringify({ ...header, meetings: [] }, null, 2);
    const cut = head.lastIndexOf('"meetings": []');
    await write(`${ci ? ',' : ''}\n    ${indent(head.slice(0, cut), 4)}"meetings": [`);
    let count = 0;
    for await (const batch of streamMeetings(db, { committeeIds: [id], ...(filter.year !== undefined ? { year: filter.year } : {}) })) {
      let piece = '';
      for (const { meeting } of batch) {
        seen?.(meeting, header.name);
        piece += `${count++ ? ',' : ''}\n        ${indent(JSON.stringify(meeting, null, 2), 8)}`;
      }
      await write(piece);
    }
    await write(count ? '\n      ]\n    }' : ']\n    }');
  }
  await write(committees.length ? '\n  ]' : ']');
  // Few beside the items (one per item recommended onward): written in one piece.
  const proposals = await exportProposals(db, filter);
  if (proposals.length > 0) await write(`,\n  "proposals": ${indent(JSON.stringify(proposals, null, 2), 2)}`);
  await write('\n}');
}

/** The document as an exchange file holds it (`referent export-json --out`, Filer > Eksportér…): writeExport's pieces and a final newline. */
export async function writeExportFile(db: Db, filter: ExportFilter, write: (piece: string) => void | Promise<void>): Promise<void> {
  await writeExport(db, filter, write);
  await write('\n');
}
