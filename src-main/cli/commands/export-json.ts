// referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip]
// The JSON is written a batch of meetings at a time, to the file or to stdout: any size exports.
import path from 'node:path';
import { writeBundleStream } from '../../core/exchange/bundle';
import { writeExport } from '../../core/exchange/export-stream';
import { parse, yearArg } from '../args';
import { type CliCommand, withContext } from '../types';
import { writeFileAtomicStream } from '../../core/util/write-file';
import { isBundle } from '../../host/exchange-file';

const usage = 'referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip] [--db FILE]';

export const exportJsonCommand: CliCommand = {
  name: 'export-json',
  usage,
  run: async (args, io) => {
    const { values } = parse(args, { committee: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, usage);
    const year = yearArg(values.year, '--year');
    const filter = { ...(values.committee ? { committee: values.committee } : {}), ...(year ? { year } : {}) };
    return withContext(io, values.db, async (ctx) => {
      if (values.out && isBundle(values.out)) {
        // Through a temporary name: a bundle with a missing or altered file fails whole, and nothing is left.
        let hashOnly: string[] = [];
        await writeFileAtomicStream(path.resolve(io.cwd, values.out), async (write) => {
          hashOnly = await writeBundleStream(ctx.store.db, filter, ctx.store.files, write);
        });
        io.err(`Wrote ${values.out}`);
        if (hashOnly.length > 0) io.err(`Note: ${hashOnly.length} attachment(s) were imported without their files and travel as hashes only: ${hashOnly.join(', ')}`);
        return 0;
      } else if (values.out) {
        // Through a temporary name, fsynced: a failed export leaves no file behind.
        await writeFileAtomicStream(path.resolve(io.cwd, values.out), async (write) => {
          await writeExport(ctx.store.db, filter, write);
          write('\n');
        });
      } else {
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
      }
      io.err(`Wrote ${values.out}`);
      return 0;
    }, { readOnly: true });
  },
};
