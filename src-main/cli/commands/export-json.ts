// referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip]
// The JSON is written a batch of meetings at a time, to the file or to stdout: any size exports.
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../core/dispatch';
import { writeBundle } from '../../core/exchange/bundle';
import { writeExport } from '../../core/exchange/export-stream';
import { parse, yearArg } from '../args';
import { type CliCommand, withContext } from '../types';
import { writeFileAtomic } from '../../core/util/write-file';

const usage = 'referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip] [--db FILE]';

export const exportJsonCommand: CliCommand = {
  name: 'export-json',
  usage,
  run: async (args, io) => {
    const { values } = parse(args, { committee: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, usage);
    const year = yearArg(values.year, '--year');
    const filter = { ...(values.committee ? { committee: values.committee } : {}), ...(year ? { year } : {}) };
    return withContext(io, values.db, async (ctx) => {
      if (values.out?.endsWith('.zip')) {
        const doc = await call(ctx, 'exchange.export', filter);
        writeFileAtomic(path.resolve(io.cwd, values.out), writeBundle(doc, ctx.store.filesDir));
      } else if (values.out) {
        // Through a temporary name: a failed export leaves no file behind.
        const out = path.resolve(io.cwd, values.out);
        const tmp = `${out}.${process.pid}.tmp`;
        const fd = fs.openSync(tmp, 'w');
        try {
          await writeExport(ctx.store.db, filter, (piece) => void fs.writeSync(fd, piece));
          fs.writeSync(fd, '\n');
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          fs.renameSync(tmp, out);
        } catch (e) {
          fs.closeSync(fd);
          fs.rmSync(tmp, { force: true });
          throw e;
        }
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
