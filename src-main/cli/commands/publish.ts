// referent publish: a committee's year (or the year of one meeting) as a static, accessible
// website folder with the mødeplan as .ics and publication.json; only changed files are written.
import path from 'node:path';
import { printerOf } from '../../core/documents/documents.handlers';
import { closeSharedPrinter } from '../../core/documents/pdf-playwright';
import { publish } from '../../core/publish/publish.service';
import { parse, yearArg } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';

const usage = 'referent publish (--committee NAME --year YYYY | --meeting ID) --out FOLDER [--base-url URL] [--oparl BASE_URL] [--no-pdf] [--json] [--db FILE]';

export const publishCommand: CliCommand = {
  name: 'publish',
  usage,
  run: async (args, io) => {
    const { values } = parse(
      args,
      { committee: { type: 'string' }, year: { type: 'string' }, meeting: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' }, oparl: { type: 'string' }, 'no-pdf': { type: 'boolean' }, json: { type: 'boolean' } },
      usage,
    );
    if (!values.out) throw new UsageError(`--out is required\nusage: ${usage}`);
    if (values.meeting === undefined && (values.committee === undefined || values.year === undefined)) {
      throw new UsageError(`name the committee and year with --committee and --year, or one meeting with --meeting\nusage: ${usage}`);
    }
    const year = yearArg(values.year, '--year');
    const baseUrl = values['base-url'];
    if (baseUrl !== undefined && !/^https?:\/\/\S+$/.test(baseUrl)) throw new UsageError(`--base-url must be a web address like https://example.dk/udvalg/obu/, not "${baseUrl}"`);
    if (values.oparl !== undefined && !/^https?:\/\/\S+$/.test(values.oparl)) throw new UsageError(`--oparl must be the web address the folder is published at, like https://example.dk/udvalg/obu/, not "${values.oparl}"`);
    const out = path.resolve(io.cwd, values.out);
    const withPdf = values['no-pdf'] !== true;
    try {
      return await withContext(io, values.db, async (ctx) => {
        const r = await publish(ctx.store.db, ctx.store.files, withPdf ? await printerOf(ctx) : null, { committee: values.committee, meetingId: values.meeting, year, pdf: withPdf, baseUrl: baseUrl ?? values.oparl, oparl: values.oparl }, out);
        if (values.json) io.out(JSON.stringify(r, null, 2));
        else {
          io.out(`Published into ${values.out}: ${r.written.length} files written, ${r.unchanged.length} unchanged, ${r.removed.length} removed.`);
          for (const f of r.removed) io.out(`Removed ${f}`);
        }
        for (const m of r.missing) io.err(`Not published (no file is stored for the attachment): ${m}`);
        return 0;
      }, { readOnly: true });
    } finally {
      await closeSharedPrinter();
    }
  },
};
