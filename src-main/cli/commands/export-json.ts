// referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip]
// The JSON is written a batch of meetings at a time, to the file or to stdout: any size exports.
import fs from 'node:fs';
import path from 'node:path';
import { writeBundleStream } from '../../core/exchange/bundle';
import { writeExport } from '../../core/exchange/export-stream';
import { parse, yearArg } from '../args';
import { type CliCommand, withContext } from '../types';

/** Writes `file` through a temporary name, piece by piece: a failed export leaves no file behind. */
async function writeThrough(file: string, body: (write: (piece: string | Uint8Array) => void) => Promise<void>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    await body((piece) => void (typeof piece === 'string' ? fs.writeSync(fd, piece) : fs.writeSync(fd, piece)));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

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
        await writeThrough(path.resolve(io.cwd, values.out), (write) => writeBundleStream(ctx.store.db, filter, ctx.store.filesDir, write));
      } else if (values.out) {
        await writeThrough(path.resolve(io.cwd, values.out), async (write) => {
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
