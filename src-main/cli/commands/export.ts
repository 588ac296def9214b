// referent export: the agenda, minutes or decision record of one meeting as .docx or PDF, or
// (--publication) the public PDF with the open attachments into a folder or .zip.
import path from 'node:path';
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentFormat, type DocumentKind } from '../../../src-shared/api/documents';
import { LocalDate } from '../../../src-shared/exchange';
import { printerOf } from '../../core/documents/documents.handlers';
import { exportDocument, findMeetingOn } from '../../core/documents/documents.service';
import { closeSharedPrinter } from '../../core/documents/pdf-playwright';
import { buildPublication, writePublication } from '../../core/documents/publication';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';
import { writeFileAtomic } from '../../core/util/write-file';

const usage =
  'referent export (--committee NAME --date YYYY-MM-DD | --meeting ID) --kind agenda|minutes|decisions --format docx|pdf [--archive] [--public] --out FILE [--db FILE]\n' +
  '       referent export (--committee NAME --date YYYY-MM-DD | --meeting ID) --publication --out FOLDER|FILE.zip [--kind minutes]';

export const exportCommand: CliCommand = {
  name: 'export',
  usage,
  run: async (args, io) => {
    const { values } = parse(
      args,
      {
        committee: { type: 'string' },
        date: { type: 'string' },
        meeting: { type: 'string' },
        kind: { type: 'string' },
        format: { type: 'string' },
        public: { type: 'boolean' },
        archive: { type: 'boolean' },
        publication: { type: 'boolean' },
        out: { type: 'string' },
      },
      usage,
    );
    if (!values.out) throw new UsageError(`--out is required\nusage: ${usage}`);
    const kind = (values.kind ?? (values.publication ? 'minutes' : undefined)) as DocumentKind | undefined;
    if (!kind || !DOCUMENT_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')}${values.kind ? `, not "${values.kind}"` : ''}`);
    const format = values.format as DocumentFormat | undefined;
    if (!values.publication && (!format || !DOCUMENT_FORMATS.includes(format))) {
      throw new UsageError(`--format must be docx or pdf${values.format ? `, not "${values.format}"` : ''}`);
    }
    if (values.meeting === undefined && (values.committee === undefined || values.date === undefined)) {
      throw new UsageError(`name the meeting with --committee and --date, or with --meeting\nusage: ${usage}`);
    }
    if (values.archive && format !== 'pdf') throw new UsageError('--archive (PDF/A-2) goes with --format pdf');
    if (values.date !== undefined && !LocalDate.safeParse(values.date).success) throw new UsageError(`--date must be a date like 2026-06-02, not "${values.date}"`);

    const out = path.resolve(io.cwd, values.out);
    try {
      return await withContext(io, values.db, async (ctx) => {
        const meetingId = values.meeting ?? (await findMeetingOn(ctx.store.db, values.committee!, values.date!));
        if (values.publication) {
          const pkg = await buildPublication(ctx.store.db, ctx.store.files, await printerOf(ctx), meetingId, kind);
          writePublication(pkg, out);
          io.err(`Wrote ${values.out}: ${pkg.entries.map((e) => e.name).join(', ')}`);
          for (const m of pkg.missing) io.err(`Not included (the file is not stored): ${m}`);
          for (const m of pkg.refused) io.err(`Not included (not a document type to publish): ${m}`);
          return 0;
        }
        const r = await exportDocument(ctx.store.db, await printerOf(ctx), { meetingId, kind, format: format!, public: values.public === true, archive: values.archive === true });
        writeFileAtomic(out, r.bytes);
        io.err(`Wrote ${values.out}${r.pageCount !== null ? ` (${r.pageCount} pages)` : ''}`);
        if (r.notice) io.err(r.notice.message);
        return 0;
      }, { readOnly: true });
    } finally {
      await closeSharedPrinter();
    }
  },
};
