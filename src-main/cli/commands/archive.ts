// referent archive (--meeting ID | --committee NAME --date YYYY-MM-DD) --out FOLDER|FILE.zip: the
// archive package of approved minutes (src-main/core/archive/), for the records officer's ESDH;
// `referent verify --package` checks it without the database.
import path from 'node:path';
import { LocalDate } from '../../../src-shared/exchange';
import { buildArchivePackage } from '../../core/archive/archive-package';
import { writeArchivePackage } from '../../core/archive/package-files';
import { printerOf } from '../../core/documents/documents.handlers';
import { findMeetingOn } from '../../core/documents/documents.service';
import { closeSharedPrinter } from '../../core/documents/pdf-playwright';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';

const usage = 'referent archive (--meeting ID | --committee NAME --date YYYY-MM-DD) --out FOLDER|FILE.zip [--db FILE]';

export const archiveCommand: CliCommand = {
  name: 'archive',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { meeting: { type: 'string' }, committee: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } }, usage);
    if (positionals.length > 0) throw new UsageError(`archive takes no arguments\nusage: ${usage}`);
    if (!values.out) throw new UsageError(`--out is required\nusage: ${usage}`);
    if (values.meeting === undefined && (values.committee === undefined || values.date === undefined)) throw new UsageError(`name the meeting with --meeting, or with --committee and --date\nusage: ${usage}`);
    if (values.date !== undefined && !LocalDate.safeParse(values.date).success) throw new UsageError(`--date must be a date like 2026-06-02, not "${values.date}"`);
    const out = path.resolve(io.cwd, values.out);
    try {
      return await withContext(io, values.db, async (ctx) => {
        const meetingId = values.meeting ?? (await findMeetingOn(ctx.store.db, values.committee!, values.date!));
        const { entries, manifest } = await buildArchivePackage(ctx.store.db, ctx.store.files, await printerOf(ctx), meetingId);
        writeArchivePackage(entries, out);
        io.err(`Wrote ${values.out}: ${entries.map((e) => e.name).join(', ')}`);
        for (const x of manifest.notIncluded) io.err(`Not included (the file is not stored; its hash is in the manifest): ${x.title}`);
        return 0;
      }, { readOnly: true });
    } finally {
      await closeSharedPrinter();
    }
  },
};
