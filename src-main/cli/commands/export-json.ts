// referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip]
import path from 'node:path';
import { call } from '../../core/dispatch';
import { writeBundle } from '../../core/exchange/bundle';
import { parse, yearArg } from '../args';
import { type CliCommand, withContext } from '../types';
import { writeFileAtomic } from '../../core/util/write-file';

const usage = 'referent export-json [--committee NAME] [--year YYYY] [--out FILE.json|FILE.referent.zip] [--db FILE]';

export const exportJsonCommand: CliCommand = {
  name: 'export-json',
  usage,
  summary: 'exchange document to stdout (or a .referent.zip bundle with --out)',
  run: async (args, io) => {
    const { values } = parse(args, { committee: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, usage);
    const year = yearArg(values.year, '--year');
    return withContext(io, values.db, async (ctx) => {
      const doc = await call(ctx, 'exchange.export', { ...(values.committee ? { committee: values.committee } : {}), ...(year ? { year } : {}) });
      if (!values.out) {
        io.out(JSON.stringify(doc, null, 2));
        return 0;
      }
      const out = path.resolve(io.cwd, values.out);
      const bytes = values.out.endsWith('.zip') ? writeBundle(doc, ctx.store.filesDir) : Buffer.from(JSON.stringify(doc, null, 2) + '\n');
      writeFileAtomic(out, bytes);
      io.err(`Wrote ${values.out}`);
      return 0;
    });
  },
};
