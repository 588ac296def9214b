// referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip]
// The JSON is written a batch of meetings at a time, to the file or to stdout: any size exports.
import path from 'node:path';
import { writeBundleStream } from '../../core/exchange/bundle';
import { writeExport, writeExportFile } from '../../core/exchange/export-stream';
import { parse, yearArg } from '../args';
import { type CliCommand, withContext } from '../types';
import { writeExchangeFile } from '../../host/exchange-file';

const usage = 'referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip] [--db FILE]';

export const exportJsonCommand: CliCommand = {
  name: 'export-json',
  usage,
  run: async (args, io) => {
    const { values } = parse(args, { committee: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, usage);
    const year = yearArg(values.year, '--year');
    const filter = { ...(values.committee ? { committee: values.committee } : {}), ...(year ? { year } : {}) };
    return withContext(io, values.db, async (ctx) => {
      if (values.out) {
        // As Filer > Eksportér… writes it: the name decides JSON or bundle, through a temporary name,
        // fsynced; a failed export (a bundle missing or with an altered file) leaves no file behind.
        let hashOnly: string[] = [];
        await writeExchangeFile(path.resolve(io.cwd, values.out), {
          json: (write) => writeExportFile(ctx.store.db, filter, write),
          bundle: async (write) => {
            hashOnly = await writeBundleStream(ctx.store.db, filter, ctx.store.files, write);
          },
        });
        io.err(`Wrote ${values.out}`);
        if (hashOnly.length > 0) io.err(`Note: ${hashOnly.length} attachment(s) were imported without their files and travel as hashes only: ${hashOnly.join(', ')}`);
        return 0;
      }
      // Whole lines at a time to stdout; the last one ends the document.
      let pending = '';
      await writeExport(ctx.store.db, filter, (piece) => {
        pending += piece;
        const cut = pending.lastIndexOf('\n');
        if (pending.length > 1 << 16 && cut >= 0) {
          io.out(pending.slice(0, cut + 1));
          pending = pending.slice(cut + 1);
        }
      });
      io.out(pending);
      return 0;
    }, { readOnly: true });
  },
};
