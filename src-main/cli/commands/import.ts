// referent import FILE.json|FILE.referent.zip
import fs from 'node:fs';
import path from 'node:path';
import { readBundle } from '../../core/exchange/bundle';
import { importDocument } from '../../core/exchange/import';
import { AppError } from '../../core/errors';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';

const usage = 'referent import FILE.json|FILE.referent.zip [--db FILE]';

export const importCommand: CliCommand = {
  name: 'import',
  usage,
  summary: 'import an exchange document; prints what it added',
  run: async (args, io) => {
    const { values, positionals } = parse(args, {}, usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`name one file to import\nusage: ${usage}`);
    const full = path.resolve(io.cwd, file);
    if (!fs.existsSync(full)) throw new UsageError(`${file}: no such file`);
    const bytes = fs.readFileSync(full);
    let document: unknown;
    let files = new Map<string, Uint8Array>();
    if (file.endsWith('.zip')) {
      ({ document, files } = readBundle(bytes, file));
    } else {
      try {
        document = JSON.parse(bytes.toString('utf8'));
      } catch (e) {
        throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
      }
    }
    const r = await withContext(io, values.db, (ctx) =>
      importDocument(ctx.store, document, { files }).catch((e: unknown) => {
        if (e instanceof AppError) throw new AppError(e.code, `${file}: ${e.message}`);
        throw e;
      }),
    );
    io.out(
      `Imported ${file}: committees ${r.committees.added} added, ${r.committees.updated} updated; ` +
        `meetings ${r.meetings.added} added, ${r.meetings.replaced} replaced, ${r.meetings.unchanged} unchanged; ` +
        `${r.items} items; ${r.files} files.`,
    );
    return 0;
  },
};
